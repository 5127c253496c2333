import { sql } from 'kysely';
import type { Outcome } from '$lib/domain/certification/rules';
import type { Executor } from '../db/transaction';

export interface SessionForResults {
	id: string;
	name: string;
	timezone: string;
	referentielId: string;
	blockCode: string;
	place: string | null;
	/** Deliberation shows candidates by their number in the session. */
	anonymousDeliberation: boolean;
}

export async function findSessionForResults(db: Executor, sessionId: string): Promise<SessionForResults | undefined> {
	return db
		.selectFrom('exam_sessions')
		.select([
			'id',
			'name',
			'timezone',
			'referentiel_id as referentielId',
			'block_code as blockCode',
			'place',
			'anonymous_deliberation as anonymousDeliberation'
		])
		.where('id', '=', sessionId)
		.executeTakeFirst();
}

/** The session's registered candidates, with their defense in this session (if placed) and its jury. */
/**
 * The session's candidates by name, with their defense and jury; with `only`, just those among
 * `ids` or that slice of the list (`limit`, `offset`).
 */
export async function sessionCandidates(db: Executor, sessionId: string, only: { ids?: string[]; limit?: number; offset?: number } = {}) {
	if (only.ids?.length === 0) return [];
	let query = db
		.selectFrom('registrations')
		.innerJoin('users', 'users.id', 'registrations.candidate_id')
		.leftJoin(
			(eb) =>
				eb
					.selectFrom('defense_candidates')
					.innerJoin('live_defenses as defenses', 'defenses.id', 'defense_candidates.defense_id')
					.select([
						'defense_candidates.candidate_id as candidateId',
						'defenses.id',
						'defenses.status',
						'defenses.starts_at as start',
						'defenses.jury_id as juryId'
					])
					.where('defenses.session_id', '=', sessionId)
					.as('defense'),
			(join) => join.onRef('defense.candidateId', '=', 'users.id')
		)
		.leftJoin('juries', 'juries.id', 'defense.juryId')
		.select([
			'users.id',
			'users.display_name as name',
			'users.email',
			'registrations.project_title as projectTitle',
			'defense.id as defenseId',
			'defense.status as defenseStatus',
			'defense.start as defenseStart',
			'juries.id as juryId',
			'juries.label as juryLabel'
		])
		.where('registrations.session_id', '=', sessionId)
		.orderBy('users.display_name')
		.orderBy('users.id');
	if (only.ids) query = query.where('users.id', 'in', only.ids);
	if (only.limit !== undefined) query = query.limit(only.limit).offset(only.offset ?? 0);
	return query.execute();
}

/** The juries that hear candidates of the session, by label. */
export async function juriesOfSessionDefenses(db: Executor, sessionId: string) {
	return db
		.selectFrom('juries')
		.select(['juries.id', 'juries.label'])
		.where('juries.session_id', '=', sessionId)
		.where((eb) => eb.exists(eb.selectFrom('live_defenses').select('live_defenses.id').whereRef('live_defenses.jury_id', '=', 'juries.id')))
		.execute()
		.then((juries) => juries.sort((a, b) => a.label.localeCompare(b.label)));
}

export type SessionCandidate = Awaited<ReturnType<typeof sessionCandidates>>[number];

/** Results of the other blocks, every session of these candidates. */
export async function blockResultsOf(db: Executor, candidateIds: string[]) {
	if (candidateIds.length === 0) return [];
	return db
		.selectFrom('block_results')
		.innerJoin('exam_sessions', 'exam_sessions.id', 'block_results.session_id')
		.select([
			'block_results.session_id as sessionId',
			'exam_sessions.name as sessionName',
			'block_results.candidate_id as candidateId',
			'block_results.block_code as blockCode',
			'block_results.validated',
			'block_results.obtained_on as obtainedOn',
			'block_results.origin',
			'block_results.source',
			'block_results.recorded_at as recordedAt'
		])
		.where('block_results.candidate_id', 'in', candidateIds)
		.orderBy('block_results.block_code')
		.execute();
}

export async function upsertBlockResults(
	db: Executor,
	recordedBy: string | null,
	rows: {
		sessionId: string;
		candidateId: string;
		blockCode: string;
		validated: boolean;
		obtainedOn: string | null;
		origin: string;
		source: 'import' | 'manual' | 'demo';
	}[]
): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insertInto('block_results')
		.values(
			rows.map((row) => ({
				session_id: row.sessionId,
				candidate_id: row.candidateId,
				block_code: row.blockCode,
				validated: row.validated,
				obtained_on: row.obtainedOn,
				origin: row.origin,
				source: row.source,
				recorded_by: recordedBy
			}))
		)
		.onConflict((conflict) =>
			conflict.columns(['session_id', 'candidate_id', 'block_code']).doUpdateSet({
				validated: sql`excluded.validated`,
				obtained_on: sql`excluded.obtained_on`,
				origin: sql`excluded.origin`,
				source: sql`excluded.source`,
				recorded_by: sql`excluded.recorded_by`,
				recorded_at: sql`now()`
			})
		)
		.execute();
}

