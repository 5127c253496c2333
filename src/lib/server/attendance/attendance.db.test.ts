import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import { insertPlanningFixture, type PlanningFixture } from '../../../../tests/helpers/planning-fixture';
import { pdfImages, pdfText } from '../../../../tests/helpers/read-documents';
import { refusal } from '../../../../tests/helpers/refusal';
import { squarePng } from '../../../../tests/helpers/images';
import type { DatabaseHandle } from '../db';
import { demoSignaturePng } from '../demo/demo-signatures';
import { insertDefense } from '../publication/publication-repository';
import { actOnTimer } from '../live/timer-service';
import { attendanceSheetFile, juryAttendance, markAbsent, sessionAttendance, signAttendance } from './attendance-service';

let handle: DatabaseHandle;
let fixture: PlanningFixture;
const defenses: Record<string, string> = {};
const minute = 60_000;
// A well-formed id that names no defense (changing a real id's last digit gives it back one time in sixteen).
const NO_DEFENSE = '00000000-0000-4000-8000-000000000000';
// 2026-12-07 in Paris (UTC+1): jury A hears Amélie at 09:00, the Énergie team at 09:40 and Inès at 14:00.
const at = (time: string) => new Date(`2026-12-07T${time}:00+01:00`);
const png = (bytes: Buffer) => new File([new Uint8Array(bytes)], 'signature.png', { type: 'image/png' });
const juror = (id: string) => ({ id, role: 'juror' as const });

beforeAll(async () => {
	handle = await freshDatabase();
	fixture = await insertPlanningFixture(handle.db);
	const { juries, candidates, session } = fixture;
	const defense = async (key: string, start: Date, people: string[]) => {
		defenses[key] = await insertDefense(handle.db, {
			sessionId: session,
			juryId: juries.A,
			start,
			end: new Date(start.getTime() + 30 * minute),
			candidates: people
		});
	};
	await defense('amelie', at('09:00'), [candidates.amelie]);
	await defense('team', at('09:40'), [candidates.moussa, candidates.chloe]);
	await defense('ines', at('14:00'), [candidates.ines]);
	await defense('victor', at('10:20'), [candidates.victor]);
});
afterAll(async () => handle?.close());

