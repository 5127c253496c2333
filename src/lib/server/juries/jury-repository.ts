import type { Executor } from '../db/transaction';

export interface JuryRow {
	id: string;
	label: string;
	roomId: string | null;
	presidentId: string | null;
	memberIds: string[];
}

export async function listJuries(db: Executor, sessionId: string): Promise<JuryRow[]> {
	const [juries, members] = await Promise.all([
		db
			.selectFrom('juries')
			.select(['id', 'label', 'room_id as roomId', 'president_id as presidentId'])
			.where('session_id', '=', sessionId)
			.orderBy('label')
			.execute(),
		db
			.selectFrom('jury_members')
			.innerJoin('juries', 'juries.id', 'jury_members.jury_id')
			.select(['jury_members.jury_id as juryId', 'jury_members.juror_id as jurorId'])
			.where('juries.session_id', '=', sessionId)
			.execute()
	]);
	return juries.map((jury) => ({
		...jury,
		memberIds: members.filter((member) => member.juryId === jury.id).map((member) => member.jurorId)
	}));
}

export interface JuryColumns {
	label: string;
	roomId: string;
	presidentId: string;
	memberIds: string[];
}

export async function insertJury(db: Executor, sessionId: string, jury: JuryColumns) {
	const { id } = await db
		.insertInto('juries')
		.values({ session_id: sessionId, label: jury.label, room_id: jury.roomId, president_id: jury.presidentId })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('jury_members')
		.values(jury.memberIds.map((juror_id) => ({ jury_id: id, juror_id })))
		.execute();
	return id;
}

export async function updateJury(db: Executor, juryId: string, jury: JuryColumns) {
	await db
		.updateTable('juries')
		.set({ label: jury.label, room_id: jury.roomId, president_id: jury.presidentId })
		.where('id', '=', juryId)
		.execute();
	await db.deleteFrom('jury_members').where('jury_id', '=', juryId).execute();
	await db
		.insertInto('jury_members')
		.values(jury.memberIds.map((juror_id) => ({ jury_id: juryId, juror_id })))
		.execute();
}

export async function deleteJury(db: Executor, juryId: string) {
	await db.deleteFrom('juries').where('id', '=', juryId).execute();
}

export async function countJuryDefenses(db: Executor, juryId: string): Promise<number> {
	const row = await db
		.selectFrom('defenses')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('jury_id', '=', juryId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The names of these jurors who have submitted a grid for a defense of the jury, in order. */
export async function jurorsWhoSubmittedForJury(db: Executor, juryId: string, jurorIds: string[]): Promise<string[]> {
	if (jurorIds.length === 0) return [];
	const rows = await db
		.selectFrom('score_sheets')
		.innerJoin('live_defenses as defenses', 'defenses.id', 'score_sheets.defense_id')
		.innerJoin('users', 'users.id', 'score_sheets.juror_id')
		.select('users.display_name as name')
		.distinct()
		.where('defenses.jury_id', '=', juryId)
		.where('score_sheets.juror_id', 'in', jurorIds)
		.where('score_sheets.submitted_at', 'is not', null)
		.orderBy('users.display_name')
		.execute();
	return rows.map((row) => row.name);
}
