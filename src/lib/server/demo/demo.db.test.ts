import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import type { DatabaseHandle } from '../db';
import { candidateForecasts, sessionBoard } from '../live/board-service';
import { pdfText } from '../../../../tests/helpers/read-documents';
import { sessionRecordFile } from '../certification/results-service';
import { seedDemo } from './demo-service';
import { listAwards } from '../accrochage/declaration-service';
import { halfDaySlug } from '$lib/domain/attendance/half-day';
import { attendanceSheetFile, juryAttendance, sessionAttendance } from '../attendance/attendance-service';

let handle: DatabaseHandle | undefined;
afterEach(async () => {
	await handle?.close();
	handle = undefined;
});

/** An instant given as Paris wall-clock time on a winter day. */
const paris = (time: string) => new Date(`2026-12-03T${time}:00+01:00`);

async function sessionsOf(db: DatabaseHandle['db']) {
	const sessions = await db.selectFrom('exam_sessions').select(['id', 'name']).execute();
	const days = await db.selectFrom('session_days').select(['session_id', 'day', 'opens_at', 'closes_at']).execute();
	const dayOf = (id: string) => days.find((day) => day.session_id === id)!;
	return sessions.map((session) => ({ ...session, ...dayOf(session.id) })).sort((a, b) => String(a.day).localeCompare(String(b.day)));
}

