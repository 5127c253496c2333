import type { Executor } from '../db/transaction';
import { isUuid } from '../../domain/ids';

export async function listSessionsWithCounts(db: Executor) {
	return db
		.selectFrom('exam_sessions')
		.select((eb) => [
			'exam_sessions.id',
			'exam_sessions.name',
			'exam_sessions.timezone',
			'exam_sessions.block_code as blockCode',
			eb
				.selectFrom('session_days')
				.select((d) => d.fn.min('day').as('first'))
				.whereRef('session_days.session_id', '=', 'exam_sessions.id')
				.as('firstDay'),
			eb
				.selectFrom('session_days')
				.select((d) => d.fn.max('day').as('last'))
				.whereRef('session_days.session_id', '=', 'exam_sessions.id')
				.as('lastDay'),
			eb
				.selectFrom('registrations')
				.select((r) => r.fn.countAll<string>().as('n'))
				.whereRef('registrations.session_id', '=', 'exam_sessions.id')
				.as('candidates'),
			eb
				.selectFrom('juries')
				.select((j) => j.fn.countAll<string>().as('n'))
				.whereRef('juries.session_id', '=', 'exam_sessions.id')
				.as('juries')
		])
		.orderBy('firstDay', 'desc')
		.execute();
}

export interface SessionColumns {
	name: string;
	referentielId: string;
	timezone: string;
	place: string | null;
	presentationMinutes: number;
	questionsMinutes: number;
	deliberationMinutes: number;
	changeoverMinutes: number;
	extraMinutesPerTeamMember: number;
	anonymousDeliberation: boolean;
}

/** A session as read: the settings it is written with, plus its id and the block it certifies. */
export interface SessionRow extends SessionColumns {
	id: string;
	blockCode: string;
}

const toSessionColumns = (settings: SessionColumns) => ({
	name: settings.name,
	referentiel_id: settings.referentielId,
	timezone: settings.timezone,
	place: settings.place,
	presentation_minutes: settings.presentationMinutes,
	questions_minutes: settings.questionsMinutes,
	deliberation_minutes: settings.deliberationMinutes,
	changeover_minutes: settings.changeoverMinutes,
	extra_minutes_per_team_member: settings.extraMinutesPerTeamMember,
	anonymous_deliberation: settings.anonymousDeliberation
});

export async function findSession(db: Executor, sessionId: string): Promise<SessionRow | undefined> {
	if (!isUuid(sessionId)) return undefined;
	return db
		.selectFrom('exam_sessions')
		.select([
			'id',
			'name',
			'referentiel_id as referentielId',
			'block_code as blockCode',
			'timezone',
			'place',
			'presentation_minutes as presentationMinutes',
			'questions_minutes as questionsMinutes',
			'deliberation_minutes as deliberationMinutes',
			'changeover_minutes as changeoverMinutes',
			'extra_minutes_per_team_member as extraMinutesPerTeamMember',
			'anonymous_deliberation as anonymousDeliberation'
		])
		.where('id', '=', sessionId)
		.executeTakeFirst();
}

/** Locks the session row so concurrent edits of its days, rooms and juries queue up. */
export async function lockSession(db: Executor, sessionId: string): Promise<SessionRow | undefined> {
	if (!isUuid(sessionId)) return undefined;
	await db.selectFrom('exam_sessions').select('id').where('id', '=', sessionId).forUpdate().execute();
	return findSession(db, sessionId);
}

export async function insertSession(db: Executor, settings: SessionColumns) {
	return db.insertInto('exam_sessions').values(toSessionColumns(settings)).returning('id').executeTakeFirstOrThrow();
}

export async function updateSession(db: Executor, sessionId: string, settings: SessionColumns) {
	await db.updateTable('exam_sessions').set(toSessionColumns(settings)).where('id', '=', sessionId).execute();
}

export interface DayRow extends DayColumns {
	id: string;
}

