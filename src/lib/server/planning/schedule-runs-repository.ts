import type { Executor } from '../db/transaction';

export type RunMode = 'plan' | 'reoptimise';

export interface RunOutcome {
	placed: number;
	total: number;
	unplaced: { candidates: string[]; names: string[]; reasons: string[] }[];
	stats: Record<string, number>;
	changes: { inserted: number; moved: number; kept: number; removed: number };
}

const runColumns = [
	'id',
	'session_id as sessionId',
	'mode',
	'status',
	'phase',
	'progress',
	'placed',
	'total',
	'started_at as startedAt',
	'finished_at as finishedAt',
	'error',
	'result'
] as const;

export async function insertRun(
	trx: Executor,
	run: { sessionId: string; mode: RunMode; startedBy: string; total: number; instanceId: string }
): Promise<string> {
	const { id } = await trx
		.insertInto('planning_runs')
		.values({
			session_id: run.sessionId,
			mode: run.mode,
			started_by: run.startedBy,
			total: run.total,
			phase: 'préparation',
			instance_id: run.instanceId
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function updateRunProgress(
	db: Executor,
	runId: string,
	progress: { phase: string; fraction: number; placed: number }
): Promise<void> {
	await db
		.updateTable('planning_runs')
		.set({ phase: progress.phase, progress: progress.fraction, placed: progress.placed })
		.where('id', '=', runId)
		.where('status', '=', 'running')
		.execute();
}

export async function finishRun(trx: Executor, runId: string, outcome: RunOutcome): Promise<void> {
	await trx
		.updateTable('planning_runs')
		.set({
			status: 'done',
			phase: 'terminé',
			progress: 1,
			placed: outcome.placed,
			total: outcome.total,
			finished_at: new Date(),
			result: JSON.stringify(outcome)
		})
		.where('id', '=', runId)
		.execute();
}

export async function failRun(db: Executor, runId: string, error: string): Promise<void> {
	await db.updateTable('planning_runs').set({ status: 'failed', finished_at: new Date(), error }).where('id', '=', runId).execute();
}

/** The solving instance's sign of life for a run still running. */
export async function touchRun(db: Executor, runId: string): Promise<void> {
	await db.updateTable('planning_runs').set({ heartbeat_at: new Date() }).where('id', '=', runId).where('status', '=', 'running').execute();
}

/** Runs left "running" by a server that stopped mid-solve (no heartbeat since `silentSince`) can never finish. */
export async function failSilentRuns(db: Executor, sessionId: string, silentSince: Date, error: string): Promise<void> {
	await db
		.updateTable('planning_runs')
		.set({ status: 'failed', finished_at: new Date(), error })
		.where('session_id', '=', sessionId)
		.where('status', '=', 'running')
		.where('heartbeat_at', '<', silentSince)
		.execute();
}

export async function getRun(db: Executor, sessionId: string, runId: string) {
	return db.selectFrom('planning_runs').select(runColumns).where('session_id', '=', sessionId).where('id', '=', runId).executeTakeFirst();
}

export async function latestRun(db: Executor, sessionId: string) {
	return db
		.selectFrom('planning_runs')
		.select(runColumns)
		.where('session_id', '=', sessionId)
		.orderBy('started_at', 'desc')
		.limit(1)
		.executeTakeFirst();
}

export type PlanningRun = NonNullable<Awaited<ReturnType<typeof latestRun>>>;
