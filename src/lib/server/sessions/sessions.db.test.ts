import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import type { DatabaseHandle } from '../db';
import { verifyAuditChain } from '../audit/audit-repository';
import { insertUser } from '../auth/user-repository';
import { syncReferentiels } from '../referentiel/referentiel-repository';
import {
	addDay,
	addRoom,
	addRoomUnavailability,
	createSession,
	editDay,
	removeDay,
	removeRoom,
	sessionOverview,
	updateSessionSettings
} from './session-service';
import {
	addExistingJuror,
	addJurorUnavailability,
	declareConflict,
	inviteJuror,
	removeJurorFromSession,
	updateJurorProfile
} from '../people/juror-service';
import { listSessionJurors, listUnavailability } from '../people/juror-repository';
import { CompositionRefused, createJury, editJury, juryBoard, removeJury } from '../juries/jury-service';
import { refusal } from '../../../../tests/helpers/refusal';

let handle: DatabaseHandle;
let coordinatorId: string;
const ORIGIN = 'http://localhost:3000';
const settings = {
	name: 'Session de décembre',
	referentielId: 'rncp35288-v1',
	presentationMinutes: '10',
	questionsMinutes: '10',
	deliberationMinutes: '5',
	changeoverMinutes: '5',
	extraMinutesPerTeamMember: '10',
	timezone: 'Europe/Paris',
	place: 'Paris'
};

beforeAll(async () => {
	handle = await freshDatabase();
	await syncReferentiels(handle.db);
	coordinatorId = (await insertUser(handle.db, { email: 'coord@test.fr', displayName: 'Coord', role: 'coordinator' })).id;
});
afterAll(() => handle.close());

/** Counts of every table a refused change could have touched. */
async function snapshot() {
	const count = async (
		table:
			| 'exam_sessions'
			| 'session_days'
			| 'rooms'
			| 'users'
			| 'juror_profiles'
			| 'session_jurors'
			| 'outbox'
			| 'audit_log'
			| 'juries'
			| 'jury_members'
			| 'unavailability'
			| 'conflicts'
	) =>
		Number(
			(
				await handle.db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<string>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
	const tables = [
		'exam_sessions',
		'session_days',
		'rooms',
		'users',
		'juror_profiles',
		'session_jurors',
		'outbox',
		'audit_log',
		'juries',
		'jury_members',
		'unavailability',
		'conflicts'
	] as const;
	return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await count(table)])));
}

async function newSession(name: string) {
	return createSession(handle.db, coordinatorId, { ...settings, name });
}

