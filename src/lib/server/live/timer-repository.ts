import { sql } from 'kysely';
import { initialTimerState, isPhase, type PhaseRecord, type TimerState } from '$lib/domain/live/timer';
import type { Executor } from '../db/transaction';

/** A defense with what its timer needs: jury, president, session durations and candidates. */
export interface DefenseContext {
	id: string;
	sessionId: string;
	juryId: string;
	juryLabel: string;
	presidentId: string | null;
	status: string;
	plannedStart: Date;
	plannedEnd: Date;
	timezone: string;
	changeover: number;
	session: { presentation: number; questions: number; deliberation: number; extraPerTeamMember: number };
	candidates: { id: string; name: string; extraTimePercent: number }[];
}

const defenseColumns = [
	'defenses.id',
	'defenses.session_id as sessionId',
	'defenses.jury_id as juryId',
	'juries.label as juryLabel',
	'juries.president_id as presidentId',
	'defenses.status',
	'defenses.starts_at as plannedStart',
	'defenses.ends_at as plannedEnd',
	'exam_sessions.timezone',
	'exam_sessions.changeover_minutes as changeover',
	'exam_sessions.presentation_minutes as presentation',
	'exam_sessions.questions_minutes as questions',
	'exam_sessions.deliberation_minutes as deliberation',
	'exam_sessions.extra_minutes_per_team_member as extraPerTeamMember'
] as const;

/**
 * The defenses matching `filter`, with their candidates, in planned order. With `dayOf`, only those
 * starting on that instant's day in their session's zone (its bounds in SQL: the live views read one day).
 */
async function defenseContexts(
	db: Executor,
	filter: { ids?: string[]; juryId?: string; sessionId?: string; dayOf?: Date }
): Promise<DefenseContext[]> {
	let query = db
		.selectFrom('live_defenses as defenses')
		.innerJoin('juries', 'juries.id', 'defenses.jury_id')
		.innerJoin('exam_sessions', 'exam_sessions.id', 'defenses.session_id')
		.select(defenseColumns)
		.orderBy('defenses.starts_at')
		.orderBy('defenses.id');
	if (filter.ids) {
		if (filter.ids.length === 0) return [];
		query = query.where('defenses.id', 'in', filter.ids);
	}
	if (filter.juryId) query = query.where('defenses.jury_id', '=', filter.juryId);
	if (filter.sessionId) query = query.where('defenses.session_id', '=', filter.sessionId);
	if (filter.dayOf) {
		const midnight = sql`date_trunc('day', ${filter.dayOf}::timestamptz at time zone exam_sessions.timezone)`;
		query = query.where((eb) =>
			eb.and([
				eb('defenses.starts_at', '>=', sql<Date>`${midnight} at time zone exam_sessions.timezone`),
				eb('defenses.starts_at', '<', sql<Date>`(${midnight} + interval '1 day') at time zone exam_sessions.timezone`)
			])
		);
	}
	const rows = await query.execute();
	if (rows.length === 0) return [];
	const candidates = await db
		.selectFrom('defense_candidates')
		.innerJoin('users', 'users.id', 'defense_candidates.candidate_id')
		.leftJoin('candidate_profiles', 'candidate_profiles.user_id', 'users.id')
		.select([
			'defense_candidates.defense_id as defenseId',
			'users.id',
			'users.display_name as name',
			'candidate_profiles.extra_time_percent as extraTimePercent'
		])
		.where(
			'defense_candidates.defense_id',
			'in',
			rows.map((row) => row.id)
		)
		.orderBy('users.display_name')
		.execute();
	return rows.map(({ presentation, questions, deliberation, extraPerTeamMember, ...row }) => ({
		...row,
		session: { presentation, questions, deliberation, extraPerTeamMember },
		candidates: candidates
			.filter((candidate) => candidate.defenseId === row.id)
			.map(({ id, name, extraTimePercent }) => ({ id, name, extraTimePercent: extraTimePercent ?? 0 }))
	}));
}

export async function findDefenseContext(db: Executor, defenseId: string, dayOf?: Date): Promise<DefenseContext | undefined> {
	return (await defenseContexts(db, { ids: [defenseId], dayOf }))[0];
}

