import { sql } from 'kysely';
import type { EntryValues } from '$lib/domain/scoring/grid';
import { liveSessionUserId, type SessionCheck } from '../auth/auth-repository';
import type { Executor } from '../db/transaction';

/** Which of these defenses may this juror score: those of the juries the juror sits in. */
export async function scorableDefenseIds(db: Executor, jurorId: string, defenseIds: string[]): Promise<Set<string>> {
	if (defenseIds.length === 0) return new Set();
	const rows = await db
		.selectFrom('live_defenses as defenses')
		.innerJoin('live_jury_members as jury_members', 'jury_members.jury_id', 'defenses.jury_id')
		.select('defenses.id')
		.where('jury_members.juror_id', '=', jurorId)
		.where('defenses.id', 'in', defenseIds)
		.execute();
	return new Set(rows.map((row) => row.id));
}

export interface DefenseForScoring {
	id: string;
	status: string;
	start: Date;
	end: Date;
	sessionId: string;
	sessionName: string;
	timezone: string;
	referentielId: string;
	blockCode: string;
	juryId: string;
	juryLabel: string;
	presidentId: string | null;
}

export async function findDefenseForScoring(db: Executor, defenseId: string): Promise<DefenseForScoring | undefined> {
	return db
		.selectFrom('live_defenses as defenses')
		.innerJoin('exam_sessions', 'exam_sessions.id', 'defenses.session_id')
		.innerJoin('juries', 'juries.id', 'defenses.jury_id')
		.select([
			'defenses.id',
			'defenses.status',
			'defenses.starts_at as start',
			'defenses.ends_at as end',
			'exam_sessions.id as sessionId',
			'exam_sessions.name as sessionName',
			'exam_sessions.timezone',
			'exam_sessions.referentiel_id as referentielId',
			'exam_sessions.block_code as blockCode',
			'juries.id as juryId',
			'juries.label as juryLabel',
			'juries.president_id as presidentId'
		])
		.where('defenses.id', '=', defenseId)
		.executeTakeFirst();
}

export interface DefenseCandidate {
	id: string;
	name: string;
	projectTitle: string;
	projectAbstract: string | null;
	team: string | null;
}

export async function defenseCandidates(db: Executor, defenseId: string): Promise<DefenseCandidate[]> {
	return db
		.selectFrom('defense_candidates')
		.innerJoin('defenses', 'defenses.id', 'defense_candidates.defense_id')
		.innerJoin('users', 'users.id', 'defense_candidates.candidate_id')
		.leftJoin('registrations', (join) =>
			join
				.onRef('registrations.candidate_id', '=', 'defense_candidates.candidate_id')
				.onRef('registrations.session_id', '=', 'defenses.session_id')
		)
		.select([
			'users.id',
			'users.display_name as name',
			sql<string>`coalesce(registrations.project_title, '')`.as('projectTitle'),
			'registrations.project_abstract as projectAbstract',
			'registrations.team'
		])
		.where('defense_candidates.defense_id', '=', defenseId)
		.orderBy('users.display_name')
		.execute();
}

export async function juryMembers(db: Executor, juryId: string): Promise<{ id: string; name: string }[]> {
	return db
		.selectFrom('live_jury_members as jury_members')
		.innerJoin('users', 'users.id', 'jury_members.juror_id')
		.select(['users.id', 'users.display_name as name'])
		.where('jury_members.jury_id', '=', juryId)
		.orderBy('users.display_name')
		.execute();
}

export interface SheetRow {
	id: string;
	jurorId: string;
	candidateId: string;
	submittedAt: Date | null;
}

/** The sheets of one juror (or of every juror) for a defense. */
export async function sheetsOf(db: Executor, defenseId: string, jurorId?: string): Promise<SheetRow[]> {
	let query = db
		.selectFrom('score_sheets')
		.select(['id', 'juror_id as jurorId', 'candidate_id as candidateId', 'submitted_at as submittedAt'])
		.where('defense_id', '=', defenseId);
	if (jurorId) query = query.where('juror_id', '=', jurorId);
	return query.execute();
}

/** Creates the juror's missing sheets for these candidates; existing ones are left alone. */
export async function createSheets(db: Executor, defenseId: string, jurorId: string, candidateIds: string[]): Promise<void> {
	if (candidateIds.length === 0) return;
	await db
		.insertInto('score_sheets')
		.values(candidateIds.map((candidateId) => ({ defense_id: defenseId, juror_id: jurorId, candidate_id: candidateId })))
		.onConflict((conflict) => conflict.columns(['defense_id', 'juror_id', 'candidate_id']).doNothing())
		.execute();
}