export async function listDays(db: Executor, sessionId: string): Promise<DayRow[]> {
	const rows = await db
		.selectFrom('session_days')
		.select(['id', 'day as date', 'opens_at as opensAt', 'closes_at as closesAt', 'breaks'])
		.where('session_id', '=', sessionId)
		.orderBy('day')
		.execute();
	return rows.map((row) => ({ ...row, breaks: row.breaks as unknown as DayRow['breaks'] }));
}

export interface DayColumns {
	date: string;
	opensAt: string;
	closesAt: string;
	breaks: { start: string; end: string }[];
}

const toDayColumns = (day: DayColumns) => ({
	day: day.date,
	opens_at: day.opensAt,
	closes_at: day.closesAt,
	breaks: JSON.stringify(day.breaks)
});

export async function insertDay(db: Executor, sessionId: string, day: DayColumns) {
	return db
		.insertInto('session_days')
		.values({ session_id: sessionId, ...toDayColumns(day) })
		.returning('id')
		.executeTakeFirstOrThrow();
}

export async function updateDay(db: Executor, dayId: string, day: DayColumns) {
	await db.updateTable('session_days').set(toDayColumns(day)).where('id', '=', dayId).execute();
}

export async function deleteDay(db: Executor, dayId: string) {
	await db.deleteFrom('session_days').where('id', '=', dayId).execute();
}

/** Defenses of the session that start between two instants (a day's opening and closing). */
export async function countDefensesBetween(db: Executor, sessionId: string, from: Date, to: Date): Promise<number> {
	const row = await db
		.selectFrom('defenses')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('session_id', '=', sessionId)
		.where('starts_at', '>=', from)
		.where('starts_at', '<', to)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export interface RoomRow {
	id: string;
	name: string;
	remote: boolean;
	videoUrl: string | null;
	unavailable: { start: string; end: string }[];
}

export async function listRooms(db: Executor, sessionId: string): Promise<RoomRow[]> {
	const rows = await db
		.selectFrom('rooms')
		.select(['id', 'name', 'remote', 'video_url as videoUrl', 'unavailable'])
		.where('session_id', '=', sessionId)
		.orderBy('name')
		.execute();
	return rows.map((row) => ({ ...row, unavailable: row.unavailable as unknown as RoomRow['unavailable'] }));
}

export interface RoomColumns {
	name: string;
	remote: boolean;
	videoUrl: string | null;
}

export async function insertRoom(db: Executor, sessionId: string, room: RoomColumns) {
	return db
		.insertInto('rooms')
		.values({ session_id: sessionId, name: room.name, remote: room.remote, video_url: room.videoUrl })
		.returning('id')
		.executeTakeFirstOrThrow();
}

export async function updateRoom(db: Executor, roomId: string, room: RoomColumns) {
	await db.updateTable('rooms').set({ name: room.name, remote: room.remote, video_url: room.videoUrl }).where('id', '=', roomId).execute();
}

export async function setRoomUnavailable(db: Executor, roomId: string, unavailable: RoomRow['unavailable']) {
	await db
		.updateTable('rooms')
		.set({ unavailable: JSON.stringify(unavailable) })
		.where('id', '=', roomId)
		.execute();
}

export async function deleteRoom(db: Executor, roomId: string) {
	await db.deleteFrom('rooms').where('id', '=', roomId).execute();
}

export async function sessionCounts(db: Executor, sessionId: string) {
	const count = (table: 'registrations' | 'juries' | 'session_jurors') =>
		db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.where('session_id', '=', sessionId)
			.executeTakeFirstOrThrow()
			.then((row) => Number(row.n));
	const [candidates, juries, jurors] = await Promise.all([count('registrations'), count('juries'), count('session_jurors')]);
	return { candidates, juries, jurors };
}

/** The session's registered candidates with what conflict checks need. */
export async function listSessionCandidates(db: Executor, sessionId: string) {
	return db
		.selectFrom('registrations')
		.innerJoin('users', 'users.id', 'registrations.candidate_id')
		.leftJoin('candidate_profiles', 'candidate_profiles.user_id', 'users.id')
		.select(['users.id', 'users.display_name as name', 'candidate_profiles.company'])
		.where('registrations.session_id', '=', sessionId)
		.orderBy('users.display_name')
		.execute();
}
