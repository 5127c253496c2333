import type { Transaction } from 'kysely';
import { fr } from '$lib/i18n/fr';
import { referentiels } from '$lib/domain/referentiel/referentiel';
import { isUuid } from '$lib/domain/ids';
import {
	checkDay,
	checkLocalRange,
	checkRoom,
	checkSessionSettings,
	instantRange,
	type Checked,
	type DayInput,
	type RoomInput
} from '$lib/domain/sessions/session-rules';
import type { Database } from '../db/connect';
import type { DB } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { appendAudit } from '../audit/audit-repository';
import { UserFacingError } from '../errors';
import {
	countDefensesBetween,
	deleteDay,
	deleteRoom,
	findSession,
	insertDay,
	insertRoom,
	insertSession,
	listDays,
	listRooms,
	lockSession,
	sessionCounts,
	setRoomUnavailable,
	updateDay,
	updateRoom,
	updateSession,
	type SessionRow
} from './session-repository';
import { sessionProgressCounts } from './dashboard-repository';
import { listJuries } from '../juries/jury-repository';
import { listSessionJurors } from '../people/juror-repository';
import { juryCompositionBreaches } from '$lib/domain/planning/constraints';
import { dashboardSteps } from '$lib/domain/sessions/dashboard';

const messages = fr.sessions;

/** The value of a passed check, or the refusal the coordinator sees next to the faulty field. */
export function accepted<T>(checked: Checked<T>): T {
	if (!checked.ok) throw new UserFacingError('sessions.invalid-settings', 400, checked.problem.message, checked.problem.field);
	return checked.value;
}

/** Every change to a session's set-up starts here: the session exists, and is locked until commit. */
export async function lockExistingSession(trx: Transaction<DB>, sessionId: string): Promise<SessionRow> {
	const session = await lockSession(trx, sessionId);
	if (!session) throw new UserFacingError('sessions.not-found', 404, messages.notFound);
	return session;
}

export async function sessionOverview(db: Database, sessionId: string) {
	const session = await findSession(db, sessionId);
	if (!session) return undefined;
	const [days, rooms, counts] = await Promise.all([listDays(db, sessionId), listRooms(db, sessionId), sessionCounts(db, sessionId)]);
	return { session, days, rooms, counts };
}

/** The session dashboard: what is set up, then each step of the journey with its count. */
export async function sessionDashboard(db: Database, sessionId: string) {
	const session = await findSession(db, sessionId);
	if (!session) return undefined;
	const [days, rooms, progress, juries, jurors] = await Promise.all([
		listDays(db, sessionId),
		listRooms(db, sessionId),
		sessionProgressCounts(db, sessionId),
		listJuries(db, sessionId),
		listSessionJurors(db, sessionId)
	]);
	// Formed: the jury keeps every composition rule, as the jury form and the scheduler judge it.
	const formed = juries.filter((jury) => {
		const members = jurors.filter((juror) => jury.memberIds.includes(juror.id));
		return juryCompositionBreaches(members, jury.presidentId).length === 0;
	});
	const counts = { ...progress, juries: juries.length, juriesFormed: formed.length };
	return { session, days: days.map((day) => day.date), rooms: rooms.length, counts, steps: dashboardSteps(counts) };
}

export async function createSession(db: Database, actorId: string, raw: Record<string, string>): Promise<string> {
	const settings = accepted(checkSessionSettings(raw, referentiels));
	return inTransaction(db, async (trx) => {
		const { id } = await insertSession(trx, settings);
		await appendAudit(trx, { actorId, action: 'session.create', entity: 'exam_session', entityId: id, after: settings });
		return id;
	});
}

export async function updateSessionSettings(db: Database, actorId: string, sessionId: string, raw: Record<string, string>): Promise<void> {
	const settings = accepted(checkSessionSettings(raw, referentiels));
	return inTransaction(db, async (trx) => {
		const before = await lockExistingSession(trx, sessionId);
		await updateSession(trx, sessionId, settings);
		await appendAudit(trx, { actorId, action: 'session.update', entity: 'exam_session', entityId: sessionId, before, after: settings });
	});
}

async function findDayOf(trx: Transaction<DB>, sessionId: string, dayId: string) {
	const day = isUuid(dayId) ? (await listDays(trx, sessionId)).find((candidate) => candidate.id === dayId) : undefined;
	if (!day) throw new UserFacingError('sessions.day-not-found', 404, messages.dayNotFound);
	return day;
}

async function refuseDuplicateDate(trx: Transaction<DB>, sessionId: string, date: string, exceptDayId?: string) {
	const days = await listDays(trx, sessionId);
	if (days.some((day) => day.date === date && day.id !== exceptDayId))
		throw new UserFacingError('sessions.day-duplicate', 409, messages.dayDuplicate, 'date');
}

export async function addDay(db: Database, actorId: string, sessionId: string, input: DayInput): Promise<string> {
	const day = accepted(checkDay(input));
	return inTransaction(db, async (trx) => {
		await lockExistingSession(trx, sessionId);
		await refuseDuplicateDate(trx, sessionId, day.date);
		const { id } = await insertDay(trx, sessionId, day);
		await appendAudit(trx, { actorId, action: 'session.day.add', entity: 'session_day', entityId: id, after: { sessionId, ...day } });
		return id;
	});
}