describe('the demo looks like a real day, whatever the hour it is made', () => {
	// The hour matters to the demo's own arithmetic, not to the driver: each hour is seeded on one of them, the early
	// morning's and the late evening's clamped days on the embedded database, midday on PostgreSQL.
	for (const time of process.env.TEST_DRIVER === 'postgres' ? ['13:00'] : ['07:00', '23:30']) {
		// The whole demo seeded (a plan solved, grids scored, documents built): tens of seconds on a busy 2-core machine.
		it(`made at ${time} (Paris): today under way, a future session to plan, the past one published`, async () => {
			handle = await freshDatabase();
			const { db } = handle;
			const now = paris(time);
			await seedDemo(db, now);
			const [past, today, future] = await sessionsOf(db);
			expect([past.day, today.day, future.day].map(String)).toEqual(['2026-11-12', '2026-12-03', '2026-12-17']);
			// "now" lies inside today's opening hours.
			expect(today.opens_at <= time && time < today.closes_at).toBe(true);

			const board = await sessionBoard(db, today.id, now);
			expect(board.map((row) => row.label)).toEqual(['A', 'B', 'C']);
			for (const row of board) {
				// One defense under way, its clock running, a few minutes late at most.
				expect(row.current?.status, `jury ${row.label}`).toBe('in_progress');
				expect(row.delayKind).toBe('actual');
				expect(Math.abs(row.delayMinutes!), `jury ${row.label}`).toBeLessThanOrEqual(10);
				// Defenses heard and every grid of them submitted.
				expect(row.done, `jury ${row.label}`).toBeGreaterThanOrEqual(2);
				expect(row.daySubmitted).toBeGreaterThan(0);
				const defenses = await db
					.selectFrom('defenses')
					.select(['id', 'status', 'starts_at'])
					.where('jury_id', '=', row.juryId)
					.orderBy('starts_at')
					.execute();
				const doneIds = defenses.filter((defense) => defense.status === 'done').map((defense) => defense.id);
				const unsubmitted = await db
					.selectFrom('score_sheets')
					.select('defense_id')
					.where('defense_id', 'in', doneIds)
					.where('submitted_at', 'is', null)
					.execute();
				expect(unsubmitted).toEqual([]);
				// Done, then the one under way, then those to come (none left before midnight late in the evening).
				const order = defenses.map((defense) => defense.status).join(' ');
				expect(order).toMatch(/^(done )+in_progress( planned)*$/);
				if (time !== '23:30') expect(order).toMatch(/planned$/);
			}
			// Every live board's delays, including the defenses still to come, stay within 30 minutes.
			const registered = await db.selectFrom('registrations').select('candidate_id').where('session_id', '=', today.id).execute();
			expect(registered).toHaveLength(30);
			const placed = await db
				.selectFrom('defense_candidates')
				.innerJoin('defenses', 'defenses.id', 'defense_candidates.defense_id')
				.select('candidate_id')
				.where('defenses.session_id', '=', today.id)
				.execute();
			expect(placed).toHaveLength(30);
			for (const { candidate_id } of registered) {
				for (const forecast of await candidateForecasts(db, candidate_id, now))
					expect(Math.abs(forecast.delayMinutes ?? 0)).toBeLessThanOrEqual(30);
			}

			// The future session: jurors and candidates registered, nothing scheduled.
			expect(await count(db, 'session_jurors', future.id)).toBe(8);
			expect(await count(db, 'registrations', future.id)).toBeGreaterThan(10);
			expect(await count(db, 'defenses', future.id)).toBe(0);
			// The past session: the record of every jury that heard candidates signed, the results published.
			expect(await count(db, 'results_publications', past.id)).toBe(1);
			const unsigned = await db
				.selectFrom('juries')
				.leftJoin('pv_versions', 'pv_versions.jury_id', 'juries.id')
				.select(['juries.label', 'pv_versions.locked_at'])
				.where('juries.session_id', '=', past.id)
				.where((eb) => eb.exists(eb.selectFrom('defenses').select('defenses.id').whereRef('defenses.jury_id', '=', 'juries.id')))
				.execute();
			expect(unsigned.length).toBeGreaterThan(0);
			expect(unsigned.filter((row) => row.locked_at === null)).toEqual([]);
			// Its holders can be declared to the CDC at once; one demo candidate's civil status is left incomplete.
			const awards = await listAwards(db, [past.id], now);
			expect(awards.length).toBeGreaterThan(0);
			expect(awards.filter((award) => award.missing.length > 0)).toEqual([]);
			const incomplete = await db.selectFrom('civil_status').select('user_id').where('birth_date', 'is', null).execute();
			expect(incomplete).toHaveLength(1);
			// Its attendance sheets: one PDF per jury and half-day, every candidate heard signed, every juror too.
			const sheets = await sessionAttendance(db, past.id);
			// Every jury of the session heard candidates (a morning is too short for fewer juries), so each has its sheet.
			const heardBy = new Set(
				(await db.selectFrom('defenses').select('jury_id').where('session_id', '=', past.id).execute()).map((row) => row.jury_id)
			);
			expect(sheets.map((jury) => jury.juryId).sort()).toEqual([...heardBy].sort());
			expect(sheets.filter((jury) => jury.halfDays.length === 0)).toEqual([]);
			for (const jury of sheets) {
				for (const halfDay of jury.halfDays) {
					const { sheet } = await juryAttendance(db, jury.juryId, halfDaySlug(halfDay), now);
					expect(sheet!.candidates.filter((candidate) => !candidate.signature)).toEqual([]);
					expect(sheet!.jurors.filter((juror) => !juror.signature)).toEqual([]);
					const { pdf } = await attendanceSheetFile(db, jury.juryId, halfDaySlug(halfDay), past.id, now);
					const text = pdfText(pdf).replace(/\s+/g, ' ');
					for (const candidate of sheet!.candidates) expect(text).toContain(candidate.name);
				}
			}
			// Its procès-verbal names each president in full and lists the demo's accommodations, granted and delivered.
			const record = pdfText(await sessionRecordFile(db, past.id)).replace(/\s+/g, ' ');
			const presidents = await db
				.selectFrom('juries')
				.innerJoin('users', 'users.id', 'juries.president_id')
				.select('users.display_name as name')
				.where('juries.session_id', '=', past.id)
				.where(
					'juries.label',
					'in',
					unsigned.map((row) => row.label)
				)
				.execute();
			for (const president of presidents) expect(record).toContain(`${president.name} président·e du jury`);
			expect(record).toMatch(
				/Inès Garcia — candidat n° \d+ de la session .*Aménagements accordés : temps supplémentaire de 33 % ; autres aménagements : Salle au calme ; Pause de 5 minutes/
			);
			expect(record).toMatch(
				/Temps réalisé \(minuteur ; prévu temps supplémentaire compris\) : présentation : \d+ min \d{2} s réalisées pour 13 min 18 s prévues/
			);
			expect(record).toContain('Aménagements accordés : autres aménagements : Support de présentation agrandi');
		}, 120_000);
	}
});

async function count(
	db: DatabaseHandle['db'],
	table: 'session_jurors' | 'registrations' | 'defenses' | 'results_publications',
	sessionId: string
) {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('session_id', '=', sessionId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
