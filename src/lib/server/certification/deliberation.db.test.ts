import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishedJob } from '../../../../tests/helpers/jobs';
import { freshDatabase } from '../../../../tests/helpers/database';
import { pdfText } from '../../../../tests/helpers/read-documents';
import { startLocalSmtp } from '../../../../tests/helpers/smtp';
import { closeSmtpConnections, dispatchOutbox } from '../notifications/mailer';
import type { DatabaseHandle } from '../db';
import { deliberateDemoSession, seedDemo } from '../demo/demo-service';
import { UserFacingError } from '../errors';
import { insertReopening } from '../scoring/scoring-repository';
import {
	attestationFile,
	candidateResults,
	decisionsCsv,
	decisionsXlsx,
	enterResult,
	importResults,
	previewResultsImport,
	ResultsImportRejected,
	sessionRecordFile,
	sessionResults
} from './results-service';
import {
	deliberationView,
	openCorrection,
	recordDecisions,
	recordFile,
	recordView,
	sendSigningCode,
	signRecord,
	decisionField,
	justificationField,
	jurorDeliberations
} from './deliberation-service';
import { recordDownload } from './record-download';
import { editJury } from '../juries/jury-service';
import { journalPage } from '../audit/journal-service';

let handle: DatabaseHandle;
let pastId: string;
let todayId: string;
let coordinatorId: string;
const users = new Map<string, string>();
const juries = new Map<string, { id: string; members: string[]; president: string }>();
const defenseOf = new Map<string, string>();
const juryOf = new Map<string, { id: string; members: string[]; president: string }>();

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const id = (email: string) => users.get(email)!;
const flat = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, ' ');

async function expectRefusal(promise: Promise<unknown>, message: RegExp | string) {
	const caught = await promise.then(
		() => null,
		(error: unknown) => error
	);
	expect(caught).toBeInstanceOf(UserFacingError);
	expect((caught as Error).message).toMatch(message);
}

beforeAll(async () => {
	handle = await freshDatabase();
	const { db } = handle;
	const now = new Date('2026-11-25T10:00:00Z');
	await seedDemo(db, now);
	for (const row of await db.selectFrom('users').select(['id', 'email']).execute()) users.set(row.email, row.id);
	coordinatorId = id('coordination@soutenance.test');
	const sessions = await db.selectFrom('exam_sessions').select(['id', 'name']).orderBy('name').execute();
	pastId = sessions.find((session) => session.name.includes('04/11/2026'))!.id;
	todayId = sessions.find((session) => session.name.includes('25/11/2026'))!.id;
	for (const jury of await db.selectFrom('juries').select(['id', 'label', 'president_id']).where('session_id', '=', pastId).execute()) {
		const members = (await db.selectFrom('jury_members').select('juror_id').where('jury_id', '=', jury.id).execute()).map(
			(row) => row.juror_id
		);
		juries.set(jury.label, { id: jury.id, members, president: jury.president_id! });
	}
	// The demo deliberates the past session; this file does it step by step, so it starts again
	// from the defenses as they ended: nothing scored, decided, signed or published.
	const pastDefenseIds = (await db.selectFrom('defenses').select('id').where('session_id', '=', pastId).execute()).map((row) => row.id);
	await db.deleteFrom('results_publications').where('session_id', '=', pastId).execute();
	await db.deleteFrom('certification_decisions').where('session_id', '=', pastId).execute();
	await db.deleteFrom('block_results').where('session_id', '=', pastId).execute();
	await db
		.deleteFrom('pv_versions')
		.where(
			'jury_id',
			'in',
			[...juries.values()].map((jury) => jury.id)
		)
		.execute();
	await db.deleteFrom('deliberation_decisions').where('defense_id', 'in', pastDefenseIds).execute();
	await db.deleteFrom('score_sheets').where('defense_id', 'in', pastDefenseIds).execute();
	await db.deleteFrom('outbox').where('subject', 'like', 'Vos résultats%').execute();
	// Every defense is over and candidat10 did not come.
	const defenses = await db
		.selectFrom('defenses')
		.innerJoin('defense_candidates', 'defense_candidates.defense_id', 'defenses.id')
		.innerJoin('users', 'users.id', 'defense_candidates.candidate_id')
		.select(['defenses.id', 'defenses.jury_id as juryId', 'users.email'])
		.where('defenses.session_id', '=', pastId)
		.execute();
	for (const row of defenses) {
		const key = row.email.split('@')[0];
		defenseOf.set(key, row.id);
		juryOf.set(
			key,
			[...juries.values()].find((jury) => jury.id === row.juryId)!
		);
		await db
			.updateTable('defenses')
			.set({ status: key === 'candidat10' ? 'absent' : 'done' })
			.where('id', '=', row.id)
			.execute();
	}
	// The timer's records are this file's own.
	await db.deleteFrom('defense_phase_log').where('defense_id', 'in', pastDefenseIds).execute();
	const start = new Date('2026-11-04T08:00:00Z');
	// Incidents the record must report: an overrun and a reopened grid on candidat2's defense.
	await db
		.insertInto('defense_phase_log')
		.values({
			defense_id: defenseOf.get('candidat2')!,
			phase: 'presentation',
			started_at: start,
			ended_at: new Date(start.getTime() + 725_000),
			planned_seconds: 600,
			actual_seconds: 725
		})
		.execute();
	const second = juryOf.get('candidat2')!;
	await insertReopening(db, {
		defenseId: defenseOf.get('candidat2')!,
		jurorId: second.members.find((member) => member !== second.president)!,
		reopenedBy: second.president,
		reason: 'Niveau saisi sur la mauvaise compétence'
	});
	// Accommodations the record must show as granted and delivered: candidat2 has a tiers-temps and two other arrangements,
	// and the timer recorded the questions too.
	await db
		.updateTable('candidate_profiles')
		.set({ extra_time_percent: 33, other_arrangements: 'Salle à part\nSecrétaire lecteur' })
		.where('user_id', '=', id('candidat2@soutenance.test'))
		.execute();
	await db
		.insertInto('defense_phase_log')
		.values({
			defense_id: defenseOf.get('candidat2')!,
			phase: 'questions',
			started_at: new Date(start.getTime() + 725_000),
			ended_at: new Date(start.getTime() + 1_300_000),
			planned_seconds: 600,
			actual_seconds: 575
		})
		.execute();
	// A change of jury member: a later publication put a juror from another jury in place of a member, the next one put the member back.
	const plan = await db
		.selectFrom('plan_versions')
		.selectAll()
		.where('session_id', '=', pastId)
		.orderBy('version', 'desc')
		.executeTakeFirstOrThrow();
	const replaced = second.members.find((member) => member !== second.president)!;
	const newcomer = [...users.entries()].find(([email, user]) => email.startsWith('jury') && !second.members.includes(user))![1];
	const snapshot = plan.juries as { id: string; members: string[] }[];
	const swapped = snapshot.map((jury) =>
		jury.id === second.id ? { ...jury, members: jury.members.map((member) => (member === replaced ? newcomer : member)) } : jury
	);
	for (const [offset, juries] of [swapped, snapshot].entries())
		await db
			.insertInto('plan_versions')
			.values({
				session_id: pastId,
				version: plan.version + offset + 1,
				schedule: JSON.stringify(plan.schedule),
				rooms: JSON.stringify(plan.rooms),
				juries: JSON.stringify(juries),
				published_at: new Date(start.getTime() - (2 - offset) * 3_600_000)
			})
			.execute();
}, 60_000);

