import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import { refusal } from '../../../../tests/helpers/refusal';
import { startLocalSmtp, type LocalSmtp } from '../../../../tests/helpers/smtp';
import type { DatabaseHandle } from '../db';
import { seedDemo } from '../demo/demo-service';
import { DEMO_INCOMPLETE_CIVIL_STATUS, demoCivilStatus } from '../demo/demo-data';
import { closeSmtpConnections, dispatchOutbox } from '../notifications/mailer';
import { insertCertification } from '../certification/results-repository';
import { declarationSettings, updateDeclarationSettings } from '../certifier/certifier-service';
import { updateCandidateCivilStatus, updateOwnCivilStatus } from './civil-status-service';
import { exportDeclaration, exportFile, importReceipt, listAwards, remindDeclarationDeadlines } from './declaration-service';
import { declarationDeadline } from '$lib/domain/accrochage/deadline';
import { importCandidates } from '../people/candidate-import-service';
import { finishedJob } from '../../../../tests/helpers/jobs';

let handle: DatabaseHandle;
let smtp: LocalSmtp;
let pastId: string;
let todayId: string;
let coordinatorId: string;
const users = new Map<string, string>();
const id = (n: number) => users.get(`candidat${n}@soutenance.test`)!;
const NOW = new Date('2026-11-25T10:00:00Z');

const parser = new XMLParser({
	removeNSPrefix: true,
	ignoreAttributes: false,
	parseTagValue: false,
	isArray: (name) => name === 'passageCertification'
});
type Passage = Record<string, unknown> & { identificationTitulaire: { titulaire: Record<string, string> }; idTechnique: string };
function passagesOf(xml: string): Passage[] {
	const flux = parser.parse(xml).flux;
	return flux.emetteur.certificateurs.certificateur.certifications.certification.passageCertifications.passageCertification;
}
const receipt = (answers: [string, string, string?][]) =>
	new TextEncoder().encode(
		`<?xml version="1.0" encoding="UTF-8"?><accuseTraitement xmlns="urn:cdc:cpf:pc5:schema:1.0.0">${answers
			.map(
				([idTechnique, statut, motif]) =>
					`<passage><idTechnique>${idTechnique}</idTechnique><statut>${statut}</statut>${motif ? `<motif>${motif}</motif>` : ''}</passage>`
			)
			.join('')}</accuseTraitement>`
	);
const award = (sessionId: string, candidateId: string) =>
	insertCertification(handle.db, {
		sessionId,
		candidateId,
		outcome: 'titre',
		validatedBlocks: ['BC01', 'BC02', 'BC03', 'BC04', 'BC05', 'BC06'],
		blocks: [],
		reasons: [],
		cause: 'test',
		decidedBy: null
	});

beforeAll(async () => {
	handle = await freshDatabase();
	smtp = await startLocalSmtp();
	await seedDemo(handle.db, NOW);
	for (const row of await handle.db.selectFrom('users').select(['id', 'email']).execute()) users.set(row.email, row.id);
	coordinatorId = users.get('coordination@soutenance.test')!;
	const sessions = await handle.db.selectFrom('exam_sessions').select(['id', 'name']).execute();
	pastId = sessions.find((session) => session.name.includes('04/11/2026'))!.id;
	todayId = sessions.find((session) => session.name.includes('25/11/2026'))!.id;
}, 120_000);
afterAll(async () => {
	closeSmtpConnections();
	await smtp?.close();
	await handle?.close();
});

describe('the certifier’s identifiers', () => {
	it('refuses a matricule that is not 8 characters and a code of another type, writing nothing', async () => {
		const before = await declarationSettings(handle.db);
		const form = { clientId: '12ABC345', contractId: 'MCFCER000123', certificationType: 'RNCP', certificationCode: 'RNCP35288' };
		expect((await refusal(updateDeclarationSettings(handle.db, coordinatorId, { ...form, clientId: '12ABC34' }))).field).toBe('clientId');
		expect((await refusal(updateDeclarationSettings(handle.db, coordinatorId, { ...form, certificationCode: 'RS35288' }))).field).toBe(
			'certificationCode'
		);
		expect(await declarationSettings(handle.db)).toEqual(before);
		expect(before).toMatchObject({ clientId: '12ABC345', certificationCode: 'RNCP35288' });
	});
});