/** The jury's defenses on the day of `dayOf`, in its session's zone. */
export const juryDayDefenseContexts = (db: Executor, juryId: string, dayOf: Date) => defenseContexts(db, { juryId, dayOf });
/** The session's defenses on the day of `dayOf`, in its zone. */
export const sessionDayDefenseContexts = (db: Executor, sessionId: string, dayOf: Date) => defenseContexts(db, { sessionId, dayOf });

export interface JuryOfSession {
	id: string;
	sessionId: string;
	label: string;
	presidentId: string | null;
	room: string | null;
}

export async function findJury(db: Executor, juryId: string): Promise<JuryOfSession | undefined> {
	return db
		.selectFrom('juries')
		.leftJoin('rooms', 'rooms.id', 'juries.room_id')
		.select(['juries.id', 'juries.session_id as sessionId', 'juries.label', 'juries.president_id as presidentId', 'rooms.name as room'])
		.where('juries.id', '=', juryId)
		.executeTakeFirst();
}

export async function listSessionJuries(db: Executor, sessionId: string): Promise<JuryOfSession[]> {
	return db
		.selectFrom('juries')
		.leftJoin('rooms', 'rooms.id', 'juries.room_id')
		.select(['juries.id', 'juries.session_id as sessionId', 'juries.label', 'juries.president_id as presidentId', 'rooms.name as room'])
		.where('juries.session_id', '=', sessionId)
		.orderBy('juries.label')
		.execute();
}

export async function isJuryMember(db: Executor, juryId: string, userId: string): Promise<boolean> {
	const row = await db
		.selectFrom('live_jury_members')
		.select('juror_id')
		.where('jury_id', '=', juryId)
		.where('juror_id', '=', userId)
		.executeTakeFirst();
	return Boolean(row);
}