describe('sessions, days and rooms', () => {
	it('creates a session, adds a day with a break and two rooms, each with an audit row', async () => {
		const auditBefore = (await snapshot()).audit_log;
		const sessionId = await newSession('Session A');
		await addDay(handle.db, coordinatorId, sessionId, {
			date: '2026-12-07',
			opensAt: '09:00',
			closesAt: '18:00',
			breakStarts: ['12:30'],
			breakEnds: ['13:30']
		});
		await addRoom(handle.db, coordinatorId, sessionId, { name: 'Salle Turing', remote: false });
		const visio = await addRoom(handle.db, coordinatorId, sessionId, { name: 'Visio', remote: true, videoUrl: 'https://visio.test/a' });
		await addRoomUnavailability(handle.db, coordinatorId, sessionId, visio, { date: '2026-12-07', start: '14:00', end: '15:00' });
		const overview = (await sessionOverview(handle.db, sessionId))!;
		expect(overview.session).toMatchObject({ name: 'Session A', timezone: 'Europe/Paris', questionsMinutes: 10, place: 'Paris' });
		expect(overview.days).toEqual([
			expect.objectContaining({ date: '2026-12-07', opensAt: '09:00', closesAt: '18:00', breaks: [{ start: '12:30', end: '13:30' }] })
		]);
		expect(overview.rooms.map((room) => room.name)).toEqual(['Salle Turing', 'Visio']);
		expect(overview.rooms[1].unavailable).toEqual([{ start: '2026-12-07T13:00:00.000Z', end: '2026-12-07T14:00:00.000Z' }]);
		expect((await snapshot()).audit_log - auditBefore).toBe(5);
		expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
	});

	it('edits the settings and a day', async () => {
		const sessionId = await newSession('Session B');
		await updateSessionSettings(handle.db, coordinatorId, sessionId, {
			...settings,
			name: 'Session B bis',
			questionsMinutes: '5',
			timezone: 'America/Montreal'
		});
		const dayId = await addDay(handle.db, coordinatorId, sessionId, { date: '2026-12-08', opensAt: '09:00', closesAt: '12:00' });
		await editDay(handle.db, coordinatorId, sessionId, dayId, {
			date: '2026-12-09',
			opensAt: '08:30',
			closesAt: '17:00',
			breakStarts: ['12:00'],
			breakEnds: ['13:00']
		});
		const overview = (await sessionOverview(handle.db, sessionId))!;
		expect(overview.session).toMatchObject({ name: 'Session B bis', questionsMinutes: 5, timezone: 'America/Montreal' });
		expect(overview.days).toEqual([
			{ id: dayId, date: '2026-12-09', opensAt: '08:30', closesAt: '17:00', breaks: [{ start: '12:00', end: '13:00' }] }
		]);
		await removeDay(handle.db, coordinatorId, sessionId, dayId);
		expect((await sessionOverview(handle.db, sessionId))!.days).toEqual([]);
	});

	it('refuses bad input with the faulty field, and changes nothing', async () => {
		const sessionId = await newSession('Session C');
		await addDay(handle.db, coordinatorId, sessionId, { date: '2026-12-07', opensAt: '09:00', closesAt: '18:00' });
		await addRoom(handle.db, coordinatorId, sessionId, { name: 'Turing', remote: false });
		const before = await snapshot();
		expect((await refusal(createSession(handle.db, coordinatorId, { ...settings, questionsMinutes: '12' }))).field).toBe(
			'questionsMinutes'
		);
		expect(
			(await refusal(updateSessionSettings(handle.db, coordinatorId, sessionId, { ...settings, timezone: 'Mars/Olympus' }))).field
		).toBe('timezone');
		expect(
			(await refusal(addDay(handle.db, coordinatorId, sessionId, { date: '2026-12-07', opensAt: '09:00', closesAt: '18:00' }))).message
		).toBe('Ce jour fait déjà partie de la session.');
		expect(
			(
				await refusal(
					addDay(handle.db, coordinatorId, sessionId, {
						date: '2026-12-08',
						opensAt: '09:00',
						closesAt: '18:00',
						breakStarts: ['18:00'],
						breakEnds: ['18:30']
					})
				)
			).field
		).toBe('breakStart-0');
		expect((await refusal(addRoom(handle.db, coordinatorId, sessionId, { name: 'turing', remote: false }))).field).toBe('name');
		expect((await refusal(addRoom(handle.db, coordinatorId, sessionId, { name: 'Visio', remote: true, videoUrl: 'ftp://x' }))).field).toBe(
			'videoUrl'
		);
		expect(
			(
				await refusal(
					addDay(handle.db, coordinatorId, '00000000-0000-0000-0000-000000000000', {
						date: '2026-12-08',
						opensAt: '09:00',
						closesAt: '18:00'
					})
				)
			).status
		).toBe(404);
		expect(
			(await refusal(addDay(handle.db, coordinatorId, 'not-a-uuid', { date: '2026-12-08', opensAt: '09:00', closesAt: '18:00' }))).status
		).toBe(404);
		expect(await snapshot()).toEqual(before);
	});
});