export async function editDay(db: Database, actorId: string, sessionId: string, dayId: string, input: DayInput): Promise<void> {
	const day = accepted(checkDay(input));
	return inTransaction(db, async (trx) => {
		await lockExistingSession(trx, sessionId);
		const before = await findDayOf(trx, sessionId, dayId);
		await refuseDuplicateDate(trx, sessionId, day.date, dayId);
		await updateDay(trx, dayId, day);
		await appendAudit(trx, { actorId, action: 'session.day.update', entity: 'session_day', entityId: dayId, before, after: day });
	});
}

export async function removeDay(db: Database, actorId: string, sessionId: string, dayId: string): Promise<void> {
	return inTransaction(db, async (trx) => {
		const session = await lockExistingSession(trx, sessionId);
		const day = await findDayOf(trx, sessionId, dayId);
		const wholeDay = instantRange(day.date, '00:00', '23:59', session.timezone);
		if ((await countDefensesBetween(trx, sessionId, new Date(wholeDay.start), new Date(wholeDay.end))) > 0)
			throw new UserFacingError('sessions.day-has-defenses', 409, messages.dayHasDefenses);
		await deleteDay(trx, dayId);
		await appendAudit(trx, { actorId, action: 'session.day.remove', entity: 'session_day', entityId: dayId, before: day });
	});
}

async function findRoomOf(trx: Transaction<DB>, sessionId: string, roomId: string) {
	const room = isUuid(roomId) ? (await listRooms(trx, sessionId)).find((candidate) => candidate.id === roomId) : undefined;
	if (!room) throw new UserFacingError('sessions.room-not-found', 404, messages.roomNotFound);
	return room;
}

async function refuseDuplicateRoomName(trx: Transaction<DB>, sessionId: string, name: string, exceptRoomId?: string) {
	const rooms = await listRooms(trx, sessionId);
	const taken = rooms.some((room) => room.name.toLocaleLowerCase('fr') === name.toLocaleLowerCase('fr') && room.id !== exceptRoomId);
	if (taken) throw new UserFacingError('sessions.room-name-taken', 409, messages.roomNameTaken, 'name');
}

export async function addRoom(db: Database, actorId: string, sessionId: string, input: RoomInput): Promise<string> {
	const room = accepted(checkRoom(input));
	return inTransaction(db, async (trx) => {
		await lockExistingSession(trx, sessionId);
		await refuseDuplicateRoomName(trx, sessionId, room.name);
		const { id } = await insertRoom(trx, sessionId, room);
		await appendAudit(trx, { actorId, action: 'session.room.add', entity: 'room', entityId: id, after: { sessionId, ...room } });
		return id;
	});
}

export async function editRoom(db: Database, actorId: string, sessionId: string, roomId: string, input: RoomInput): Promise<void> {
	const room = accepted(checkRoom(input));
	return inTransaction(db, async (trx) => {
		await lockExistingSession(trx, sessionId);
		const before = await findRoomOf(trx, sessionId, roomId);
		await refuseDuplicateRoomName(trx, sessionId, room.name, roomId);
		await updateRoom(trx, roomId, room);
		await appendAudit(trx, { actorId, action: 'session.room.update', entity: 'room', entityId: roomId, before, after: room });
	});
}

export async function removeRoom(db: Database, actorId: string, sessionId: string, roomId: string): Promise<void> {
	return inTransaction(db, async (trx) => {
		await lockExistingSession(trx, sessionId);
		const room = await findRoomOf(trx, sessionId, roomId);
		const jury = await trx.selectFrom('juries').select('label').where('room_id', '=', roomId).orderBy('label').executeTakeFirst();
		if (jury) throw new UserFacingError('sessions.room-used-by-jury', 409, messages.roomUsedByJury(jury.label));
		await deleteRoom(trx, roomId);
		await appendAudit(trx, { actorId, action: 'session.room.remove', entity: 'room', entityId: roomId, before: room });
	});
}

export async function addRoomUnavailability(
	db: Database,
	actorId: string,
	sessionId: string,
	roomId: string,
	input: { date?: string; start?: string; end?: string }
) {
	return inTransaction(db, async (trx) => {
		const session = await lockExistingSession(trx, sessionId);
		const range = accepted(checkLocalRange(input, session.timezone));
		const room = await findRoomOf(trx, sessionId, roomId);
		const unavailable = [...room.unavailable, range].sort((a, b) => a.start.localeCompare(b.start));
		await setRoomUnavailable(trx, roomId, unavailable);
		await appendAudit(trx, {
			actorId,
			action: 'session.room.unavailable.add',
			entity: 'room',
			entityId: roomId,
			before: room.unavailable,
			after: unavailable
		});
	});
}

export async function removeRoomUnavailability(
	db: Database,
	actorId: string,
	sessionId: string,
	roomId: string,
	range: { start: string; end: string }
) {
	return inTransaction(db, async (trx) => {
		await lockExistingSession(trx, sessionId);
		const room = await findRoomOf(trx, sessionId, roomId);
		const unavailable = room.unavailable.filter((existing) => !(existing.start === range.start && existing.end === range.end));
		if (unavailable.length === room.unavailable.length) throw new UserFacingError('sessions.range-not-found', 404, messages.rangeNotFound);
		await setRoomUnavailable(trx, roomId, unavailable);
		await appendAudit(trx, {
			actorId,
			action: 'session.room.unavailable.remove',
			entity: 'room',
			entityId: roomId,
			before: room.unavailable,
			after: unavailable
		});
	});
}