afterAll(async () => handle?.close());

describe('before every juror has submitted', () => {
	it('keeps the deliberation closed and names who is missing', async () => {
		const jury = juryOf.get('candidat1')!;
		const view = await deliberationView(handle.db, jury.president, defenseOf.get('candidat1')!);
		expect(view.state).toBe('waiting');
		if (view.state === 'waiting') expect(view.waitingFor.length).toBe(jury.members.length);
	});

	it('refuses a juror from another jury, even with the right id', async () => {
		const jury = juryOf.get('candidat1')!;
		const outsider = [...juries.values()].find((other) => other.id !== jury.id)!.president;
		await expectRefusal(deliberationView(handle.db, outsider, defenseOf.get('candidat1')!), /pas celle d'un de vos jurys/);
		await expectRefusal(recordView(handle.db, outsider, jury.id), /pas celle d'un de vos jurys/);
	});
});

describe('the demo deliberation of a past session', () => {
	beforeAll(async () => {
		await deliberateDemoSession(handle.db, pastId, {
			rng: mulberry(7),
			coordinatorId,
			signedAt: new Date('2026-11-04T17:00:00Z'),
			strongCandidateIds: [id('candidat1@soutenance.test')]
		});
	}, 60_000);

	it('opens the deliberation with levels, consolidated level and proposal once all have submitted', async () => {
		const jury = juryOf.get('candidat3')!;
		const view = await deliberationView(
			handle.db,
			jury.members.find((member) => member !== jury.president)!,
			defenseOf.get('candidat3')!
		);
		expect(view.state).toBe('open');
		if (view.state !== 'open') return;
		expect(view.locked).toBe(true);
		const competency = view.candidates[0].competencies[0];
		expect(competency.levels).toHaveLength(jury.members.length);
		const sorted = competency.levels.map((entry) => entry.level).sort((a, b) => a - b);
		expect(competency.consolidated).toBe(sorted[Math.floor((sorted.length - 1) / 2)]);
		expect(competency.proposed).toBe(competency.consolidated! >= 2);
	});

	it('locks each record once all members have signed, and the stored SHA-256 is the hash of the bytes served', async () => {
		const heard = new Set(juryOf.values());
		expect(heard.size).toBeGreaterThan(0);
		for (const jury of juries.values()) {
			const view = await recordView(handle.db, jury.members[0], jury.id);
			if (!heard.has(jury)) {
				expect(view.defenses).toEqual([]);
				continue;
			}
			expect(view.locked).toBe(true);
			expect(view.versions).toHaveLength(1);
			const file = await recordFile(handle.db, jury.members[0], jury.id, 1);
			expect(sha256(file.pdf)).toBe(view.versions[0].sha256);
			expect(file.sha256).toBe(view.versions[0].sha256);
		}
	});

	it('serves a record whose jury label is not Latin-1 under an RFC 6266 name, and a malformed version as not found', async () => {
		const jury = juryOf.get('candidat2')!;
		const { label } = await handle.db.selectFrom('juries').select('label').where('id', '=', jury.id).executeTakeFirstOrThrow();
		await handle.db.updateTable('juries').set({ label: 'Ω Łódź' }).where('id', '=', jury.id).execute();
		try {
			const response = await recordDownload(handle.db, null, jury.id, '1');
			expect(response.headers.get('content-disposition')).toBe(
				`attachment; filename="proces-verbal-jury-? ?ód?-v1.pdf"; filename*=UTF-8''proces-verbal-jury-%CE%A9%20%C5%81%C3%B3d%C5%BA-v1.pdf`
			);
			for (const version of ['99999999999999999999', '1\r\nx-injected: 1', '01', '1.0', '-1', ''])
				await expect(recordDownload(handle.db, null, jury.id, version), JSON.stringify(version)).rejects.toMatchObject({
					code: 'certification.version-not-found',
					status: 404
				});
		} finally {
			await handle.db.updateTable('juries').set({ label }).where('id', '=', jury.id).execute();
		}
	});

	it('prints the journal’s head at the last signature in the signed record and the session record, found intact', async () => {
		const jury = juryOf.get('candidat3')!;
		const lastSignature = await handle.db
			.selectFrom('audit_log')
			.select(['id', 'hash'])
			.where('action', '=', 'pv.sign')
			.where('entity_id', '=', jury.id)
			.orderBy('id', 'desc')
			.limit(1)
			.executeTakeFirstOrThrow();
		const printed = `Journal d’audit à la dernière signature : maillon n° ${lastSignature.id}, empreinte ${lastSignature.hash}`;
		expect(flat((await recordFile(handle.db, null, jury.id, 1)).pdf)).toContain(printed);
		expect(flat(await sessionRecordFile(handle.db, pastId))).toContain(printed);
		const { label } = await handle.db.selectFrom('juries').select('label').where('id', '=', jury.id).executeTakeFirstOrThrow();
		const journal = await journalPage(handle.db, { check: null });
		expect(journal.printed).toContainEqual(
			expect.objectContaining({ juryLabel: label, version: 1, id: lastSignature.id, hash: lastSignature.hash, status: 'intact' })
		);
	});

	it('holds every required element in the PDF text', async () => {
		const jury = juryOf.get('candidat2')!;
		const text = flat((await recordFile(handle.db, null, jury.id, 1)).pdf);
		const stored = await handle.db
			.selectFrom('pv_versions')
			.select(['content_sha256'])
			.where('jury_id', '=', jury.id)
			.executeTakeFirstOrThrow();
		const room = await handle.db
			.selectFrom('juries')
			.innerJoin('rooms', 'rooms.id', 'juries.room_id')
			.select(['rooms.name', 'rooms.remote'])
			.where('juries.id', '=', jury.id)
			.executeTakeFirstOrThrow();
		const members = await handle.db
			.selectFrom('jury_members')
			.innerJoin('users', 'users.id', 'jury_members.juror_id')
			.innerJoin('juror_profiles', 'juror_profiles.user_id', 'users.id')
			.select(['users.id', 'users.display_name as name', 'juror_profiles.external'])
			.where('jury_members.jury_id', '=', jury.id)
			.execute();
		const heard = await handle.db
			.selectFrom('defenses')
			.innerJoin('defense_candidates', 'defense_candidates.defense_id', 'defenses.id')
			.innerJoin('users', 'users.id', 'defense_candidates.candidate_id')
			.select('users.display_name as name')
			.where('defenses.jury_id', '=', jury.id)
			.execute();
		for (const expected of [
			'Procès-verbal de délibération',
			'Certificateur : Jedha',
			'Concepteur Développeur en Science des Données (RNCP 35288 — niveau 6)',
			'Session du 04/11/2026',
			'mercredi 4 novembre 2026',
			room.name,
			room.remote ? 'Modalité : distanciel' : 'Modalité : présentiel',
			...(room.remote ? [] : ['Jedha Paris, 4 rue de la Bourse, 75002 Paris']),
			...members.map(
				(member) =>
					`${member.name} : ${member.id === jury.president ? 'président·e' : 'membre'}, ` +
					(member.external ? 'extérieur·e à l’organisme' : 'interne à l’organisme')
			),
			'Règle de décision',
			'Bloc validé si toutes ses compétences sont acquises',
			...heard.map((candidate) => candidate.name),
			'Décision finale :',
			'Motifs :',
			'Dépassement en présentation : +2 min 05 s',
			'Niveau saisi sur la mauvaise compétence',
			// The signatures: each signer's name, role and time.
			'Signataire Qualité Signé le',
			'président·e du jury',
			'membre du jury',
			'mercredi 4 novembre 2026 à 18:00 (heure de Paris, UTC+01:00)',
			stored.content_sha256!,
			// On the certifier's letterhead, with the record's reference and page numbers.
			'Jedha Organisme certificateur',
			'Page 1 / '
		]) {
			expect(text, expected).toContain(expected);
		}
		expect(text).toMatch(/Grille de .+ rouverte par .+ : Niveau saisi/);
		expect(text).toMatch(new RegExp(`Réf\\. PV-[0-9A-Z]{8}-${[...juries.entries()].find(([, entry]) => entry.id === jury.id)![0]}-V1`));
		const president = members.find((member) => member.id === jury.president)!;
		expect(text).toContain(`${president.name} président·e du jury`);
		const first = flat((await recordFile(handle.db, null, juryOf.get('candidat1')!.id, 1)).pdf);
		expect(first).toContain('Amélie Lefèvre');
		expect(first).toMatch(
			/Amélie Lefèvre .*BC01 validé, BC02 validé, BC03 validé, BC04 validé, BC05 validé, BC06 validé Décision finale : Titre obtenu/
		);
		const absentText = flat((await recordFile(handle.db, null, juryOf.get('candidat10')!.id, 1)).pdf);
		expect(absentText).toContain('Absence à la soutenance');
		expect(absentText).toMatch(/Hugo Lambert .*Décision finale : Absent·e/);
	});

	it('records each signer by full name, the accommodations granted and delivered, the jurors present and a change of member', async () => {
		const jury = juryOf.get('candidat2')!;
		const text = flat((await recordFile(handle.db, null, jury.id, 1)).pdf);
		const names = new Map(
			(await handle.db.selectFrom('users').select(['id', 'display_name as name']).execute()).map((user) => [user.id, user.name])
		);
		const president = names.get(jury.president)!;
		expect(president).toMatch(/^\S+ \S+/);
		const signedAt = /\w+ \d{1,2} novembre 2026 à \d{2}:\d{2} \(heure de Paris, UTC\+01:00\)/.source;
		expect(text).toMatch(new RegExp(`${president} président·e du jury, (extérieur·e|interne) à l’organisme ${signedAt}`));
		for (const member of jury.members.filter((entry) => entry !== jury.president))
			expect(text).toMatch(new RegExp(`${names.get(member)} membre du jury, (extérieur·e|interne) à l’organisme ${signedAt}`));
		const number = (
			await handle.db
				.selectFrom('registrations')
				.select('number')
				.where('session_id', '=', pastId)
				.where('candidate_id', '=', id('candidat2@soutenance.test'))
				.executeTakeFirstOrThrow()
		).number;
		expect(text).toContain(`Moussa N’Diaye — candidat n° ${number} de la session`);
		expect(text).toContain(
			'Aménagements accordés : temps supplémentaire de 33 % ; autres aménagements : Salle à part ; Secrétaire lecteur'
		);
		expect(text).toContain(
			'Temps réalisé (minuteur ; prévu temps supplémentaire compris) : présentation : 12 min 05 s réalisées pour 10 min 00 s prévues ; ' +
				'questions : 9 min 35 s réalisées pour 10 min 00 s prévues'
		);
		const present = jury.members.map((member) => names.get(member)!).sort((a, b) => a.localeCompare(b, 'fr'));
		expect(text).toContain(`Jurés présents : ${present.join(', ')}`);
		expect(text).toContain('Dépassement en présentation : +2 min 05 s');
		const replaced = names.get(jury.members.find((member) => member !== jury.president)!)!;
		const newcomer = (
			await handle.db.selectFrom('plan_versions').select('juries').where('session_id', '=', pastId).orderBy('version').execute()
		)
			.flatMap((plan) => (plan.juries as { id: string; members: string[] }[]).filter((entry) => entry.id === jury.id))
			.flatMap((entry) => entry.members)
			.find((member) => !jury.members.includes(member))!;
		expect(text).toMatch(
			new RegExp(
				`Changement de membre du jury, publié le [^;]+ ; a quitté le jury : ${replaced} ; a rejoint le jury : ${names.get(newcomer)}`
			)
		);
		expect(text).toMatch(
			new RegExp(
				`Changement de membre du jury, publié le [^;]+ ; a quitté le jury : ${names.get(newcomer)} ; a rejoint le jury : ${replaced}`
			)
		);
		// A candidate granted nothing says so; the journal's head at signing is still printed.
		const other = flat((await recordFile(handle.db, null, juryOf.get('candidat1')!.id, 1)).pdf);
		expect(other).toMatch(/Amélie Lefèvre — candidat n° \d+ de la session .*Aménagements accordés : aucun/);
		expect(other).toContain('Durées réalisées (minuteur) : non relevées (minuteur non utilisé)');
		expect(text).toMatch(/Journal d’audit à la dernière signature : maillon n° \d+, empreinte [0-9a-f]{64}/);
	});

	it('gives every heard candidate a decision; absent is absent', async () => {
		const results = await sessionResults(handle.db, pastId);
		const byEmail = new Map(results.rows.map((row) => [row.email, row]));
		expect(byEmail.get('candidat1@soutenance.test')!.current!.outcome).toBe('titre');
		expect(byEmail.get('candidat10@soutenance.test')!.current!.outcome).toBe('absent');
		expect(results.rows.every((row) => row.state === 'decided')).toBe(true);
		expect(results.juries.every((jury) => jury.version === 1)).toBe(true);
	});

	it('signs only with the right password', async () => {
		const jury = juryOf.get('candidat1')!;
		await expectRefusal(
			signRecord(handle.db, jury.members[1], jury.id, { password: 'pas-le-bon-mot-de-passe', code: '' }, '10.1.0.1'),
			/Mot de passe incorrect/
		);
	});

	it('keeps in the jury a member who has submitted a grid: removing them is refused, naming them, and nothing changes', async () => {
		const jury = juryOf.get('candidat1')!;
		const row = await handle.db.selectFrom('juries').selectAll().where('id', '=', jury.id).executeTakeFirstOrThrow();
		const leaving = jury.members.find((member) => member !== jury.president)!;
		const name = (await handle.db.selectFrom('users').select('display_name').where('id', '=', leaving).executeTakeFirstOrThrow())
			.display_name;
		const form = {
			label: row.label,
			roomId: row.room_id ?? undefined,
			presidentId: jury.president,
			memberIds: jury.members.filter((member) => member !== leaving)
		};
		const refused = await editJury(handle.db, coordinatorId, row.session_id, jury.id, form).catch((caught: unknown) => caught);
		expect(refused).toMatchObject({ code: 'juries.member-has-submitted', status: 409, field: 'members' });
		expect((refused as Error).message).toContain(name);
		const members = await handle.db.selectFrom('jury_members').select('juror_id').where('jury_id', '=', jury.id).execute();
		expect(members.map((member) => member.juror_id).sort()).toEqual([...jury.members].sort());
	});

	it('counts wrong signing passwords with the login throttle: after ten, the right one gets the same refusal', async () => {
		const jury = juryOf.get('candidat1')!;
		const member = jury.members[1];
		try {
			for (let attempt = 0; attempt < 10; attempt++) {
				const wrong = await signRecord(handle.db, member, jury.id, { password: `essai ${attempt} incorrect`, code: '' }, '10.1.0.2').catch(
					(caught: unknown) => caught
				);
				expect(wrong).toMatchObject({ code: 'certification.wrong-password', status: 400 });
			}
			const right = await signRecord(handle.db, member, jury.id, { password: 'soutenance-demo', code: '' }, '10.1.0.2').catch(
				(caught: unknown) => caught
			);
			expect(right).toMatchObject({ code: 'certification.wrong-password', status: 400, field: 'password' });
		} finally {
			await handle.db.deleteFrom('login_failures').execute();
		}
	});

	it('corrects a signed record in a new version citing the previous hash; the old one stays readable', async () => {
		const jury = juryOf.get('candidat2')!;
		const before = await recordView(handle.db, jury.president, jury.id);
		const firstHash = before.versions[0].sha256!;
		await expectRefusal(recordDecisions(handle.db, jury.president, defenseOf.get('candidat2')!, {}), /ouvrez une correction/);
		expect(await openCorrection(handle.db, jury.president, jury.id, 'Erreur de saisie sur C6.2')).toBe(2);
		const view = await deliberationView(handle.db, jury.president, defenseOf.get('candidat2')!);
		if (view.state !== 'open') throw new Error('closed');
		const form: Record<string, string> = {};
		for (const other of view.candidates) {
			for (const competency of other.competencies)
				form[decisionField(other.id, competency.code)] = competency.decision!.decided ? 'oui' : 'non';
			for (const competency of other.competencies)
				if (competency.decision!.justification) form[justificationField(other.id, competency.code)] = competency.decision!.justification;
			form[decisionField(other.id, 'BC06')] = other.block.decision!.decided ? 'oui' : 'non';
		}
		const candidate = view.candidates[0];
		for (const competency of candidate.competencies)
			form[decisionField(candidate.id, competency.code)] = competency.proposed ? 'oui' : 'non';
		const flipped = candidate.competencies[1];
		form[decisionField(candidate.id, flipped.code)] = flipped.proposed ? 'non' : 'oui';
		form[decisionField(candidate.id, 'BC06')] = candidate.block.proposedFromDecisions ? 'oui' : 'non';
		// Differs from the proposal without a reason: refused, and nothing changes.
		const recompute = () =>
			handle.db
				.selectFrom('deliberation_decisions')
				.select(['code', 'decided', 'justification'])
				.where('defense_id', '=', defenseOf.get('candidat2')!)
				.orderBy('code')
				.execute();
		const stored = await recompute();
		await expectRefusal(
			recordDecisions(handle.db, jury.president, defenseOf.get('candidat2')!, form),
			new RegExp(`justifiée par écrit : ${flipped.code.replace('.', '\\.')}`)
		);
		expect(await recompute()).toEqual(stored);
		form[justificationField(candidate.id, flipped.code)] = 'Relecture de la grille : erreur de saisie';
		const bc06 = candidate.competencies.map((entry) => (entry.code === flipped.code ? !flipped.proposed : entry.proposed)).every(Boolean);
		form[decisionField(candidate.id, 'BC06')] = bc06 ? 'oui' : 'non';
		await recordDecisions(handle.db, jury.president, defenseOf.get('candidat2')!, form);
		for (const [index, member] of jury.members.entries()) {
			const outcome = await signRecord(
				handle.db,
				member,
				jury.id,
				{ password: 'soutenance-demo', code: '' },
				'10.1.0.1',
				new Date(`2026-11-05T09:0${index}:00Z`)
			);
			expect(outcome.locked).toBe(index === jury.members.length - 1);
		}
		const after = await recordView(handle.db, jury.president, jury.id);
		expect(after.versions.map((version) => version.version)).toEqual([1, 2]);
		expect(after.versions[1].previousSha256).toBe(firstHash);
		expect(sha256((await recordFile(handle.db, jury.president, jury.id, 1)).pdf)).toBe(firstHash);
		const text = flat((await recordFile(handle.db, jury.president, jury.id, 2)).pdf);
		expect(text).toContain(`Correction de la version 1 (empreinte SHA-256 ${firstHash}). Motif : Erreur de saisie sur C6.2`);
		expect(text).toContain('Relecture de la grille : erreur de saisie');
		const history = (await sessionResults(handle.db, pastId)).rows.find((row) => row.email === 'candidat2@soutenance.test')!.history;
		expect(history[0].cause).toBe('pv');
	}, 30_000);

	it('asks more than the password to prove presence: no signing 24 h after a reset without mail, a mailed code with SMTP', async () => {
		const jury = juryOf.get('candidat2')!;
		expect(await openCorrection(handle.db, jury.president, jury.id, 'Vérification des signatures')).toBe(3);
		const [first, ...others] = jury.members;
		const password = 'soutenance-demo';
		const minutes = (iso: string, count: number) => new Date(new Date(iso).getTime() + count * 60_000);
		const signaturesOfVersion3 = () =>
			handle.db
				.selectFrom('pv_signatures')
				.innerJoin('pv_versions', 'pv_versions.id', 'pv_signatures.pv_id')
				.select('pv_signatures.juror_id')
				.where('pv_versions.jury_id', '=', jury.id)
				.where('pv_versions.version', '=', 3)
				.execute();
		await handle.db
			.updateTable('users')
			.set({ password_reset_at: new Date('2026-11-06T08:00:00Z') })
			.where('id', '=', first)
			.execute();
		await expectRefusal(
			signRecord(handle.db, first, jury.id, { password, code: '' }, '10.1.0.3', new Date('2026-11-07T07:59:00Z')),
			'Votre mot de passe a été réinitialisé il y a moins de 24 heures : pour que personne ne puisse signer à votre place, ' +
				'vous pourrez signer à partir du samedi 7 novembre 2026 à 09:00 (heure de Paris, UTC+01:00). ' +
				'Sans envoi d’e-mails, une réinitialisation récente ne suffit pas à prouver votre présence.'
		);
		expect(await signaturesOfVersion3()).toEqual([]);

		const smtp = await startLocalSmtp();
		const previousSmtp = process.env.SMTP_URL;
		process.env.SMTP_URL = smtp.url;
		try {
			const at = '2026-11-07T08:00:00Z';
			await expectRefusal(
				signRecord(handle.db, first, jury.id, { password, code: '' }, '10.1.0.3', new Date(at)),
				/code de signature reçu/
			);
			const codeOf = async (jurorId: string, when: Date) => {
				const { email } = await sendSigningCode(handle.db, jurorId, jury.id, when);
				await dispatchOutbox(handle.db, smtp.url);
				// The pooled transport sends several messages at once: the demo's own mails may arrive after this one.
				const mail = smtp.messages
					.filter((message) => message.to.includes(email) && message.subject.startsWith('Code de signature'))
					.at(-1)!;
				return /Code de signature : (\d{6})/.exec(mail.text)![1];
			};
			const code = await codeOf(first, new Date(at));
			await expectRefusal(sendSigningCode(handle.db, first, jury.id, minutes(at, 0.5)), /attendez une minute/);
			const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
			await expectRefusal(
				signRecord(handle.db, first, jury.id, { password, code: wrong }, '10.1.0.3', new Date(at)),
				/Code de signature incorrect/
			);
			expect(await handle.db.selectFrom('login_failures').select('id').where('ip', '=', '10.1.0.3').execute()).toHaveLength(1);
			await expectRefusal(signRecord(handle.db, first, jury.id, { password, code }, '10.1.0.3', minutes(at, 11)), /incorrect ou expiré/);
			expect(await signaturesOfVersion3()).toEqual([]);
			// A code proves the mailbox, so a recent reset does not stop this signature.
			const fresh = await codeOf(first, minutes(at, 12));
			expect((await signRecord(handle.db, first, jury.id, { password, code: fresh }, '10.1.0.3', minutes(at, 13))).locked).toBe(false);
			await expectRefusal(
				signRecord(handle.db, first, jury.id, { password, code: fresh }, '10.1.0.3', minutes(at, 14)),
				/incorrect ou expiré/
			);
			for (const [index, member] of others.entries()) {
				const memberCode = await codeOf(member, minutes(at, 20 + index));
				const outcome = await signRecord(handle.db, member, jury.id, { password, code: memberCode }, '10.1.0.3', minutes(at, 20 + index));
				expect(outcome.locked).toBe(index === others.length - 1);
			}
		} finally {
			if (previousSmtp === undefined) delete process.env.SMTP_URL;
			else process.env.SMTP_URL = previousSmtp;
			closeSmtpConnections();
			await smtp.close();
			await handle.db.deleteFrom('login_failures').execute();
			await handle.db.updateTable('users').set({ password_reset_at: null }).where('id', '=', first).execute();
		}
	}, 30_000);

	it('builds the session record from every jury and exports decisions as CSV with BOM and semicolons', async () => {
		const text = flat(await sessionRecordFile(handle.db, pastId));
		for (const jury of new Set(juryOf.values())) {
			const view = await recordView(handle.db, jury.president, jury.id);
			const latest = view.versions.at(-1)!;
			expect(text).toContain(`Jury ${view.juryLabel}, version ${latest.version} : empreinte SHA-256 du PV ${latest.sha256}`);
		}
		const csv = await decisionsCsv(handle.db, pastId);
		expect(csv.startsWith('\uFEFFNom;E-mail;Session;Décision')).toBe(true);
		expect(csv).toContain('candidat1@soutenance.test;Session du 04/11/2026;Titre obtenu');
		expect(csv.split('\r\n').filter(Boolean)).toHaveLength(11);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await decisionsXlsx(handle.db, pastId)) as unknown as ExcelJS.Buffer);
		const sheet = workbook.worksheets[0];
		expect(sheet.getRow(1).getCell(4).value).toBe('Décision');
		expect(sheet.actualRowCount).toBe(11);
	});
});