describe('jurors', () => {
	it('invites a juror: account, profile, session link, invitation mail and audit rows, together', async () => {
		const sessionId = await newSession('Session D');
		const before = await snapshot();
		const jurorId = await inviteJuror(
			handle.db,
			coordinatorId,
			sessionId,
			{
				email: 'Claire@Test.fr',
				displayName: 'Claire Martin',
				company: 'SG',
				expertise: 'finance, MLOps',
				external: 'on',
				presidentEligible: 'on'
			},
			ORIGIN
		);
		const after = await snapshot();
		expect(after.users - before.users).toBe(1);
		expect(after.juror_profiles - before.juror_profiles).toBe(1);
		expect(after.session_jurors - before.session_jurors).toBe(1);
		expect(after.outbox - before.outbox).toBe(1);
		expect(after.audit_log - before.audit_log).toBe(2);
		const mail = await handle.db.selectFrom('outbox').selectAll().where('recipient', '=', 'claire@test.fr').executeTakeFirstOrThrow();
		expect(mail.text_body).toContain(`${ORIGIN}/invitation/`);
		const [juror] = await listSessionJurors(handle.db, sessionId);
		expect(juror).toMatchObject({
			id: jurorId,
			email: 'claire@test.fr',
			company: 'SG',
			expertise: ['finance', 'MLOps'],
			external: true,
			presidentEligible: true,
			invitationPending: true,
			juries: []
		});
	});

	it('writes nothing when the invitation fails half way (address taken)', async () => {
		const sessionId = await newSession('Session E');
		const before = await snapshot();
		const refused = await refusal(
			inviteJuror(handle.db, coordinatorId, sessionId, { email: 'claire@test.fr', displayName: 'Autre Claire' }, ORIGIN)
		);
		expect(refused.field).toBe('email');
		expect(
			(await refusal(inviteJuror(handle.db, coordinatorId, sessionId, { email: 'pas-une-adresse', displayName: 'X' }, ORIGIN))).field
		).toBe('email');
		expect(await snapshot()).toEqual(before);
	});

	it('adds an existing juror to a second session, sets a half-day off, declares a conflict, and removes them', async () => {
		const first = await newSession('Session F1');
		const second = await newSession('Session F2');
		await addDay(handle.db, coordinatorId, second, { date: '2026-12-10', opensAt: '09:00', closesAt: '18:00' });
		const jurorId = await inviteJuror(
			handle.db,
			coordinatorId,
			first,
			{ email: 'karim@test.fr', displayName: 'Karim Benali', company: 'Criteo' },
			ORIGIN
		);
		await addExistingJuror(handle.db, coordinatorId, second, jurorId);
		expect((await refusal(addExistingJuror(handle.db, coordinatorId, second, jurorId))).status).toBe(409);
		expect((await refusal(addExistingJuror(handle.db, coordinatorId, second, coordinatorId))).field).toBe('jurorId');
		await updateJurorProfile(handle.db, coordinatorId, second, jurorId, { company: 'Criteo', expertise: 'marketing', external: 'on' });
		expect((await listSessionJurors(handle.db, first))[0]).toMatchObject({
			expertise: ['marketing'],
			external: true,
			presidentEligible: false
		});

		await addJurorUnavailability(handle.db, coordinatorId, second, jurorId, { kind: 'halfDay', halfDay: '2026-12-10/morning' });
		await addJurorUnavailability(handle.db, coordinatorId, second, jurorId, {
			kind: 'range',
			date: '2026-12-10',
			start: '16:00',
			end: '17:15'
		});
		expect(
			(await refusal(addJurorUnavailability(handle.db, coordinatorId, second, jurorId, { kind: 'halfDay', halfDay: '2026-12-11/morning' })))
				.field
		).toBe('halfDay');
		expect(
			(await listUnavailability(handle.db, jurorId)).map((range) => [range.start.toISOString(), range.end.toISOString(), range.label])
		).toEqual([
			['2026-12-09T23:00:00.000Z', '2026-12-10T12:00:00.000Z', 'Matin du 10/12/2026'],
			['2026-12-10T15:00:00.000Z', '2026-12-10T16:15:00.000Z', null]
		]);

		const candidate = await insertUser(handle.db, { email: 'cand@test.fr', displayName: 'Amélie', role: 'candidate' });
		const outsider = await insertUser(handle.db, { email: 'out@test.fr', displayName: 'Hors session', role: 'candidate' });
		await handle.db
			.insertInto('registrations')
			.values({ session_id: second, candidate_id: candidate.id, project_title: 'Fraude' })
			.execute();
		expect(
			(await refusal(declareConflict(handle.db, coordinatorId, second, jurorId, { candidateId: outsider.id, reason: 'formé' }))).field
		).toBe('candidateId');
		expect(
			(await refusal(declareConflict(handle.db, coordinatorId, second, jurorId, { candidateId: candidate.id, reason: ' ' }))).field
		).toBe('reason');
		await declareConflict(handle.db, coordinatorId, second, jurorId, { candidateId: candidate.id, reason: 'Tuteur' });
		expect(await handle.db.selectFrom('conflicts').selectAll().where('juror_id', '=', jurorId).execute()).toEqual([
			{ juror_id: jurorId, candidate_id: candidate.id, reason: 'Tuteur' }
		]);

		await removeJurorFromSession(handle.db, coordinatorId, first, jurorId);
		expect(await listSessionJurors(handle.db, first)).toEqual([]);
		expect(await listSessionJurors(handle.db, second)).toHaveLength(1);
	});
});