describe('civil status', () => {
	it('is refused whole when a code is malformed, and completed by the coordinator or the candidate', async () => {
		const candidate = id(DEMO_INCOMPLETE_CIVIL_STATUS + 1);
		const complete = { ...demoCivilStatus(DEMO_INCOMPLETE_CIVIL_STATUS), birthDate: '02/03/1996', sex: 'M', bornIn: 'france' };
		const wrong = await refusal(
			updateCandidateCivilStatus(handle.db, coordinatorId, todayId, candidate, { ...complete, birthCommuneCode: '20004' })
		);
		expect([wrong.field, wrong.message]).toEqual(['birthCommuneCode', expect.stringMatching(/2A ou 2B/)]);
		// Through a session the candidate is not registered in (the past one): not found, nothing written.
		expect(await refusal(updateCandidateCivilStatus(handle.db, coordinatorId, pastId, candidate, complete))).toMatchObject({
			status: 404,
			code: 'people.candidate-not-found'
		});
		expect((await refusal(updateOwnCivilStatus(handle.db, candidate, { ...complete, birthDate: '31/02/1996' }, NOW))).field).toBe(
			'birthDate'
		);
		const row = await handle.db.selectFrom('civil_status').selectAll().where('user_id', '=', candidate).executeTakeFirstOrThrow();
		expect([row.birth_date, row.sex]).toEqual([null, null]);
		await updateOwnCivilStatus(handle.db, candidate, { ...complete, birthCommuneCode: '2b033', birthPlaceLabel: 'Bastia' }, NOW);
		const saved = await handle.db.selectFrom('civil_status').selectAll().where('user_id', '=', candidate).executeTakeFirstOrThrow();
		expect([saved.birth_commune_code, saved.sex, saved.updated_by]).toEqual(['2B033', 'M', candidate]);
		// The candidate import fills the columns it has, keeps what a cell leaves empty, and takes the
		// first name when no first names are known.
		const file = [
			'Nom;Prénom;Email;Projet;Nom de naissance;Né(e) le;Sexe;Code INSEE de naissance;Commune de naissance',
			'Durand;Léa;lea.durand@exemple.fr;Projet;Martin;03/04/1997;F;69123;Lyon',
			'Morel;Anna;candidat27@soutenance.test;Projet;;;;;'
		].join('\n');
		await finishedJob(
			handle.db,
			importCandidates(handle.db, coordinatorId, pastId, new TextEncoder().encode(file), 'candidats.csv', 'http://localhost')
		);
		const imported = await handle.db
			.selectFrom('civil_status')
			.innerJoin('users', 'users.id', 'civil_status.user_id')
			.select(['users.email', 'birth_name', 'first_names', 'birth_date', 'sex', 'birth_commune_code', 'birth_place_label'])
			.where('users.email', 'in', ['lea.durand@exemple.fr', 'candidat27@soutenance.test'])
			.orderBy('users.email')
			.execute();
		expect(imported.map((row) => ({ ...row, birth_date: row.birth_date && String(row.birth_date).slice(0, 10) }))).toEqual([
			{
				email: 'candidat27@soutenance.test',
				...{ birth_name: 'Morel', first_names: 'Anna', birth_date: demoCivilStatus(26).birthDate, sex: 'F' },
				...{ birth_commune_code: demoCivilStatus(26).birthCommuneCode ?? null, birth_place_label: demoCivilStatus(26).birthPlaceLabel }
			},
			{
				email: 'lea.durand@exemple.fr',
				...{ birth_name: 'Martin', first_names: 'Léa', birth_date: '1997-04-03', sex: 'F' },
				...{ birth_commune_code: '69123', birth_place_label: 'Lyon' }
			}
		]);
		// Léa Durand is registered in the past session alone, whose results are published: she may no longer change it.
		const lea = await handle.db.selectFrom('users').select('id').where('email', '=', 'lea.durand@exemple.fr').executeTakeFirstOrThrow();
		const locked = await refusal(updateOwnCivilStatus(handle.db, lea.id, complete, NOW));
		expect(locked.code).toBe('accrochage.civil-status-locked');
		// Back to incomplete, as the demo leaves it.
		await updateCandidateCivilStatus(handle.db, coordinatorId, todayId, candidate, demoCivilStatus(DEMO_INCOMPLETE_CIVIL_STATUS));
	});
});

