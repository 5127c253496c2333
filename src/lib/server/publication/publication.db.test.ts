import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import { pdfText, readCalendar } from '../../../../tests/helpers/read-documents';
import { startLocalSmtp, type CapturedMail, type LocalSmtp } from '../../../../tests/helpers/smtp';
import { defaultReferentiel } from '$lib/domain/referentiel/referentiel';
import type { DatabaseHandle } from '../db';
import { closeSmtpConnections, dispatchOutbox } from '../notifications/mailer';
import { insertUser } from '../auth/user-repository';
import { insertDefense } from './publication-repository';
import { checkAccess } from '../access';
import { runJob } from '../jobs';
import { findDefenseContext } from '../live/timer-repository';
import { candidateForecasts, roomDisplay } from '../live/board-service';
import {
	candidateConvocation,
	candidateSessions,
	jurorPlanningCalendar,
	jurorSessions,
	publicationPreview,
	publishPlan,
	type PublicationPreview
} from './publication-service';
import { fr } from '$lib/i18n/fr';
import { refusal } from '../../../../tests/helpers/refusal';

let handle: DatabaseHandle;
let smtp: LocalSmtp;
let sessionId: string;
let otherSessionId: string;
let coordinatorId: string;
const people: Record<string, string> = {};
const juries: Record<string, string> = {};
const defenses: Record<string, string> = {};