describe('juries', () => {
	it('refuses a jury that breaks the composition rules with every reason, accepts a valid one, and protects its members', async () => {
		const sessionId = await newSession('Session G');
		const roomId = await addRoom(handle.db, coordinatorId, sessionId, { name: 'Turing', remote: false });
		const president = await inviteJuror(
			handle.db,
			coordinatorId,
			sessionId,
			{ email: 'p@test.fr', displayName: 'Présidente', company: 'Airbus', external: 'on', presidentEligible: 'on' },
			ORIGIN
		);
		const internal1 = await inviteJuror(
			handle.db,
			coordinatorId,
			sessionId,
			{ email: 'i1@test.fr', displayName: 'Interne Un', company: 'Jedha' },
			ORIGIN
		);
		const internal2 = await inviteJuror(
			handle.db,
			coordinatorId,
			sessionId,
			{ email: 'i2@test.fr', displayName: 'Interne Deux', company: 'Jedha' },
			ORIGIN
		);
		const before = await snapshot();

		const refused = await refusal(
			createJury(handle.db, coordinatorId, sessionId, {
				label: 'A',
				roomId,
				presidentId: internal1,
				memberIds: [president, internal1, internal2]
			})
		);
		expect(refused).toBeInstanceOf(CompositionRefused);
		expect((refused as CompositionRefused).reasons).toEqual([
			'Interne Un ne peut pas présider un jury (non habilité·e à la présidence).',
			'Au moins la moitié des membres doivent être extérieurs : 1 sur 3 le sont.'
		]);
		expect(
			(
				await refusal(
					createJury(handle.db, coordinatorId, sessionId, {
						label: 'A',
						roomId: undefined,
						presidentId: president,
						memberIds: [president, internal1]
					})
				)
			).field
		).toBe('roomId');
		expect(
			(
				await refusal(
					createJury(handle.db, coordinatorId, sessionId, {
						label: 'A',
						roomId,
						presidentId: president,
						memberIds: [president, coordinatorId]
					})
				)
			).field
		).toBe('members');
		expect(await snapshot()).toEqual(before);

		const juryId = await createJury(handle.db, coordinatorId, sessionId, {
			label: 'A',
			roomId,
			presidentId: president,
			memberIds: [president, internal1]
		});
		expect(
			(
				await refusal(
					createJury(handle.db, coordinatorId, sessionId, {
						label: ' a ',
						roomId,
						presidentId: president,
						memberIds: [president, internal2]
					})
				)
			).field
		).toBe('label');
		expect((await refusal(removeJurorFromSession(handle.db, coordinatorId, sessionId, internal1))).message).toBe(
			'Ce juré siège dans le jury A : retirez-le du jury avant de le retirer de la session.'
		);
		expect((await refusal(removeRoom(handle.db, coordinatorId, sessionId, roomId))).message).toContain('jury A');

		const candidate = await insertUser(handle.db, { email: 'c-jedha@test.fr', displayName: 'Chez Jedha', role: 'candidate' });
		await handle.db.insertInto('candidate_profiles').values({ user_id: candidate.id, company: ' JEDHA' }).execute();
		await handle.db.insertInto('registrations').values({ session_id: sessionId, candidate_id: candidate.id, project_title: 'P' }).execute();
		const board = await juryBoard(handle.db, sessionId);
		expect(board.juries).toEqual([
			expect.objectContaining({
				label: 'A',
				room: 'Turing',
				problems: [],
				conflicts: [expect.objectContaining({ candidateName: 'Chez Jedha', jurorName: 'Interne Un', reason: 'même entreprise (Jedha)' })]
			})
		]);

		await editJury(handle.db, coordinatorId, sessionId, juryId, {
			label: 'A1',
			roomId,
			presidentId: president,
			memberIds: [president, internal2]
		});
		expect((await juryBoard(handle.db, sessionId)).juries[0]).toMatchObject({
			label: 'A1',
			presidentId: president,
			memberIds: expect.arrayContaining([president, internal2])
		});
		await removeJurorFromSession(handle.db, coordinatorId, sessionId, internal1);
		await removeJury(handle.db, coordinatorId, sessionId, juryId);
		expect((await juryBoard(handle.db, sessionId)).juries).toEqual([]);
		expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
	});
});