describe('the declaration', () => {
	let firstIds: Map<string, string>;

	it('exports one passage per title of the past session, every mandatory field filled from the civil status', async () => {
		const awards = await listAwards(handle.db, [pastId], NOW);
		const titles = await handle.db
			.selectFrom('certification_decisions')
			.select('candidate_id')
			.distinctOn('candidate_id')
			.where('session_id', '=', pastId)
			.orderBy('candidate_id')
			.orderBy('decided_at', 'desc')
			.select('outcome')
			.execute();
		const holders = titles.filter((row) => row.outcome === 'titre').map((row) => row.candidate_id);
		expect(holders.length).toBeGreaterThan(0);
		expect(awards.map((entry) => entry.candidateId).sort()).toEqual([...holders].sort());
		// Awarded the day the juries signed, three weeks before: 3 months from then.
		expect(new Set(awards.map((entry) => entry.awardedOn))).toEqual(new Set(['2026-11-04']));
		expect(awards.every((entry) => entry.state === 'to_declare' && entry.missing.length === 0 && entry.deadline === '2027-02-04')).toBe(
			true
		);
		expect(awards[0].daysLeft).toBe(71);

		const result = await exportDeclaration(handle.db, coordinatorId, pastId, NOW);
		expect(result.passages).toBe(holders.length);
		const file = await exportFile(handle.db, result.exportId);
		const passages = passagesOf(file.xml);
		expect(passages).toHaveLength(holders.length);
		const flux = parser.parse(file.xml).flux;
		expect(flux.idFlux).toBe(result.fluxId);
		expect(flux.emetteur.idClient).toBe('12ABC345');
		expect(flux.emetteur.certificateurs.certificateur.idContrat).toBe('MCFCER000123');
		const indexOf = new Map([...users].map(([email, userId]) => [userId, Number(email.match(/^candidat(\d+)@/)?.[1]) - 1]));
		firstIds = new Map();
		for (const passage of passages) {
			const holder = passage.identificationTitulaire.titulaire;
			const stored = await handle.db
				.selectFrom('cdc_passages')
				.select(['candidate_id', 'status'])
				.where('id_technique', '=', passage.idTechnique)
				.executeTakeFirstOrThrow();
			const expected = demoCivilStatus(indexOf.get(stored.candidate_id)!);
			expect(stored.status).toBe('declared');
			expect(passage.dateDebutValidite).toBe('2026-11-04');
			expect(passage.obtentionCertification).toBe('PAR_ADMISSION');
			expect(holder.nomNaissance).toBe(expected.birthName);
			expect(holder.prenom1).toBe(expected.firstNames);
			expect(holder.anneeNaissance).toBe(expected.birthDate.slice(0, 4));
			expect(holder.sexe).toBe(expected.sex);
			expect((passage.modalitesInscription as Record<string, string>).modaliteAcces).toBe(
				expected.accessMode || 'FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION'
			);
			firstIds.set(stored.candidate_id, passage.idTechnique);
		}
		// Everything is declared and awaits the receipt: nothing more to export.
		expect((await refusal(exportDeclaration(handle.db, coordinatorId, pastId, NOW))).code).toBe('accrochage.nothing-to-export');
	});

	it('takes the receipt, accepting some passages and rejecting others; the next file holds only the rejected and new ones', async () => {
		// Two more titles today: one complete, one whose civil status is incomplete (left out, listed).
		await award(todayId, id(20));
		await award(todayId, id(DEMO_INCOMPLETE_CIVIL_STATUS + 1));
		const first = await exportDeclaration(handle.db, coordinatorId, null, NOW);
		expect(first.passages).toBe(1);
		const today = await listAwards(handle.db, [todayId], NOW);
		expect(today.find((entry) => entry.candidateId === id(DEMO_INCOMPLETE_CIVIL_STATUS + 1))).toMatchObject({
			state: 'to_declare',
			missingLabels: ['Date de naissance', 'Sexe', 'Lieu de naissance (code INSEE)', 'Commune de naissance']
		});
		const newId = today.find((entry) => entry.candidateId === id(20))!.idTechnique!;

		const [acceptedId, ...others] = [...firstIds.values()];
		// A bad file, or a passage Soutenance never sent: refused in French, nothing written.
		const before = await handle.db.selectFrom('cdc_passages').selectAll().orderBy('id').execute();
		expect(
			(await refusal(importReceipt(handle.db, coordinatorId, new TextEncoder().encode('pas du XML <'), 'accuse.xml', null))).message
		).toMatch(/pas un XML lisible/);
		expect(
			(
				await refusal(
					importReceipt(
						handle.db,
						coordinatorId,
						receipt([
							[acceptedId, 'ACCEPTE'],
							['inconnu-1', 'REJETE']
						]),
						'accuse.xml',
						null
					)
				)
			).message
		).toMatch(/inconnu-1/);
		// From the past session's page, a passage of today's session: refused, naming it.
		const fromPastPage = importReceipt(
			handle.db,
			coordinatorId,
			receipt([
				[acceptedId, 'ACCEPTE'],
				[newId, 'REJETE', 'Code commune de naissance inconnu']
			]),
			'accuse.xml',
			pastId
		);
		expect(await refusal(fromPastPage)).toMatchObject({
			code: 'accrochage.receipt-other-session',
			message: expect.stringContaining(newId)
		});
		expect(await handle.db.selectFrom('cdc_passages').selectAll().orderBy('id').execute()).toEqual(before);

		const answer = await importReceipt(
			handle.db,
			coordinatorId,
			receipt([
				[acceptedId, 'ACCEPTE'],
				...others.map((other) => [other, 'ACCEPTE'] as [string, string]),
				[newId, 'REJETE', 'Code commune de naissance inconnu']
			]),
			'accuse.xml',
			null
		);
		expect(answer).toEqual({ accepted: 1 + others.length, rejected: 1 });
		const states = await listAwards(handle.db, null, NOW);
		expect(states.find((entry) => entry.idTechnique === newId)).toMatchObject({
			state: 'rejected',
			receiptMessage: 'Code commune de naissance inconnu'
		});
		expect(states.find((entry) => entry.idTechnique === acceptedId)).toMatchObject({ state: 'accepted' });

		// A new title meanwhile: the next file holds it and the rejected one, under its same idTechnique.
		await award(todayId, id(21));
		const next = await exportDeclaration(handle.db, coordinatorId, null, NOW);
		const passages = passagesOf((await exportFile(handle.db, next.exportId)).xml);
		expect(passages).toHaveLength(2);
		expect(passages.map((passage) => passage.idTechnique)).toContain(newId);
		expect(passages.map((passage) => passage.idTechnique)).not.toContain(acceptedId);
		const renewed = await handle.db
			.selectFrom('cdc_passages')
			.select(['status', 'receipt_message'])
			.where('id_technique', '=', newId)
			.executeTakeFirstOrThrow();
		expect(renewed).toEqual({ status: 'declared', receipt_message: null });
	});

	it('reminds the coordinators by e-mail 30 days before the deadline, once per award and deadline', async () => {
		// The incomplete holder of today is still to declare; every other award is declared or accepted.
		const pending = (await listAwards(handle.db, null, NOW)).filter((entry) => entry.state === 'to_declare' || entry.state === 'rejected');
		expect(pending.map((entry) => entry.candidateId)).toEqual([id(DEMO_INCOMPLETE_CIVIL_STATUS + 1)]);
		const deadline = declarationDeadline(pending[0].awardedOn);
		const early = new Date(`${deadline}T12:00:00+01:00`);
		early.setUTCDate(early.getUTCDate() - 31);
		expect(await remindDeclarationDeadlines(handle.db, early, 'https://soutenance.test')).toBe(0);
		const due = new Date(early.getTime() + 86_400_000);
		expect(await remindDeclarationDeadlines(handle.db, due, 'https://soutenance.test')).toBe(1);
		expect(await remindDeclarationDeadlines(handle.db, due, 'https://soutenance.test')).toBe(0);
		expect(await remindDeclarationDeadlines(handle.db, new Date(due.getTime() + 10 * 86_400_000), 'https://soutenance.test')).toBe(0);
		expect(await dispatchOutbox(handle.db, smtp.url)).toMatchObject({ failed: 0 });
		const reminders = smtp.messages.filter((message) => message.subject.startsWith('Déclaration à la Caisse des Dépôts'));
		expect(reminders).toHaveLength(1);
		expect(reminders[0].to).toEqual(['coordination@soutenance.test']);
		expect(reminders[0].subject).toBe('Déclaration à la Caisse des Dépôts : 1 titre à déclarer sous 30 jours');
		expect(reminders[0].text).toContain('Nathan Robin');
		expect(reminders[0].text).toContain(`avant le ${deadline.split('-').reverse().join('/')}`);
		expect(reminders[0].text).toContain('https://soutenance.test/coordination/declaration');
	});
});
