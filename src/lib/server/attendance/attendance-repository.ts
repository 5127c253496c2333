import type { HalfDay } from '$lib/domain/sessions/session-rules';
import type { Executor } from '../db/transaction';

/** A jury as its attendance sheets name it, with its session. */
export interface SheetJury {
	id: string;
	label: string;
	presidentId: string | null;
	sessionId: string;
	sessionName: string;
	timezone: string;
}

function sheetJuries(db: Executor) {
	return db
		.selectFrom('juries')
		.innerJoin('exam_sessions', 'exam_sessions.id', 'juries.session_id')
		.select([
			'juries.id',
			'juries.label',
			'juries.president_id as presidentId',
			'juries.session_id as sessionId',
			'exam_sessions.name as sessionName',
			'exam_sessions.timezone'
		]);
}

export async function findSheetJury(db: Executor, juryId: string): Promise<SheetJury | undefined> {
	return sheetJuries(db).where('juries.id', '=', juryId).executeTakeFirst();
}

/** Every jury of a session, by label, in one query. */
export async function sessionSheetJuries(db: Executor, sessionId: string): Promise<SheetJury[]> {
	return sheetJuries(db).where('juries.session_id', '=', sessionId).orderBy('juries.label').execute();
}

export async function sessionJuryIds(db: Executor, sessionId: string): Promise<string[]> {
	const rows = await db.selectFrom('juries').select('id').where('session_id', '=', sessionId).orderBy('label').execute();
	return rows.map((row) => row.id);
}

/** A defense of the jury as it was held (the published placement), with its room and candidates. */
export interface SheetDefense {
	id: string;
	juryId: string;
	status: string;
	start: Date;
	room: string | null;
	candidates: { id: string; name: string }[];
}

export async function juryDefenses(db: Executor, juryIds: string[]): Promise<SheetDefense[]> {
	if (juryIds.length === 0) return [];
	const rows = await db
		.selectFrom('live_defenses as defenses')
		.leftJoin('rooms', 'rooms.id', 'defenses.room_id')
		.select(['defenses.id', 'defenses.jury_id as juryId', 'defenses.status', 'defenses.starts_at as start', 'rooms.name as room'])
		.where('defenses.jury_id', 'in', juryIds)
		.orderBy('defenses.starts_at')
		.orderBy('defenses.id')
		.execute();
	if (rows.length === 0) return [];
	const candidates = await db
		.selectFrom('defense_candidates')
		.innerJoin('users', 'users.id', 'defense_candidates.candidate_id')
		.select(['defense_candidates.defense_id as defenseId', 'users.id', 'users.display_name as name'])
		.where(
			'defense_candidates.defense_id',
			'in',
			rows.map((row) => row.id)
		)
		.orderBy('users.display_name')
		.execute();
	return rows.map((row) => ({
		...row,
		candidates: candidates.filter((candidate) => candidate.defenseId === row.id).map(({ id, name }) => ({ id, name }))
	}));
}

/** The jury's members on the day (the published composition), by name (the service puts the president first). */
export async function juryMembers(db: Executor, juryId: string): Promise<{ id: string; name: string }[]> {
	return db
		.selectFrom('live_jury_members')
		.innerJoin('users', 'users.id', 'live_jury_members.juror_id')
		.select(['users.id', 'users.display_name as name'])
		.where('live_jury_members.jury_id', '=', juryId)
		.orderBy('users.display_name')
		.execute();
}

export interface SignatureRow {
	id: string;
	personId: string;
	kind: 'candidate' | 'juror';
	defenseId: string | null;
	method: 'drawn' | 'paper';
	image: Buffer | null;
	signedAt: Date;
	collectedBy: string | null;
	collectorName: string | null;
}

export async function halfDaySignatures(
	db: Executor,
	juryId: string,
	halfDay: { date: string; part: HalfDay },
	{ withImages }: { withImages: boolean }
): Promise<SignatureRow[]> {
	const rows = await db
		.selectFrom('attendance_signatures as signatures')
		.leftJoin('users as collectors', 'collectors.id', 'signatures.collected_by')
		.select([
			'signatures.id',
			'signatures.person_id as personId',
			'signatures.kind',
			'signatures.defense_id as defenseId',
			'signatures.method',
			'signatures.signed_at as signedAt',
			'signatures.collected_by as collectedBy',
			'collectors.display_name as collectorName'
		])
		.$if(withImages, (query) => query.select('signatures.image'))
		.where('signatures.jury_id', '=', juryId)
		.where('signatures.day', '=', halfDay.date)
		.where('signatures.half_day', '=', halfDay.part)
		.orderBy('signatures.signed_at')
		.execute();
	return rows.map((row) => ({
		...row,
		kind: row.kind as SignatureRow['kind'],
		method: row.method as SignatureRow['method'],
		image: 'image' in row ? ((row.image as Buffer | null) ?? null) : null
	}));
}

/** Whether a candidate of the defense signed its attendance sheet (a signed candidate was there: not absent). */
export async function defenseHasSignature(db: Executor, defenseId: string): Promise<boolean> {
	const row = await db
		.selectFrom('attendance_signatures')
		.select('id')
		.where('defense_id', '=', defenseId)
		.where('kind', '=', 'candidate')
		.executeTakeFirst();
	return row !== undefined;
}

export interface NewSignature {
	juryId: string;
	date: string;
	part: HalfDay;
	personId: string;
	kind: 'candidate' | 'juror';
	defenseId: string | null;
	method: 'drawn' | 'paper';
	image: Buffer | null;
	signedAt: Date;
	collectedBy: string;
}

/** The signature's id, or null when this person already signed this jury's half-day. */
export async function insertSignature(trx: Executor, signature: NewSignature): Promise<string | null> {
	const row = await trx
		.insertInto('attendance_signatures')
		.values({
			jury_id: signature.juryId,
			day: signature.date,
			half_day: signature.part,
			person_id: signature.personId,
			kind: signature.kind,
			defense_id: signature.defenseId,
			method: signature.method,
			image: signature.image,
			signed_at: signature.signedAt,
			collected_by: signature.collectedBy
		})
		.onConflict((conflict) => conflict.columns(['jury_id', 'person_id', 'day', 'half_day']).doNothing())
		.returning('id')
		.executeTakeFirst();
	return row?.id ?? null;
}