export async function countJuryMembers(db: Executor, juryIds: string[]): Promise<Map<string, number>> {
	if (juryIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('live_jury_members')
		.select(['jury_id as juryId', (eb) => eb.fn.countAll<string>().as('members')])
		.where('jury_id', 'in', juryIds)
		.groupBy('jury_id')
		.execute();
	return new Map(rows.map((row) => [row.juryId, Number(row.members)]));
}

/**
 * Locks the jury's row for the rest of the transaction: the starts of two defenses of one jury
 * then run one after the other, and the second sees the first one under way.
 */
export async function lockJury(trx: Executor, juryId: string): Promise<void> {
	await trx.selectFrom('juries').select('id').where('id', '=', juryId).forUpdate().executeTakeFirst();
}

/** The jury's defenses under way (started, not finished), in planned order. */
export async function juryDefensesUnderWay(db: Executor, juryId: string): Promise<{ id: string; status: string }[]> {
	return db
		.selectFrom('live_defenses')
		.select(['id', 'status'])
		.where('jury_id', '=', juryId)
		.where('status', '=', 'in_progress')
		.orderBy('starts_at')
		.execute();
}

/** The defenses' timers closed at their planned times, as if their presidents had pressed « Terminé » on time. */
export async function finishTimersAtPlannedEnd(trx: Executor, defenseIds: string[]): Promise<void> {
	await trx
		.insertInto('defense_timers')
		.columns(['defense_id', 'phase', 'started_at', 'phase_started_at'])
		.expression((eb) =>
			eb
				.selectFrom('defenses')
				.select(['id', sql.lit('termine').as('phase'), 'starts_at', 'ends_at'])
				.where('id', 'in', defenseIds)
		)
		.onConflict((oc) =>
			oc
				.column('defense_id')
				.doUpdateSet((eb) => ({ phase: 'termine', phase_started_at: eb.ref('excluded.phase_started_at'), paused_at: null }))
		)
		.execute();
}

type TimerRow = {
	defense_id: string;
	phase: string;
	phase_started_at: Date | null;
	paused_at: Date | null;
	accumulated_pause_ms: number;
	started_at: Date | null;
};

function toState(row: TimerRow | undefined): TimerState {
	if (!row || !isPhase(row.phase)) return initialTimerState();
	return {
		phase: row.phase,
		phaseStartedAt: row.phase_started_at?.getTime() ?? null,
		pausedAt: row.paused_at?.getTime() ?? null,
		accumulatedPauseMs: row.accumulated_pause_ms,
		startedAt: row.started_at?.getTime() ?? null
	};
}

/** Timer states by defense; a defense without a row has not been started (accueil). */
export async function findTimers(db: Executor, defenseIds: string[]): Promise<Map<string, TimerState>> {
	if (defenseIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('defense_timers')
		.select(['defense_id', 'phase', 'phase_started_at', 'paused_at', 'accumulated_pause_ms', 'started_at'])
		.where('defense_id', 'in', defenseIds)
		.execute();
	return new Map(defenseIds.map((id) => [id, toState(rows.find((row) => row.defense_id === id))]));
}

/** Locks the defense's timer row (creating it in accueil if needed) for the rest of the transaction. */
export async function lockTimer(trx: Executor, defenseId: string): Promise<TimerState> {
	await trx
		.insertInto('defense_timers')
		.values({ defense_id: defenseId })
		.onConflict((oc) => oc.column('defense_id').doNothing())
		.execute();
	const row = await trx
		.selectFrom('defense_timers')
		.select(['defense_id', 'phase', 'phase_started_at', 'paused_at', 'accumulated_pause_ms', 'started_at'])
		.where('defense_id', '=', defenseId)
		.forUpdate()
		.executeTakeFirst();
	return toState(row);
}

const instant = (value: number | null) => (value === null ? null : new Date(value));

export async function saveTimer(trx: Executor, defenseId: string, state: TimerState, actorId: string | null): Promise<void> {
	await trx
		.updateTable('defense_timers')
		.set({
			phase: state.phase,
			phase_started_at: instant(state.phaseStartedAt),
			paused_at: instant(state.pausedAt),
			accumulated_pause_ms: state.accumulatedPauseMs,
			started_at: instant(state.startedAt),
			updated_at: sql<Date>`now()`,
			updated_by: actorId
		})
		.where('defense_id', '=', defenseId)
		.execute();
}

export async function insertPhaseRecord(trx: Executor, defenseId: string, record: PhaseRecord, actorId: string | null): Promise<void> {
	await trx
		.insertInto('defense_phase_log')
		.values({
			defense_id: defenseId,
			phase: record.phase,
			started_at: new Date(record.startedAt),
			ended_at: new Date(record.endedAt),
			planned_seconds: record.plannedSeconds,
			actual_seconds: record.actualSeconds,
			paused_seconds: record.pausedSeconds,
			recorded_by: actorId
		})
		.execute();
}

export async function listPhaseRecords(db: Executor, defenseId: string) {
	return db
		.selectFrom('defense_phase_log')
		.select([
			'phase',
			'started_at as startedAt',
			'ended_at as endedAt',
			'planned_seconds as plannedSeconds',
			'actual_seconds as actualSeconds',
			'paused_seconds as pausedSeconds'
		])
		.where('defense_id', '=', defenseId)
		.orderBy('started_at')
		.orderBy('id')
		.execute();
}

export async function setDefenseStatus(trx: Executor, defenseId: string, status: 'in_progress' | 'done' | 'absent'): Promise<void> {
	await trx.updateTable('defenses').set({ status }).where('id', '=', defenseId).execute();
}

/** Submitted grids per defense, from the scoring area's sheets. */
export async function countSubmittedSheets(db: Executor, defenseIds: string[]): Promise<Map<string, number>> {
	if (defenseIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('score_sheets')
		.select(['defense_id as defenseId', (eb) => eb.fn.countAll<string>().as('submitted')])
		.where('defense_id', 'in', defenseIds)
		.where('submitted_at', 'is not', null)
		.groupBy('defense_id')
		.execute();
	return new Map(rows.map((row) => [row.defenseId, Number(row.submitted)]));
}

/** The candidate's defenses in sessions whose plan is published. */
export async function publishedDefenseIdsOfCandidate(db: Executor, candidateId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('defense_candidates')
		.innerJoin('live_defenses as defenses', 'defenses.id', 'defense_candidates.defense_id')
		.select('defenses.id')
		.where('defense_candidates.candidate_id', '=', candidateId)
		.where((eb) =>
			eb.exists(eb.selectFrom('plan_versions').select('plan_versions.id').whereRef('plan_versions.session_id', '=', 'defenses.session_id'))
		)
		.execute();
	return rows.map((row) => row.id);
}
