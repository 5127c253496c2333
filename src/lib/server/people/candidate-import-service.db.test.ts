import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countRows, freshDatabase } from '../../../../tests/helpers/database';
import type { DatabaseHandle } from '../db';
import { defaultReferentiel } from '$lib/domain/referentiel/referentiel';
import { verifyAuditChain } from '../audit/audit-repository';
import { UserFacingError } from '../errors';
import { syncReferentiels } from '../referentiel/referentiel-repository';
import { MAX_IMPORT_BYTES } from './candidate-import-reader';
import { ImportRejected, importCandidates as queueImport, previewCandidateImport } from './candidate-import-service';
import { finishedJob } from '../../../../tests/helpers/jobs';
import { insertUser } from '../auth/user-repository';

const SAMPLE = readFileSync(new URL('../../../../tests/fixtures/import/candidats-excel-fr.csv', import.meta.url));
const SAMPLE_TEXT = iconv.decode(SAMPLE, 'windows-1252');
const ORIGIN = 'http://localhost:3000';

let handle: DatabaseHandle;
let coordinatorId: string;

beforeAll(async () => {
	handle = await freshDatabase();
	await syncReferentiels(handle.db);
	coordinatorId = (await insertUser(handle.db, { email: 'coord@test.fr', displayName: 'Coord', role: 'coordinator' })).id;
});
afterAll(() => handle.close());

let sessionId: string;
// Each test starts from a new session and no candidate account, so the sample's e-mails are new.
beforeEach(async () => {
	await handle.db.deleteFrom('users').where('role', '=', 'candidate').execute();
	const session = await handle.db
		.insertInto('exam_sessions')
		.values({ referentiel_id: defaultReferentiel.id, name: `Session ${Math.random()}`, timezone: 'Europe/Paris' })
		.returning('id')
		.executeTakeFirstOrThrow();
	sessionId = session.id;
});

/** The confirmed import followed to its end: the file checked, then its job run. */
const importCandidates = (...args: Parameters<typeof queueImport>) =>
	finishedJob<{ imported: number; created: number; reused: number }>(handle.db, queueImport(...args));

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

async function counts() {
	const count = (table: 'users' | 'registrations' | 'candidate_profiles' | 'unavailability' | 'outbox' | 'audit_log') =>
		countRows(handle.db, table);
	return {
		users: await count('users'),
		registrations: await count('registrations'),
		profiles: await count('candidate_profiles'),
		unavailability: await count('unavailability'),
		outbox: await count('outbox'),
		audit: await count('audit_log')
	};
}

async function rejection(promise: Promise<unknown>): Promise<UserFacingError> {
	const error = await promise.then(
		() => null,
		(caught: unknown) => caught
	);
	expect(error).toBeInstanceOf(UserFacingError);
	return error as UserFacingError;
}

async function registered(email: string) {
	return handle.db
		.selectFrom('registrations')
		.innerJoin('users', 'users.id', 'registrations.candidate_id')
		.innerJoin('candidate_profiles', 'candidate_profiles.user_id', 'users.id')
		.selectAll()
		.where('registrations.session_id', '=', sessionId)
		.where('users.email', '=', email)
		.executeTakeFirstOrThrow();
}

async function unavailabilityOf(email: string) {
	return handle.db
		.selectFrom('unavailability')
		.innerJoin('users', 'users.id', 'unavailability.user_id')
		.select(['starts_at', 'ends_at', 'label'])
		.where('users.email', '=', email)
		.orderBy('starts_at')
		.execute();
}