/** What a certification decision says about a candidate, as written and as read back. */
interface CertificationDecision {
	sessionId: string;
	candidateId: string;
	outcome: Outcome;
	validatedBlocks: string[];
	blocks: unknown;
	reasons: string[];
	cause: string;
}

export interface CertificationRow extends CertificationDecision {
	id: string;
	decidedAt: Date;
}

export async function certificationHistory(db: Executor, sessionId: string, candidateIds?: string[]): Promise<CertificationRow[]> {
	if (candidateIds && candidateIds.length === 0) return [];
	let query = db
		.selectFrom('certification_decisions')
		.select([
			'id',
			'session_id as sessionId',
			'candidate_id as candidateId',
			'outcome',
			'validated_blocks as validatedBlocks',
			'blocks',
			'reasons',
			'cause',
			'decided_at as decidedAt'
		])
		.where('session_id', '=', sessionId);
	if (candidateIds) query = query.where('candidate_id', 'in', candidateIds);
	const rows = await query.orderBy('decided_at').orderBy('id').execute();
	return rows as unknown as CertificationRow[];
}

export async function insertCertification(db: Executor, row: CertificationDecision & { decidedBy: string | null }): Promise<void> {
	await db
		.insertInto('certification_decisions')
		.values({
			session_id: row.sessionId,
			candidate_id: row.candidateId,
			outcome: row.outcome,
			validated_blocks: JSON.stringify(row.validatedBlocks),
			blocks: JSON.stringify(row.blocks),
			reasons: JSON.stringify(row.reasons),
			cause: row.cause,
			decided_by: row.decidedBy
		})
		.execute();
}

export async function findPublication(db: Executor, sessionId: string) {
	return db
		.selectFrom('results_publications')
		.select(['published_at as publishedAt', 'appeal_until as appealUntil', 'published_by as publishedBy'])
		.where('session_id', '=', sessionId)
		.executeTakeFirst();
}

export async function insertPublication(
	db: Executor,
	sessionId: string,
	publishedBy: string | null,
	appealUntil: string
): Promise<boolean> {
	const rows = await db
		.insertInto('results_publications')
		.values({ session_id: sessionId, published_by: publishedBy, appeal_until: appealUntil })
		.onConflict((conflict) => conflict.column('session_id').doNothing())
		.returning('session_id')
		.execute();
	return rows.length === 1;
}

/** Sessions whose results are published and in which this candidate is registered. */
export async function publishedSessionsOf(db: Executor, candidateId: string) {
	return db
		.selectFrom('results_publications')
		.innerJoin('registrations', 'registrations.session_id', 'results_publications.session_id')
		.innerJoin('exam_sessions', 'exam_sessions.id', 'results_publications.session_id')
		.select([
			'exam_sessions.id as sessionId',
			'exam_sessions.name as sessionName',
			'exam_sessions.referentiel_id as referentielId',
			'results_publications.appeal_until as appealUntil',
			'results_publications.published_at as publishedAt'
		])
		.where('registrations.candidate_id', '=', candidateId)
		.orderBy('results_publications.published_at', 'desc')
		.execute();
}

/** Juries that heard these candidates, in any session: their signed records hold the jury's block decisions. */
export async function juriesHearing(db: Executor, candidateIds: string[]) {
	if (candidateIds.length === 0) return [];
	return db
		.selectFrom('defense_candidates')
		.innerJoin('live_defenses as defenses', 'defenses.id', 'defense_candidates.defense_id')
		.select([
			'defense_candidates.candidate_id as candidateId',
			'defenses.jury_id as juryId',
			'defenses.session_id as sessionId',
			'defenses.status'
		])
		.where('defense_candidates.candidate_id', 'in', candidateIds)
		.execute();
}

export async function sessionJuries(db: Executor, sessionId: string) {
	return db.selectFrom('juries').select(['id', 'label']).where('session_id', '=', sessionId).orderBy('label').execute();
}

export async function displayNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map();
	const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
	return new Map(rows.map((row) => [row.id, row.display_name]));
}