// A session whose two days straddle the change to summer time in Paris (28 March 2027):
// Friday 26 March is UTC+01:00, Monday 29 March is UTC+02:00.
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
	handle = await freshDatabase();
	smtp = await startLocalSmtp();
	const { db } = handle;
	const user = async (key: string, role: 'coordinator' | 'juror' | 'candidate', name: string) => {
		people[key] = (await insertUser(db, { email: `${key}@test.fr`, displayName: name, role })).id;
		return people[key];
	};
	coordinatorId = await user('coord', 'coordinator', 'Coordination');
	for (const [key, name] of [
		['j1', 'Claire Martin'],
		['j2', 'Julien Bernard'],
		['j3', 'Sophie Laurent'],
		['j4', 'Nicolas Petit'],
		['j5', 'Juré Sans Jury']
	])
		await user(key, 'juror', name);
	const candidates: [string, string, string, number, string | null][] = [
		['c1', 'Amélie Lefèvre', 'Europe/Paris', 0, null],
		['c2', 'Étienne Bouchard', 'America/Montreal', 33, null],
		['c3', 'Manon Chevalier', 'Europe/Paris', 0, 'Churn'],
		['c4', 'Nathan Robin', 'Europe/Paris', 0, 'Churn'],
		['c5', 'Hugo Lambert', 'Europe/Paris', 0, null],
		['c6', 'Zoé Dubois', 'Europe/Paris', 0, null]
	];
	for (const [key, name, timezone, extra] of candidates) {
		await user(key, 'candidate', name);
		await db.insertInto('candidate_profiles').values({ user_id: people[key], timezone, extra_time_percent: extra }).execute();
	}
	const session = async (name: string) =>
		(
			await db
				.insertInto('exam_sessions')
				.values({ referentiel_id: defaultReferentiel.id, name, timezone: 'Europe/Paris', place: '4 rue de la Bourse, 75002 Paris' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	sessionId = await session('Session de printemps');
	otherSessionId = await session('Session d’automne');
	await db
		.insertInto('session_days')
		.values([
			{ session_id: sessionId, day: '2027-03-26', opens_at: '09:00', closes_at: '18:00' },
			{ session_id: sessionId, day: '2027-03-29', opens_at: '09:00', closes_at: '18:00' }
		])
		.execute();
	const room = async (name: string, remote: boolean, videoUrl: string | null) =>
		(
			await db
				.insertInto('rooms')
				.values({ session_id: sessionId, name, remote, video_url: videoUrl })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	const turing = await room('Salle Turing', false, null);
	const hopper = await room('Visio Hopper', true, 'https://visio.test/hopper');
	for (const [label, roomId, members] of [
		['A', turing, ['j1', 'j2']],
		['B', hopper, ['j3', 'j4']]
	] as const) {
		juries[label] = (
			await db
				.insertInto('juries')
				.values({ session_id: sessionId, label, room_id: roomId, president_id: people[members[0]] })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		await db
			.insertInto('jury_members')
			.values(members.map((member) => ({ jury_id: juries[label], juror_id: people[member] })))
			.execute();
	}
	for (const [key, , , , team] of candidates) {
		await db
			.insertInto('registrations')
			.values({ session_id: sessionId, candidate_id: people[key], project_title: `Projet de ${key}`, team })
			.execute();
	}
	await db
		.insertInto('registrations')
		.values({ session_id: otherSessionId, candidate_id: people.c1, project_title: 'Autre projet' })
		.execute();

	defenses.c1 = await insertDefense(db, {
		sessionId,
		juryId: juries.A,
		start: at('2027-03-29T09:00:00+02:00'),
		end: at('2027-03-29T09:25:00+02:00'),
		candidates: [people.c1]
	});
	defenses.c2 = await insertDefense(db, {
		sessionId,
		juryId: juries.B,
		start: at('2027-03-29T09:00:00+02:00'),
		end: at('2027-03-29T09:32:00+02:00'),
		candidates: [people.c2]
	});
	defenses.team = await insertDefense(db, {
		sessionId,
		juryId: juries.A,
		start: at('2027-03-29T09:30:00+02:00'),
		end: at('2027-03-29T10:05:00+02:00'),
		candidates: [people.c3, people.c4]
	});
	defenses.c6 = await insertDefense(db, {
		sessionId,
		juryId: juries.B,
		start: at('2027-03-26T09:00:00+01:00'),
		end: at('2027-03-26T09:25:00+01:00'),
		candidates: [people.c6]
	});
});

afterAll(async () => {
	closeSmtpConnections();
	await smtp?.close();
	await handle?.close();
});

/** A publication, then the outbox worker's pass that sends what it queued. */
async function publishAndSend(expectedVersion: number) {
	const result = await publishPlan(handle.db, coordinatorId, sessionId, expectedVersion);
	await runJob(handle.db, result.jobId);
	await dispatchOutbox(handle.db, smtp.url);
	return result;
}

const mailsTo = (messages: CapturedMail[], key: string) => messages.filter((message) => message.to.includes(`${key}@test.fr`));
const recipients = (messages: CapturedMail[]) =>
	messages
		.flatMap((message) => message.to)
		.map((address) => address.replace('@test.fr', ''))
		.sort();
const attachment = (message: CapturedMail, filename: string) => {
	const found = message.attachments.find((candidate) => candidate.filename === filename);
	expect(found, `${filename} in "${message.subject}"`).toBeDefined();
	return found!;
};

/** The confirmation's lines as the coordinator reads them: « Name : what changes ». */
const changeLines = (preview: PublicationPreview) =>
	preview.recipients.map(
		(person) => `${person.name} : ${person.entries.map((entry) => fr.publication.pages.publish.change(entry, person.role)).join(' ; ')}`
	);

describe('first publication', () => {
	let sent: CapturedMail[];

	it('previews counts and the unplaced candidate before anything is sent', async () => {
		const preview = await publicationPreview(handle.db, sessionId);
		expect(preview.latest).toBeNull();
		expect(preview.defenses).toBe(4);
		expect(preview.placedCandidates).toBe(5);
		expect(preview.jurors).toBe(4);
		expect(preview.unplaced.map((candidate) => candidate.name)).toEqual(['Hugo Lambert']);
		expect(changeLines(preview)).toEqual([
			'Amélie Lefèvre : convocation le 29/03 à 09:00, jury A, Salle Turing',
			'Étienne Bouchard : convocation le 29/03 à 09:00, jury B, Visio Hopper',
			'Manon Chevalier : convocation le 29/03 à 09:30, jury A, Salle Turing',
			'Nathan Robin : convocation le 29/03 à 09:30, jury A, Salle Turing',
			'Zoé Dubois : convocation le 26/03 à 09:00, jury B, Visio Hopper',
			'Claire Martin : 2 soutenances, du 29/03 à 09:00 au 29/03 à 10:05',
			'Julien Bernard : 2 soutenances, du 29/03 à 09:00 au 29/03 à 10:05',
			'Nicolas Petit : 2 soutenances, du 26/03 à 09:00 au 29/03 à 09:32',
			'Sophie Laurent : 2 soutenances, du 26/03 à 09:00 au 29/03 à 09:32'
		]);
		expect(smtp.messages).toHaveLength(0);
	});

	it('sends each placed candidate a convocation with ICS and PDF, and each juror one schedule, through SMTP', async () => {
		const result = await publishAndSend(0);
		expect(result).toMatchObject({ version: 1, notifiedCandidates: 5, notifiedJurors: 4 });
		sent = [...smtp.messages];
		expect(recipients(sent)).toEqual(['c1', 'c2', 'c3', 'c4', 'c6', 'j1', 'j2', 'j3', 'j4']);
		for (const key of ['c1', 'c2', 'c3', 'c4', 'c6']) {
			const [mail] = mailsTo(sent, key);
			expect(mail.subject).toMatch(/^Convocation à votre soutenance du (vendredi 26|lundi 29) mars 2027$/);
			expect(attachment(mail, 'convocation.ics').contentType).toBe('text/calendar');
			expect(attachment(mail, 'convocation.pdf').contentType).toBe('application/pdf');
			expect(attachment(mail, 'convocation.pdf').content.subarray(0, 5).toString()).toBe('%PDF-');
		}
		for (const key of ['j1', 'j2', 'j3', 'j4']) {
			const [mail] = mailsTo(sent, key);
			expect(mail.subject).toBe('Votre planning de jury : Session de printemps');
			expect(mail.attachments.map((file) => file.filename)).toEqual(['planning-jury.ics']);
		}
		const outbox = await handle.db.selectFrom('outbox').select(['sent_at', 'failed_at', 'message_id']).execute();
		expect(outbox.every((row) => row.sent_at !== null && row.failed_at === null)).toBe(true);
		expect(sent.map((mail) => mail.messageId).sort()).toEqual(outbox.map((row) => row.message_id).sort());
	});

	it('writes the right instants on both sides of the daylight-saving change', async () => {
		const c1 = readCalendar(attachment(mailsTo(sent, 'c1')[0], 'convocation.ics').content.toString('utf8'));
		expect(c1.method).toBe('PUBLISH');
		expect(c1.events).toHaveLength(1);
		expect(c1.events[0].start.toISOString()).toBe('2027-03-29T07:00:00.000Z');
		expect(c1.events[0].sequence).toBe(0);
		const c6 = readCalendar(attachment(mailsTo(sent, 'c6')[0], 'convocation.ics').content.toString('utf8'));
		expect(c6.events[0].start.toISOString()).toBe('2027-03-26T08:00:00.000Z');
		const j3 = readCalendar(attachment(mailsTo(sent, 'j3')[0], 'planning-jury.ics').content.toString('utf8'));
		expect(j3.events.map((event) => event.start.toISOString()).sort()).toEqual(['2027-03-26T08:00:00.000Z', '2027-03-29T07:00:00.000Z']);
	});

	it('tells a candidate in Montreal the time in their zone and in the session’s, with their extra time', () => {
		const [mail] = mailsTo(sent, 'c2');
		expect(mail.text).toContain('lundi 29 mars 2027 à 09:00 (heure de Paris, UTC+02:00)');
		expect(mail.text).toContain('lundi 29 mars 2027 à 03:00 (heure de Montreal, UTC-04:00)');
		expect(mail.text).toContain('https://visio.test/hopper');
		expect(mail.text).toContain('temps majoré de 33 %');
		expect(mail.text).toContain('27 minutes au lieu de 20');
		expect(mail.text).not.toMatch(/Sophie Laurent|Nicolas Petit/);
	});

	it('tells a team member who they defend with, and a physical room its address', () => {
		const [mail] = mailsTo(sent, 'c3');
		expect(mail.text).toContain('avec Nathan Robin');
		expect(mail.text).toContain('Salle Turing, 4 rue de la Bourse');
		expect(mail.text).toContain('présentez-vous 15 minutes avant');
		expect(mail.text).toContain('durée totale de votre passage devant le jury : 30 minutes');
	});

	it('puts the candidate, the date, the time and the place in the PDF', () => {
		const text = pdfText(attachment(mailsTo(sent, 'c1')[0], 'convocation.pdf').content);
		expect(text).toContain('Amélie Lefèvre');
		expect(text).toContain('lundi 29 mars 2027 à 09:00');
		expect(text).toContain('UTC+02:00');
		expect(text).toContain('Salle Turing');
		const accommodated = pdfText(attachment(mailsTo(sent, 'c2')[0], 'convocation.pdf').content);
		expect(accommodated).toContain('temps majoré de 33 %');
	});

	it('lists a juror’s defenses in order, day by day', () => {
		const [mail] = mailsTo(sent, 'j3');
		const friday = mail.text.indexOf('Vendredi 26 mars 2027 (heure de Paris, UTC+01:00)');
		const monday = mail.text.indexOf('Lundi 29 mars 2027 (heure de Paris, UTC+02:00)');
		expect(friday).toBeGreaterThan(0);
		expect(monday).toBeGreaterThan(friday);
		expect(mail.text).toContain('09:00–09:32 · Jury B · Visio Hopper : https://visio.test/hopper · Étienne Bouchard : « Projet de c2 »');
	});
});

describe('after publication', () => {
	it('refuses to publish an unchanged plan and sends nothing', async () => {
		const before = smtp.messages.length;
		const error = await refusal(publishPlan(handle.db, coordinatorId, sessionId, 1));
		expect(error.message).toMatch(/n'a pas changé depuis la version 1/);
		expect((await publicationPreview(handle.db, sessionId)).unchanged).toBe(true);
		expect(await dispatchOutbox(handle.db, smtp.url)).toMatchObject({ sent: 0 });
		expect(smtp.messages.length).toBe(before);
	});

	it('refuses a publication based on an outdated version (a double click, another coordinator)', async () => {
		const error = await refusal(publishPlan(handle.db, coordinatorId, sessionId, 0));
		expect(error.status).toBe(409);
		expect(await handle.db.selectFrom('plan_versions').select('version').execute()).toHaveLength(1);
	});

	it('shows each candidate only their own convocation', async () => {
		expect((await candidateConvocation(handle.db, people.c1, sessionId))?.candidate.name).toBe('Amélie Lefèvre');
		expect(await candidateConvocation(handle.db, people.c5, sessionId)).toBeNull();
		expect(await candidateConvocation(handle.db, people.c1, otherSessionId)).toBeNull();
		expect(await candidateConvocation(handle.db, people.c1, 'not-a-uuid')).toBeNull();
		expect(await candidateConvocation(handle.db, people.j1, sessionId)).toBeNull();
		const views = await candidateSessions(handle.db, people.c1);
		expect(views.map((view) => [view.sessionName, view.state]).sort()).toEqual([
			['Session de printemps', 'convoked'],
			['Session d’automne', 'unpublished']
		]);
		expect((await candidateSessions(handle.db, people.c5)).map((view) => view.state)).toEqual(['unplaced']);
	});

	it('shows a juror only the juries they sit in, and one calendar of all their defenses', async () => {
		const [view] = await jurorSessions(handle.db, people.j1);
		expect(view.defenses.map((defense) => [defense.candidates.join('+'), defense.status, defense.defenseId])).toEqual([
			['Amélie Lefèvre', 'planned', defenses.c1],
			['Manon Chevalier+Nathan Robin', 'planned', defenses.team]
		]);
		expect(view.defenses[1].team).toBe('Churn');
		expect(await jurorSessions(handle.db, people.j5)).toEqual([]);
		const calendar = readCalendar(await jurorPlanningCalendar(handle.db, people.j1));
		expect(calendar.events.map((event) => event.start.toISOString())).toEqual(['2027-03-29T07:00:00.000Z', '2027-03-29T07:30:00.000Z']);
		expect(readCalendar(await jurorPlanningCalendar(handle.db, people.j5)).events).toEqual([]);
	});
});

describe('republication', () => {
	let firstUid: string;

	it('keeps jurors, rooms and candidates on the published plan while a move is not published', async () => {
		const published = { jury: juries.A, start: at('2027-03-29T09:00:00+02:00') };
		await handle.db
			.updateTable('defenses')
			.set({ jury_id: juries.B, starts_at: at('2027-03-29T10:00:00+02:00'), ends_at: at('2027-03-29T10:25:00+02:00') })
			.where('id', '=', defenses.c1)
			.execute();
		const juror = (key: string) => ({ id: people[key], role: 'juror' as const });
		expect(await checkAccess(handle.db, juror('j1'), 'defense.score', [defenses.c1])).toEqual(new Set([defenses.c1]));
		expect(await checkAccess(handle.db, juror('j3'), 'defense.score', [defenses.c1])).toEqual(new Set());
		expect(await checkAccess(handle.db, juror('j1'), 'jury.deliberate', [juries.A])).toEqual(new Set([juries.A]));
		await handle.db.insertInto('jury_members').values({ jury_id: juries.A, juror_id: people.j5 }).execute();
		expect(await checkAccess(handle.db, juror('j5'), 'defense.score', [defenses.c1])).toEqual(new Set());
		await handle.db.deleteFrom('jury_members').where('juror_id', '=', people.j5).execute();
		const context = await findDefenseContext(handle.db, defenses.c1);
		expect([context?.juryId, context?.plannedStart.getTime()]).toEqual([published.jury, published.start.getTime()]);
		const [forecast] = await candidateForecasts(handle.db, people.c1, at('2027-03-29T07:00:00+02:00'));
		expect(forecast?.predictedStart).toBe(published.start.getTime());
		const roomA = await roomDisplay(handle.db, { id: juries.A, label: 'A' }, at('2027-03-29T08:55:00+02:00'));
		expect(roomA.current?.candidates).toEqual(['Amélie Lefèvre']);
		await handle.db
			.updateTable('defenses')
			.set({ jury_id: juries.A, starts_at: published.start, ends_at: at('2027-03-29T09:25:00+02:00') })
			.where('id', '=', defenses.c1)
			.execute();
	});

	it('notifies only the moved candidate and the jurors of the old and new jury', async () => {
		firstUid = readCalendar((await candidateCalendar('c1'))!).events[0].uid;
		await handle.db
			.updateTable('defenses')
			.set({ jury_id: juries.B, starts_at: at('2027-03-29T10:00:00+02:00'), ends_at: at('2027-03-29T10:25:00+02:00') })
			.where('id', '=', defenses.c1)
			.execute();
		const preview = await publicationPreview(handle.db, sessionId);
		expect(preview.diff.changedDefenses).toBe(1);
		expect(preview.diff.candidates.map((change) => change.candidateId)).toEqual([people.c1]);
		// The confirmation names each person told and what changes for them, in the session's local time.
		expect(changeLines(preview)).toEqual([
			'Amélie Lefèvre : 09:00 → 10:00, jury A → jury B, Salle Turing → Visio Hopper',
			'Claire Martin : soutenance retirée : Amélie Lefèvre (était le 29/03 à 09:00, jury A, Salle Turing)',
			'Julien Bernard : soutenance retirée : Amélie Lefèvre (était le 29/03 à 09:00, jury A, Salle Turing)',
			'Nicolas Petit : soutenance ajoutée : Amélie Lefèvre, le 29/03 à 10:00, jury B, Visio Hopper',
			'Sophie Laurent : soutenance ajoutée : Amélie Lefèvre, le 29/03 à 10:00, jury B, Visio Hopper'
		]);

		const before = smtp.messages.length;
		const result = await publishAndSend(1);
		expect(result).toMatchObject({ version: 2, changedDefenses: 1, notifiedCandidates: 1, notifiedJurors: 4 });
		const sent = smtp.messages.slice(before);
		expect(recipients(sent)).toEqual(['c1', 'j1', 'j2', 'j3', 'j4']);

		const [moved] = mailsTo(sent, 'c1');
		expect(moved.subject).toBe('Modification de votre convocation : soutenance du lundi 29 mars 2027');
		expect(moved.text).toContain(
			'Votre soutenance est déplacée du lundi 29 mars 2027 à 09:00 (heure de Paris, UTC+02:00) ' +
				'au lundi 29 mars 2027 à 10:00 (heure de Paris, UTC+02:00).'
		);
		expect(moved.text).toContain('Le lieu change : Visio Hopper : https://visio.test/hopper (au lieu de Salle Turing).');
		const updated = readCalendar(attachment(moved, 'convocation.ics').content.toString('utf8')).events[0];
		expect(updated.uid).toBe(firstUid);
		expect(updated.sequence).toBe(1);
		expect(updated.start.toISOString()).toBe('2027-03-29T08:00:00.000Z');

		const [oldJuror] = mailsTo(sent, 'j1');
		expect(oldJuror.subject).toBe('Planning de jury modifié : Session de printemps');
		expect(oldJuror.text).toMatch(/retirée : lundi 29 mars 2027, 09:00–09:25 · Jury A · Salle Turing · Amélie Lefèvre/);
		const oldJurorCalendar = readCalendar(attachment(oldJuror, 'planning-jury.ics').content.toString('utf8'));
		expect(oldJurorCalendar.events.find((event) => event.uid === firstUid)?.status).toBe('CANCELLED');
		const [newJuror] = mailsTo(sent, 'j3');
		expect(newJuror.text).toMatch(/ajoutée : lundi 29 mars 2027, 10:00–10:25 · Jury B/);
		const newJurorEvent = readCalendar(attachment(newJuror, 'planning-jury.ics').content.toString('utf8')).events.find(
			(event) => event.uid === firstUid
		);
		expect(newJurorEvent).toMatchObject({ status: 'CONFIRMED', sequence: 1 });
	});

	it('notifies a candidate whose defense is removed, and only the jurors who heard it', async () => {
		await handle.db.deleteFrom('defenses').where('id', '=', defenses.c6).execute();
		const before = smtp.messages.length;
		const result = await publishAndSend(2);
		expect(result).toMatchObject({ version: 3, notifiedCandidates: 1, notifiedJurors: 2 });
		const sent = smtp.messages.slice(before);
		expect(recipients(sent)).toEqual(['c6', 'j3', 'j4']);
		const [cancelled] = mailsTo(sent, 'c6');
		expect(cancelled.subject).toBe('Votre convocation à la soutenance est annulée');
		expect(readCalendar(attachment(cancelled, 'convocation.ics').content.toString('utf8')).events[0]).toMatchObject({
			status: 'CANCELLED',
			sequence: 2
		});
		expect(await candidateConvocation(handle.db, people.c6, sessionId)).toBeNull();
	});

	it('notifies the jurors of a jury whose composition changed, and no candidate', async () => {
		await handle.db
			.updateTable('jury_members')
			.set({ juror_id: people.j5 })
			.where('jury_id', '=', juries.A)
			.where('juror_id', '=', people.j2)
			.execute();
		const before = smtp.messages.length;
		await publishAndSend(3);
		expect(recipients(smtp.messages.slice(before))).toEqual(['j2', 'j5']);
		const [left] = mailsTo(smtp.messages.slice(before), 'j2');
		expect(left.text).toContain("Vous n'avez plus de soutenance dans la session « Session de printemps ».");
	});

	async function candidateCalendar(key: string): Promise<string | null> {
		const mail = mailsTo(smtp.messages, key)[0];
		return mail ? attachment(mail, 'convocation.ics').content.toString('utf8') : null;
	}
});