export interface EntryRow extends EntryValues {
	sheetId: string;
	code: string;
	levelClock: string | null;
	criteriaClock: string | null;
	commentClock: string | null;
}

export async function entriesOf(db: Executor, sheetIds: string[]): Promise<EntryRow[]> {
	if (sheetIds.length === 0) return [];
	const rows = await db
		.selectFrom('score_entries')
		.select([
			'sheet_id as sheetId',
			'competency_code as code',
			'level',
			'criteria',
			'comment',
			'level_clock as levelClock',
			'criteria_clock as criteriaClock',
			'comment_clock as commentClock'
		])
		.where('sheet_id', 'in', sheetIds)
		.execute();
	return rows.map((row) => ({ ...row, criteria: row.criteria as number[] }));
}

export type EntryField = 'level' | 'criteria' | 'comment';

// Column names come from this fixed table, never from the request.
const ENTRY_COLUMNS: Record<EntryField, { value: string; clock: string; cast: string }> = {
	level: { value: 'level', clock: 'level_clock', cast: 'smallint' },
	criteria: { value: 'criteria', clock: 'criteria_clock', cast: 'jsonb' },
	comment: { value: 'comment', clock: 'comment_clock', cast: 'text' }
};

/** Who writes: a juror the caller has authenticated, or a session the statement checks by itself (the autosave's fast path). */
export type ScoreWriter = { jurorId: string } | { session: SessionCheck };

export interface EntryWrite {
	changeId: string;
	writer: ScoreWriter;
	defenseId: string;
	candidateId: string;
	code: string;
	field: EntryField;
	value: number | number[] | string;
	clock: string;
}

// Both statements below are one atomic step each, so the autosave needs no reads before its writes:
// - the writer is a juror the caller authenticated or, for the autosave, the user of a live juror
//   session checked in the statement itself; they write only for a juror of the defense's jury;
// - an entry is written only while its sheet is open: the sheet row is touched (a no-op update), so
//   a submission running at the same time either waits for this write or makes it skip, and a
//   serializable submission that read the grid before this write fails and is retried;
// - the change id is recorded with the write, so a replay writes nothing;
// - the field is written only if it does not already hold a newer change.
// They answer "stored" for a change written now or recorded earlier by the same juror; otherwise (no sheet yet, locked
// sheet, no access) the service takes its slower path that tells which. They also say whether the field changed now
// (not a replay, not older than what it holds) and who wrote it: what the journal records.

const writerStep = (writer: ScoreWriter) =>
	sql`writer as (select ${'jurorId' in writer ? sql`cast(${writer.jurorId} as uuid)` : liveSessionUserId(writer.session)} as id)`;
const WRITER = sql`(select id from writer)`;

const member = (defenseId: string) =>
	sql`exists (
		select 1 from live_defenses defenses join live_jury_members jury_members on jury_members.jury_id = defenses.jury_id
		where defenses.id = ${defenseId} and jury_members.juror_id = ${WRITER}
	)`;

const storedAnswer = (changeId: string) =>
	sql`select (select count(*) from applied)
		+ (select count(*) from applied_changes where change_id = ${changeId} and juror_id = ${WRITER}) as stored,
		(select count(*) from written) as written, ${WRITER} as writer`;

/** What one change statement did: held by the server (now or earlier), written now, by whom. */
export interface ChangeResult {
	stored: boolean;
	written: boolean;
	writerId: string | null;
}

type ChangeAnswer = { stored: string; written: string; writer: string | null };

const changeResult = (row: ChangeAnswer | undefined): ChangeResult => ({
	stored: Number(row?.stored ?? 0) > 0,
	written: Number(row?.written ?? 0) > 0,
	writerId: row?.writer ?? null
});