describe('the French spreadsheet sample, as is (Windows-1252, semicolons, CRLF)', () => {
	it('previews 8 candidates without errors and writes nothing', async () => {
		const before = await counts();
		const preview = await previewCandidateImport(handle.db, sessionId, SAMPLE);
		expect(preview.format).toEqual({ kind: 'csv', encoding: 'windows-1252', delimiter: ';' });
		expect(preview.review.errorCount).toBe(0);
		expect(preview.review.drafts).toHaveLength(8);
		expect(await counts()).toEqual(before);
	});

	it('imports 8 candidates with accents, team, unavailability instants, extra time, invitations and audit rows', async () => {
		const before = await counts();
		const result = await importCandidates(handle.db, coordinatorId, sessionId, SAMPLE, 'candidats-excel-fr.csv', ORIGIN);
		expect(result).toEqual({ imported: 8, created: 8, reused: 0 });
		const after = await counts();
		expect(after.registrations - before.registrations).toBe(8);
		expect(after.users - before.users).toBe(8);
		expect(after.outbox - before.outbox).toBe(8);
		// user.create and candidate.register per candidate, plus one for the import.
		expect(after.audit - before.audit).toBe(8 * 2 + 1);
		expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });

		const amelie = await registered('amelie.lefevre@exemple.fr');
		expect(amelie.display_name).toBe('Amélie Lefèvre');
		expect(amelie.company).toBe('Crédit Agricole');
		expect(amelie.cohort).toBe('Fullstack Paris #14');
		expect(amelie.team).toBeNull();
		expect(amelie.extra_time_percent).toBe(0);
		expect((await registered('ines.garcia@exemple.fr')).extra_time_percent).toBe(33);

		const moussa = await registered('moussa.ndiaye@exemple.fr');
		const chloe = await registered('chloe.rousseau@exemple.fr');
		expect(moussa.display_name).toBe("Moussa N'Diaye");
		expect(moussa.team).toBe('Énergie');
		expect(chloe.team).toBe('Énergie');
		expect(moussa.project_title).toBe('Prévision de la demande électrique régionale');
		expect(moussa.company).toBeNull();

		// 08/03/2027 matin in Europe/Paris (UTC+1 in March before the change): 00:00–13:00 local.
		expect(await unavailabilityOf('moussa.ndiaye@exemple.fr')).toEqual([
			{ starts_at: new Date('2027-03-07T23:00:00Z'), ends_at: new Date('2027-03-08T12:00:00Z'), label: '08/03/2027 matin' }
		]);
		// 09/03/2027 après-midi in Europe/Berlin: 13:00–24:00 local.
		expect(await unavailabilityOf('lukas.muller@exemple.de')).toEqual([
			{ starts_at: new Date('2027-03-09T12:00:00Z'), ends_at: new Date('2027-03-09T23:00:00Z'), label: '09/03/2027 après-midi' }
		]);
		const etienne = await registered('etienne.bouchard@exemple.ca');
		expect(etienne.display_name).toBe('Étienne Bouchard');
		expect(etienne.timezone).toBe('America/Montreal');

		const invitation = await handle.db
			.selectFrom('outbox')
			.selectAll()
			.where('recipient', '=', 'zoe.dubois@exemple.fr')
			.executeTakeFirstOrThrow();
		expect(invitation.text_body).toContain('Zoé Dubois');
		expect(invitation.text_body).toContain(`${ORIGIN}/invitation/`);
	});

	it('refuses the same file a second time in the same session: every line is a duplicate, nothing written', async () => {
		await importCandidates(handle.db, coordinatorId, sessionId, SAMPLE, 'a.csv', ORIGIN);
		const before = await counts();
		const error = await rejection(importCandidates(handle.db, coordinatorId, sessionId, SAMPLE, 'a.csv', ORIGIN));
		expect(error).toBeInstanceOf(ImportRejected);
		const problems = (error as ImportRejected).preview.review.problems.filter((problem) => problem.severity === 'error');
		expect(problems.map((problem) => problem.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
		expect(problems.every((problem) => problem.column === 'Email' && /déjà inscrit·e à cette session/.test(problem.message))).toBe(true);
		expect(await counts()).toEqual(before);
	});

	it('registers known candidates of another session on their existing account (a retake)', async () => {
		await importCandidates(handle.db, coordinatorId, sessionId, SAMPLE, 'a.csv', ORIGIN);
		const firstSession = sessionId;
		const other = await handle.db
			.insertInto('exam_sessions')
			.values({ referentiel_id: defaultReferentiel.id, name: 'Rattrapage', timezone: 'Europe/Paris' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const before = await counts();
		const preview = await previewCandidateImport(handle.db, other.id, SAMPLE);
		expect(preview.review.errorCount).toBe(0);
		expect(preview.review.drafts.every((draft) => draft.existingUserId !== null)).toBe(true);
		const result = await importCandidates(handle.db, coordinatorId, other.id, SAMPLE, 'a.csv', ORIGIN);
		expect(result).toEqual({ imported: 8, created: 0, reused: 8 });
		const after = await counts();
		expect(after.users).toBe(before.users);
		expect(after.outbox).toBe(before.outbox);
		expect(after.registrations - before.registrations).toBe(8);
		// The same half-day is not stored twice.
		expect(after.unavailability).toBe(before.unavailability);
		expect(firstSession).not.toBe(other.id);
	});
});

describe('other encodings and formats of the same list', () => {
	it('lets two sessions import the same new candidates at the same moment: one account each, both imports complete', async () => {
		// They race on PostgreSQL (two connections); PGlite, with one, runs them one after the other.
		const { id: otherSessionId } = await handle.db
			.insertInto('exam_sessions')
			.values({ referentiel_id: defaultReferentiel.id, name: `Autre session ${Math.random()}`, timezone: 'Europe/Paris' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const outcomes = await Promise.all(
			[sessionId, otherSessionId].map((id) => importCandidates(handle.db, coordinatorId, id, SAMPLE, 'candidats.csv', ORIGIN))
		);
		expect(outcomes.map((outcome) => outcome.imported)).toEqual([8, 8]);
		expect(outcomes.reduce((sum, outcome) => sum + outcome.created, 0)).toBe(8);
		const registrations = await handle.db
			.selectFrom('registrations')
			.select('candidate_id')
			.where('session_id', 'in', [sessionId, otherSessionId])
			.execute();
		expect(registrations).toHaveLength(16);
		expect(new Set(registrations.map((row) => row.candidate_id)).size).toBe(8);
	});

	it('takes UTF-8 with BOM, commas and LF', async () => {
		const commas = SAMPLE_TEXT.replace(/\r\n/g, '\n')
			.split('\n')
			.map((line) =>
				line
					.split(';')
					.map((cell) => (cell.includes(',') || cell.includes('"') ? `"${cell.replace(/"/g, '""')}"` : cell))
					.join(',')
			)
			.join('\n');
		const preview = await previewCandidateImport(handle.db, sessionId, withBom(commas));
		expect(preview.format).toEqual({ kind: 'csv', encoding: 'utf-8', delimiter: ',' });
		expect(preview.review.errorCount).toBe(0);
		await importCandidates(handle.db, coordinatorId, sessionId, withBom(commas), 'utf8.csv', ORIGIN);
		expect((await registered('theo.moreau@exemple.fr')).project_title).toBe('Génération de données synthétiques par GAN');
		expect((await registered('chloe.rousseau@exemple.fr')).team).toBe('Énergie');
	});

	it('takes an XLSX workbook, with a hyperlinked e-mail, a date cell and a boolean', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Candidats');
		sheet.addRow([
			'Prénom',
			'Nom de famille',
			'Adresse e-mail',
			'Projet',
			'Équipe',
			'Fuseau horaire',
			'Temps supplémentaire (%)',
			'Indisponibilités',
			'Remarques'
		]);
		sheet.addRow([
			'Léa',
			'Müller',
			{ text: 'lea.muller@exemple.fr', hyperlink: 'mailto:lea.muller@exemple.fr' },
			'Vision par ordinateur',
			'Duo',
			'Europe/Paris',
			25,
			new Date(Date.UTC(2027, 2, 10)),
			'rien'
		]);
		sheet.addRow(['Hugo', 'Lambert', 'hugo.lambert@exemple.fr', 'Vision par ordinateur', 'duo', '', true, '10/03/2027 14:00-16:30', '']);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const preview = await previewCandidateImport(handle.db, sessionId, bytes);
		expect(preview.format).toEqual({ kind: 'xlsx', worksheet: 'Candidats' });
		expect(preview.review.errorCount).toBe(0);
		expect(preview.review.problems).toEqual([expect.objectContaining({ severity: 'warning', line: 1, column: 'Remarques', cell: 'I1' })]);
		await importCandidates(handle.db, coordinatorId, sessionId, bytes, 'liste.xlsx', ORIGIN);
		const lea = await registered('lea.muller@exemple.fr');
		expect(lea.display_name).toBe('Léa Müller');
		expect(lea.extra_time_percent).toBe(25);
		expect((await registered('hugo.lambert@exemple.fr')).team).toBe('Duo');
		expect((await registered('hugo.lambert@exemple.fr')).extra_time_percent).toBe(33);
		expect(await unavailabilityOf('lea.muller@exemple.fr')).toEqual([
			{ starts_at: new Date('2027-03-09T23:00:00Z'), ends_at: new Date('2027-03-10T23:00:00Z'), label: '10/03/2027' }
		]);
		expect(await unavailabilityOf('hugo.lambert@exemple.fr')).toEqual([
			{ starts_at: new Date('2027-03-10T13:00:00Z'), ends_at: new Date('2027-03-10T15:30:00Z'), label: '10/03/2027 14:00-16:30' }
		]);
	});
});

describe('files that must be refused, writing nothing', () => {
	/** A file that cannot be read at all is refused from the preview on; a readable one with errors only on import. */
	async function expectRefusedWithoutWriting(bytes: Uint8Array, message: RegExp, unreadable = true) {
		const before = await counts();
		if (unreadable) expect((await rejection(previewCandidateImport(handle.db, sessionId, bytes))).message).toMatch(message);
		expect((await rejection(importCandidates(handle.db, coordinatorId, sessionId, bytes, 'x', ORIGIN))).message).toMatch(message);
		expect(await counts()).toEqual(before);
	}

	it('refuses missing required columns and names them', async () => {
		const text = 'Prénom;Courriel;Société;Couleur préférée\r\nAmélie;amelie@exemple.fr;RTE;bleu\r\n';
		const preview = await previewCandidateImport(handle.db, sessionId, utf8(text));
		const errors = preview.review.problems.filter((problem) => problem.severity === 'error');
		expect(errors.map((problem) => problem.column)).toEqual(['Nom', 'Titre du projet']);
		expect(errors.every((problem) => problem.line === 1 && /Colonne obligatoire absente/.test(problem.message))).toBe(true);
		expect(preview.review.problems.find((problem) => problem.severity === 'warning')?.message).toContain('« Couleur préférée »');
		await expectRefusedWithoutWriting(utf8(text), /contient des erreurs/, false);
	});

	it('refuses an e-mail given twice in the file, naming both lines', async () => {
		const lines = SAMPLE_TEXT.split('\r\n');
		const text = [...lines.slice(0, 3), lines[2].replace('Moussa', 'Moussa-Bis'), ...lines.slice(3)].join('\r\n');
		const preview = await previewCandidateImport(handle.db, sessionId, utf8(text));
		expect(preview.review.problems.filter((problem) => problem.severity === 'error')).toEqual([
			expect.objectContaining({ line: 4, column: 'Email', cell: 'C4', message: 'moussa.ndiaye@exemple.fr figure déjà ligne 3.' })
		]);
		await expectRefusedWithoutWriting(utf8(text), /contient des erreurs/, false);
	});

	it('refuses an e-mail that belongs to a juror', async () => {
		await insertUser(handle.db, { email: 'zoe.dubois@exemple.fr', displayName: 'Zoé Jurée', role: 'juror' });
		const preview = await previewCandidateImport(handle.db, sessionId, SAMPLE);
		expect(preview.review.problems.filter((problem) => problem.severity === 'error')).toEqual([
			expect.objectContaining({ line: 8, column: 'Email', message: expect.stringContaining('juré·e') })
		]);
		await handle.db.deleteFrom('users').where('email', '=', 'zoe.dubois@exemple.fr').execute();
	});

	it('writes nothing when one row among good ones is bad', async () => {
		const lines = SAMPLE_TEXT.split('\r\n');
		lines[4] = lines[4].replace('America/Montreal', 'America/Atlantide');
		lines[5] = lines[5].replace(';oui;', ';150 %;');
		lines[6] = lines[6].replace('09/03/2027 après-midi', '31/02/2027 matin');
		lines[7] = lines[7].replace('zoe.dubois@exemple.fr', 'zoe.dubois@');
		const text = lines.join('\r\n');
		const preview = await previewCandidateImport(handle.db, sessionId, utf8(text));
		expect(
			preview.review.problems.filter((problem) => problem.severity === 'error').map((problem) => [problem.line, problem.column])
		).toEqual([
			[5, 'Fuseau horaire'],
			[6, 'Tiers-temps'],
			[7, 'Indisponibilités'],
			[8, 'Email']
		]);
		await expectRefusedWithoutWriting(utf8(text), /contient des erreurs/, false);
	});

	it('refuses a team of one (unknown team) and warns when team members have different projects', async () => {
		const lines = SAMPLE_TEXT.split('\r\n');
		lines[1] = lines[1].replace(';;Europe/Paris', ';Solo;Europe/Paris');
		lines[3] = lines[3].replace('Prévision de la demande électrique régionale', 'Autre projet');
		const preview = await previewCandidateImport(handle.db, sessionId, utf8(lines.join('\r\n')));
		expect(preview.review.problems.map((problem) => [problem.severity, problem.line, problem.column])).toEqual([
			['error', 2, 'Équipe'],
			['warning', 3, 'Titre du projet']
		]);
	});

	it('refuses a file over 5 MB', async () => {
		const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41);
		await expectRefusedWithoutWriting(big, /dépasse 5 Mo/);
	});

	it('refuses a PNG and a PDF renamed .csv, and an empty file', async () => {
		const png = new Uint8Array([
			0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1
		]);
		await expectRefusedWithoutWriting(png, /ni un CSV ni un classeur XLSX/);
		const pdf = new Uint8Array([
			...utf8('%PDF-1.7\n%'),
			0xe2,
			0xe3,
			0xcf,
			0xd3,
			0x0a,
			...utf8('1 0 obj\n<< /Length 5 /Filter /FlateDecode >>\nstream\n'),
			0x78,
			0x9c,
			0x03,
			0x00,
			0x00,
			0x00,
			0x00,
			0x01
		]);
		await expectRefusedWithoutWriting(pdf, /ni un CSV ni un classeur XLSX/);
		await expectRefusedWithoutWriting(new Uint8Array(), /vide/);
		await expectRefusedWithoutWriting(utf8('Nom;Prénom;Email;Titre du projet\r\n'), /aucun candidat/);
	});

	it('refuses a zip that is not a workbook', async () => {
		await expectRefusedWithoutWriting(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), /XLSX est illisible/);
	});

	it('answers 404 for an unknown session', async () => {
		const error = await rejection(previewCandidateImport(handle.db, '00000000-0000-4000-8000-000000000000', SAMPLE));
		expect(error.status).toBe(404);
		expect((await rejection(previewCandidateImport(handle.db, 'pas-un-uuid', SAMPLE))).status).toBe(404);
	});
});

describe('accommodations', () => {
	it('imports extra time in minutes and other arrangements, audited, and numbers the candidates in order', async () => {
		const file = utf8(
			'Nom;Prénom;Email;Titre du projet;Temps supplémentaire (minutes);Besoins particuliers\n' +
				'Dubois;Zoé;zoe@exemple.fr;P;5;Salle à part\n' +
				'Martin;Léo;leo@exemple.fr;P;;\n'
		);
		const preview = await previewCandidateImport(handle.db, sessionId, file);
		// The session's épreuve: 10 min of presentation and 10 of questions (the defaults).
		expect(preview.review.problems.map((problem) => problem.message)).toEqual([
			'5 min de temps supplémentaire sur une épreuve de 20 min (présentation et questions) : 25 % enregistrés.'
		]);
		await importCandidates(handle.db, coordinatorId, sessionId, file, 'liste.csv', ORIGIN);
		const zoe = await registered('zoe@exemple.fr');
		expect([zoe.extra_time_percent, zoe.other_arrangements, zoe.number]).toEqual([25, 'Salle à part', 1]);
		expect((await registered('leo@exemple.fr')).number).toBe(2);
		const audit = await handle.db
			.selectFrom('audit_log')
			.select('after')
			.where('action', '=', 'candidate.register')
			.where('entity_id', '=', `${sessionId}/${zoe.candidate_id}`)
			.executeTakeFirstOrThrow();
		expect(audit.after).toMatchObject({ extraTimePercent: 25, otherArrangements: 'Salle à part' });
	});

	it('stops on a column that looks like a civil-status field and writes nothing', async () => {
		const before = await counts();
		const file = utf8('Nom;Prénom;Email;Titre du projet;Nationalité\nDubois;Zoé;zoe@exemple.fr;P;française\n');
		const refusal = await rejection(importCandidates(handle.db, coordinatorId, sessionId, file, 'liste.csv', ORIGIN));
		expect(refusal).toBeInstanceOf(ImportRejected);
		expect((refusal as ImportRejected).preview.review.problems[0].message).toMatch(/^Colonne « Nationalité » non reconnue/);
		expect(await counts()).toEqual(before);
	});
});