describe('attendance sheets', () => {
	it('opens on the current half-day, lists the candidates of its defenses and the jurors, the president first', async () => {
		const view = await juryAttendance(handle.db, fixture.juries.A, null, at('08:30'));
		expect(view.halfDays).toEqual([
			{ date: '2026-12-07', part: 'morning' },
			{ date: '2026-12-07', part: 'afternoon' }
		]);
		expect(view.sheet!.halfDay).toEqual({ date: '2026-12-07', part: 'morning' });
		expect(view.sheet!.candidates.map((candidate) => candidate.name)).toEqual([
			'Amélie Lefèvre',
			'Chloé Rousseau',
			'Moussa N’Diaye',
			'Victor Caron'
		]);
		expect(view.sheet!.rooms).toEqual(['Salle Turing']);
		expect(view.sheet!.jurors.map((entry) => [entry.name, entry.president])).toEqual([
			['Claire Martin', true],
			['Julien Bernard', false]
		]);
		const afternoon = await juryAttendance(handle.db, fixture.juries.A, null, at('13:30'));
		expect(afternoon.sheet!.candidates.map((candidate) => candidate.name)).toEqual(['Inès Garcia']);
		expect((await refusal(juryAttendance(handle.db, fixture.juries.A, '2026-12-08-matin'))).status).toBe(404);
		expect((await refusal(juryAttendance(handle.db, fixture.juries.A, 'demain'))).status).toBe(404);
	});

	it('refuses a blank, forged, oversized or odd-sized signature, one for someone else, off the day or early: nothing written', async () => {
		const { jurors, candidates, juries } = fixture;
		const sign = (
			actor: string,
			personId: string,
			image: Buffer | null,
			now = at('09:01'),
			halfDay = '2026-12-07-matin',
			method = 'drawn'
		) => signAttendance(handle.db, juror(actor), juries.A, { halfDay, personId, method, image: image && png(image) }, now);
		const blank = Buffer.alloc(0); // an empty file
		expect((await refusal(sign(jurors.julien, candidates.amelie, null))).code).toBe('attendance.signature-missing');
		expect((await refusal(sign(jurors.julien, candidates.amelie, blank))).code).toBe('attendance.signature-missing');
		// A real PNG of the pad's size with no ink on it.
		const { PNG } = await import('pngjs');
		const empty = PNG.sync.write(new PNG({ width: 900, height: 360 }));
		expect((await refusal(sign(jurors.julien, candidates.amelie, empty))).code).toBe('attendance.signature-blank');
		expect((await refusal(sign(jurors.julien, candidates.amelie, squarePng(16)))).code).toBe('attendance.signature-dimensions');
		const truncated = demoSignaturePng('Amélie').subarray(0, 400);
		expect((await refusal(sign(jurors.julien, candidates.amelie, truncated))).code).toBe('attendance.signature-not-png');
		const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="900" height="360"/>'.padEnd(400));
		expect((await refusal(sign(jurors.julien, candidates.amelie, svg))).code).toBe('attendance.signature-not-png');
		expect((await refusal(sign(jurors.julien, candidates.amelie, Buffer.alloc(300 * 1024, 1)))).code).toBe(
			'attendance.signature-too-large'
		);
		const good = demoSignaturePng('Amélie Lefèvre');
		// A juror signs for themselves only; a candidate of another half-day or jury is not on this sheet.
		expect((await refusal(sign(jurors.julien, jurors.claire, good))).code).toBe('attendance.juror-self');
		expect((await refusal(sign(jurors.julien, candidates.ines, good))).code).toBe('attendance.person-not-found');
		expect((await refusal(sign(jurors.julien, candidates.zoe, good))).code).toBe('attendance.person-not-found');
		expect((await refusal(sign(jurors.julien, candidates.amelie, good, new Date('2026-12-08T09:00:00+01:00')))).code).toBe(
			'attendance.not-today'
		);
		expect((await refusal(sign(jurors.julien, candidates.ines, good, at('09:00'), '2026-12-07-apres-midi'))).code).toBe(
			'attendance.not-yet'
		);
		// Without a drawing, only the president attests a candidate's signature on the paper sheet.
		expect((await refusal(sign(jurors.julien, candidates.amelie, null, at('09:01'), '2026-12-07-matin', 'paper'))).code).toBe(
			'attendance.paper-president-only'
		);
		expect((await refusal(sign(jurors.julien, candidates.amelie, null, at('09:01'), '2026-12-07-matin', 'encre'))).code).toBe(
			'attendance.method-invalid'
		);
		const rows = await handle.db.selectFrom('attendance_signatures').select('id').execute();
		expect(rows).toEqual([]);
	});

	it('records a drawn signature once, with its time and collector, journalled; the signed candidate cannot be marked absent', async () => {
		const { jurors, candidates, juries } = fixture;
		const image = png(demoSignaturePng('Amélie Lefèvre'));
		const signed = await signAttendance(
			handle.db,
			juror(jurors.julien),
			juries.A,
			{ halfDay: '2026-12-07-matin', personId: candidates.amelie, method: 'drawn', image },
			at('08:52')
		);
		expect(signed).toEqual({ name: 'Amélie Lefèvre', signedAt: at('08:52') });
		const again = await refusal(
			signAttendance(
				handle.db,
				juror(jurors.claire),
				juries.A,
				{
					halfDay: '2026-12-07-matin',
					personId: candidates.amelie,
					method: 'drawn',
					image: png(demoSignaturePng('Amélie Lefèvre'))
				},
				at('08:55')
			)
		);
		expect(again.code).toBe('attendance.already-signed');
		const view = await juryAttendance(handle.db, juries.A, '2026-12-07-matin', at('09:00'));
		const amelie = view.sheet!.candidates.find((candidate) => candidate.personId === candidates.amelie)!;
		expect(amelie.signature).toMatchObject({ method: 'drawn', signedAt: at('08:52'), collectorName: 'Julien Bernard' });
		const audit = await handle.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'attendance.sign').execute();
		expect(audit).toEqual([{ action: 'attendance.sign', actor_id: jurors.julien }]);
		expect((await refusal(actOnTimer(handle.db, juror(jurors.claire), defenses.amelie, { action: 'absent' }))).code).toBe(
			'live.signed-present'
		);
	});

	it('marks a candidate absent through the defense’s own absence (president only); an absent candidate cannot sign', async () => {
		const { jurors, candidates, juries } = fixture;
		expect((await refusal(markAbsent(handle.db, juror(jurors.julien), juries.A, defenses.victor))).status).toBe(403);
		expect((await refusal(markAbsent(handle.db, juror(jurors.claire), juries.A, NO_DEFENSE))).status).toBe(404);
		await markAbsent(handle.db, juror(jurors.claire), juries.A, defenses.victor);
		const status = await handle.db.selectFrom('defenses').select('status').where('id', '=', defenses.victor).executeTakeFirstOrThrow();
		expect(status.status).toBe('absent');
		const late = await refusal(
			signAttendance(
				handle.db,
				juror(jurors.claire),
				juries.A,
				{
					halfDay: '2026-12-07-matin',
					personId: candidates.victor,
					method: 'drawn',
					image: png(demoSignaturePng('Victor Caron'))
				},
				at('10:30')
			)
		);
		expect(late.code).toBe('attendance.absent');
	});

	it('produces the PDF sheet: session, room, date, every candidate with time and signature or absence, every juror', async () => {
		const { jurors, candidates, juries, session } = fixture;
		const signAs = (actor: string, personId: string, time: string, method = 'drawn') =>
			signAttendance(
				handle.db,
				juror(actor),
				juries.A,
				{ halfDay: '2026-12-07-matin', personId, method, image: method === 'drawn' ? png(demoSignaturePng(personId)) : null },
				at(time)
			);
		await signAs(jurors.claire, jurors.claire, '08:40');
		await signAs(jurors.julien, jurors.julien, '08:45');
		await signAs(jurors.claire, candidates.moussa, '09:31');
		// The president attests Chloé signed the paper sheet (the tablet could not draw).
		await signAs(jurors.claire, candidates.chloe, '09:33', 'paper');

		const { pdf, filename } = await attendanceSheetFile(handle.db, juries.A, '2026-12-07-matin', session, at('12:00'));
		expect(filename).toBe('emargement-jury-A-2026-12-07-matin.pdf');
		const text = pdfText(pdf).replace(/\s+/g, ' ');
		for (const name of ['Amélie Lefèvre', 'Moussa N’Diaye', 'Chloé Rousseau', 'Victor Caron', 'Claire Martin', 'Julien Bernard'])
			expect(text).toContain(name);
		expect(text).not.toContain('Inès Garcia');
		for (const part of [
			'Feuille d’émargement',
			'Session test',
			'Jury A',
			'Salle Turing',
			'Matin du lundi 7 décembre 2026',
			'heure de Paris'
		])
			expect(text).toContain(part);
		expect(text).toMatch(/Amélie Lefèvre 09:00 08:52/);
		expect(text).toMatch(/Victor Caron 10:20 absent·e/);
		expect(text).toContain('signé sur la feuille papier');
		expect(text).toContain('recueilli par Julien Bernard');
		expect(text).toMatch(/Claire Martin Président·e 08:40/);
		// Four drawn signatures (Amélie, Moussa, the two jurors), each listed with its transparency mask.
		expect(pdfImages(pdf)).toBe(8);
		// The coordination asks within the session: a jury of another session is not found.
		expect((await refusal(attendanceSheetFile(handle.db, juries.A, null, fixture.candidates.amelie))).status).toBe(404);

		expect(await sessionAttendance(handle.db, session)).toEqual([
			{
				juryId: juries.A,
				label: 'A',
				halfDays: [
					{ date: '2026-12-07', part: 'morning' },
					{ date: '2026-12-07', part: 'afternoon' }
				]
			},
			// Jury B hears nobody: no sheet.
			{ juryId: juries.B, label: 'B', halfDays: [] }
		]);
	});
});