/** One level, criteria or comment change, as one statement (also what the autosave benchmark runs through pg alone). */
export function entryChangeStatement(write: EntryWrite) {
	const column = ENTRY_COLUMNS[write.field];
	const value = write.field === 'criteria' ? JSON.stringify(write.value) : write.value;
	return sql<ChangeAnswer>`
		with ${writerStep(write.writer)}, sheet as (
			update score_sheets set submitted_at = null
			where defense_id = ${write.defenseId} and juror_id = ${WRITER} and candidate_id = ${write.candidateId} and submitted_at is null
				and ${member(write.defenseId)}
				and exists (select 1 from defense_candidates where defense_id = ${write.defenseId} and candidate_id = ${write.candidateId})
			returning id
		), applied as (
			insert into applied_changes (change_id, juror_id, defense_id) select ${write.changeId}, ${WRITER}, ${write.defenseId} from sheet
			on conflict (change_id) do nothing
			returning change_id
		), written as (
			insert into score_entries (sheet_id, competency_code, ${sql.raw(column.value)}, ${sql.raw(column.clock)}, client_change_id)
			select sheet.id, ${write.code}, cast(${value} as ${sql.raw(column.cast)}), ${write.clock}, applied.change_id from sheet, applied
			on conflict (sheet_id, competency_code) do update
				set ${sql.raw(column.value)} = excluded.${sql.raw(column.value)}, ${sql.raw(column.clock)} = excluded.${sql.raw(column.clock)},
					client_change_id = excluded.client_change_id, updated_at = now()
				where score_entries.${sql.raw(column.clock)} is null or score_entries.${sql.raw(column.clock)} < excluded.${sql.raw(column.clock)}
			returning 1
		)
		${storedAnswer(write.changeId)}`;
}

export async function applyEntryChange(db: Executor, write: EntryWrite): Promise<ChangeResult> {
	const { rows } = await entryChangeStatement(write).execute(db);
	return changeResult(rows[0]);
}

export async function applyNotesChange(
	db: Executor,
	write: { changeId: string; writer: ScoreWriter; defenseId: string; body: string; clock: string }
): Promise<ChangeResult> {
	const { rows } = await sql<ChangeAnswer>`
		with ${writerStep(write.writer)}, applied as (
			insert into applied_changes (change_id, juror_id, defense_id)
			select ${write.changeId}, ${WRITER}, ${write.defenseId} where ${member(write.defenseId)}
			on conflict (change_id) do nothing
			returning change_id
		), written as (
			insert into scoring_notes (defense_id, juror_id, body, body_clock)
			select ${write.defenseId}, ${WRITER}, ${write.body}, ${write.clock} from applied
			on conflict (defense_id, juror_id) do update
				set body = excluded.body, body_clock = excluded.body_clock, updated_at = now()
				where scoring_notes.body_clock is null or scoring_notes.body_clock < excluded.body_clock
			returning 1
		)
		${storedAnswer(write.changeId)}`.execute(db);
	return changeResult(rows[0]);
}

export async function notesOf(
	db: Executor,
	defenseId: string,
	jurorId: string
): Promise<{ body: string; clock: string | null } | undefined> {
	return db
		.selectFrom('scoring_notes')
		.select(['body', 'body_clock as clock'])
		.where('defense_id', '=', defenseId)
		.where('juror_id', '=', jurorId)
		.executeTakeFirst();
}

export async function setSubmitted(db: Executor, defenseId: string, jurorId: string, submittedAt: Date | null): Promise<void> {
	await db
		.updateTable('score_sheets')
		.set(submittedAt ? { submitted_at: submittedAt } : { submitted_at: null, reopened_at: new Date() })
		.where('defense_id', '=', defenseId)
		.where('juror_id', '=', jurorId)
		.execute();
}

export async function insertReopening(
	db: Executor,
	reopening: { defenseId: string; jurorId: string; reopenedBy: string; reason: string }
): Promise<void> {
	await db
		.insertInto('score_reopenings')
		.values({ defense_id: reopening.defenseId, juror_id: reopening.jurorId, reopened_by: reopening.reopenedBy, reason: reopening.reason })
		.execute();
}

export async function reopeningsOf(db: Executor, defenseId: string) {
	return db
		.selectFrom('score_reopenings')
		.innerJoin('users as juror', 'juror.id', 'score_reopenings.juror_id')
		.innerJoin('users as president', 'president.id', 'score_reopenings.reopened_by')
		.select([
			'score_reopenings.id',
			'juror.display_name as juror',
			'president.display_name as by',
			'score_reopenings.reason',
			'score_reopenings.reopened_at as at'
		])
		.where('score_reopenings.defense_id', '=', defenseId)
		.orderBy('score_reopenings.reopened_at')
		.execute();
}
