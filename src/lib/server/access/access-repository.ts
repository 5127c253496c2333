import type { Executor } from '../db/transaction';

// Every query takes a whole set of ids and answers for all of them at once (immich's access
// repository is the model): a page that lists fifty defenses asks once, not fifty times.

export interface SessionRow {
	id: string;
	name: string;
	timezone: string;
}

export interface JuryRow {
	id: string;
	sessionId: string;
	label: string;
	presidentId: string | null;
	room: string | null;
}

export interface DefenseRow {
	id: string;
	juryId: string;
	sessionId: string;
	presidentId: string | null;
}

export async function sessionsByIds(db: Executor, ids: string[]): Promise<SessionRow[]> {
	if (ids.length === 0) return [];
	return db.selectFrom('exam_sessions').select(['id', 'name', 'timezone']).where('id', 'in', ids).execute();
}

export async function juriesByIds(db: Executor, ids: string[]): Promise<JuryRow[]> {
	if (ids.length === 0) return [];
	return db
		.selectFrom('juries')
		.leftJoin('rooms', 'rooms.id', 'juries.room_id')
		.select(['juries.id', 'juries.session_id as sessionId', 'juries.label', 'juries.president_id as presidentId', 'rooms.name as room'])
		.where('juries.id', 'in', ids)
		.execute();
}

export async function defensesByIds(db: Executor, ids: string[]): Promise<DefenseRow[]> {
	if (ids.length === 0) return [];
	return db
		.selectFrom('live_defenses as defenses')
		.innerJoin('juries', 'juries.id', 'defenses.jury_id')
		.select(['defenses.id', 'defenses.jury_id as juryId', 'defenses.session_id as sessionId', 'juries.president_id as presidentId'])
		.where('defenses.id', 'in', ids)
		.execute();
}

/** The juries among `juryIds` the user sits in. */
export async function memberJuryIds(db: Executor, userId: string, juryIds: string[]): Promise<Set<string>> {
	if (juryIds.length === 0) return new Set();
	const rows = await db
		.selectFrom('live_jury_members')
		.select('jury_id')
		.where('juror_id', '=', userId)
		.where('jury_id', 'in', juryIds)
		.execute();
	return new Set(rows.map((row) => row.jury_id));
}

/** The sessions among `sessionIds` the candidate is registered in. */
export async function registeredSessionIds(db: Executor, candidateId: string, sessionIds: string[]): Promise<Set<string>> {
	if (sessionIds.length === 0) return new Set();
	const rows = await db
		.selectFrom('registrations')
		.select('session_id')
		.where('candidate_id', '=', candidateId)
		.where('session_id', 'in', sessionIds)
		.execute();
	return new Set(rows.map((row) => row.session_id));
}