describe('results of the other blocks', () => {
	const file = (text: string) => new TextEncoder().encode(text);

	it('changes nothing when the file has an error, and says where', async () => {
		const count = async () =>
			Number(
				(
					await handle.db
						.selectFrom('block_results')
						.select((eb) => eb.fn.countAll().as('n'))
						.executeTakeFirstOrThrow()
				).n
			);
		const before = await count();
		const bad = file(
			[
				'E-mail;Bloc;Validé;Date;Origine',
				'candidat11@soutenance.test;BC01;oui;01/10/2026;Étude de cas',
				'inconnu@soutenance.test;BC02;oui;;',
				'candidat12@soutenance.test;BC06;oui;;',
				'candidat13@soutenance.test;BC03;peut-être;31/02/2026;',
				''
			].join('\n')
		);
		const preview = await previewResultsImport(handle.db, todayId, bad);
		expect(
			preview.review.problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.line}:${problem.column}`)
		).toEqual(['3:E-mail', '4:Bloc', '5:Validé', '5:Date']);
		const caught = await importResults(handle.db, coordinatorId, todayId, bad, 'bad.csv').catch((error: unknown) => error);
		expect(caught).toBeInstanceOf(ResultsImportRejected);
		expect(await count()).toBe(before);
		await expectRefusal(
			previewResultsImport(handle.db, todayId, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])),
			/ni un CSV ni un classeur/
		);
		expect(await count()).toBe(before);
	});

	it('imports a good file in Windows-1252 with commas, and a block validated earlier stays validated', async () => {
		const latin1 = Buffer.from(
			[
				'Courriel,Bloc,Résultat,Date d’obtention,Origine',
				'candidat1@soutenance.test,BC01,non,01/10/2026,Étude de cas',
				'candidat11@soutenance.test,bc02,oui,2026-10-01,Étude de cas',
				''
			]
				.join('\r\n')
				.replace('’', "'"),
			'latin1'
		);
		const preview = await previewResultsImport(handle.db, todayId, latin1);
		expect(preview.review.errorCount).toBe(0);
		expect(preview.review.problems.map((problem) => problem.message)).toEqual(['BC01 est déjà validé : il reste validé.']);
		expect(await finishedJob(handle.db, importResults(handle.db, coordinatorId, todayId, latin1, 'ok.csv'))).toEqual({ imported: 2 });
		const rows = (await sessionResults(handle.db, todayId)).rows;
		expect(
			rows.find((row) => row.email === 'candidat1@soutenance.test')!.blocks.find((block) => block.blockCode === 'BC01')!.validated
		).toBe(true);
		expect(
			rows.find((row) => row.email === 'candidat11@soutenance.test')!.blocks.find((block) => block.blockCode === 'BC02')!.validated
		).toBe(true);
	});

	it('refuses a hand-typed result for the defended block or an unknown candidate', async () => {
		await expectRefusal(
			enterResult(handle.db, coordinatorId, todayId, {
				candidateId: id('candidat12@soutenance.test'),
				blockCode: 'BC06',
				validated: 'oui',
				date: '',
				origin: ''
			}),
			/Bloc inconnu/
		);
		await expectRefusal(
			enterResult(handle.db, coordinatorId, todayId, {
				candidateId: coordinatorId,
				blockCode: 'BC01',
				validated: 'oui',
				date: '',
				origin: ''
			}),
			/pas inscrit/
		);
	});
});

describe('publication', () => {
	it('shows a candidate nothing before publication, then only their own results', async () => {
		expect(await candidateResults(handle.db, id('candidat1@soutenance.test'))).toEqual([]);
		await expectRefusal(attestationFile(handle.db, pastId, id('candidat1@soutenance.test'), { onlyPublished: true }), /non publiés/);
		const { publishResults } = await import('./results-service');
		await expectRefusal(
			publishResults(handle.db, coordinatorId, pastId, '2026-01-01', 'http://localhost', new Date('2026-11-25T10:00:00Z')),
			/date limite de recours/
		);
		expect(
			await finishedJob(
				handle.db,
				publishResults(handle.db, coordinatorId, pastId, '2027-01-31', 'http://localhost', new Date('2026-11-25T10:00:00Z'))
			)
		).toEqual({ published: 10 });
		const mine = await candidateResults(handle.db, id('candidat1@soutenance.test'));
		expect(mine).toHaveLength(1);
		expect(mine[0]).toMatchObject({ outcome: 'Titre obtenu', appealUntil: '31/01/2027' });
		expect(mine[0].blocks.every((block) => block.validated)).toBe(true);
		expect(await candidateResults(handle.db, id('candidat11@soutenance.test'))).toEqual([]);
		const mail = await handle.db
			.selectFrom('outbox')
			.select(['subject', 'text_body'])
			.where('recipient', '=', 'candidat1@soutenance.test')
			.where('subject', 'like', 'Vos résultats%')
			.executeTakeFirstOrThrow();
		expect(mail.text_body).toContain('Décision : Titre obtenu');
		expect(mail.text_body).toContain('31/01/2027');
		const attestation = flat(await attestationFile(handle.db, pastId, id('candidat1@soutenance.test'), { onlyPublished: true }));
		expect(attestation).toContain('Attestation de résultats');
		expect(attestation).toContain('Décision : Titre obtenu');
		expect(attestation).toContain('BC06 — Direction de projets de gestion de données');
		expect(attestation).toContain("BC01 — Construction et alimentation d'une infrastructure de gestion de données");
		expect(attestation).toContain("Jedha, organisme certificateur, atteste qu'Amélie Lefèvre a présenté");
		expect(attestation).toMatch(/Réf\. ATT-[0-9A-Z]{8}-[0-9A-Z]{8} Page 1 \/ 1/);
	});
});

/** A small seeded random source, so the demo's scores are the same at every run. */
function mulberry(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let value = Math.imul(state ^ (state >>> 15), 1 | state);
		value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
		return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
	};
}

describe('the juror’s list of deliberations', () => {
	it('shows today’s juries first, then the past, and hides a jury that hears nobody', async () => {
		const { db } = handle;
		const juror = id('jury1@soutenance.test');
		const empty = await db
			.insertInto('juries')
			.values({ session_id: todayId, label: 'Z', president_id: juror })
			.returning('id')
			.executeTakeFirstOrThrow();
		await db.insertInto('jury_members').values({ jury_id: empty.id, juror_id: juror }).execute();
		try {
			const now = new Date('2026-11-25T10:00:00Z');
			const listed = await jurorDeliberations(db, juror, now);
			expect(listed.map((jury) => jury.id)).not.toContain(empty.id);
			expect(listed.length).toBeGreaterThan(0);
			expect(listed.every((jury) => jury.defenses.length > 0)).toBe(true);
			expect(listed[0].sessionId).toBe(todayId);
			// The past session's jury (if the juror sits in one) comes after today's.
			const sessions = listed.map((jury) => jury.sessionId);
			expect(sessions.lastIndexOf(todayId)).toBeLessThan(sessions.includes(pastId) ? sessions.indexOf(pastId) : Infinity);
		} finally {
			await db.deleteFrom('jury_members').where('jury_id', '=', empty.id).execute();
			await db.deleteFrom('juries').where('id', '=', empty.id).execute();
		}
	});
});
