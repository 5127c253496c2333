import { sql, type Transaction } from 'kysely';
import type { DatabaseHandle, Database } from '../db/connect';
import type { DB } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { startBackgroundLoop, type BackgroundLoop } from '../db/background-loop';
import { UserFacingError } from '../errors';
import { INSTANCE_ID } from '../instance';
import {
	JOBS_CHANNEL,
	claimJob,
	lockJobAt,
	markJobFailed,
	recordJobProgress,
	releaseJob,
	renewJobClaim,
	type JobFailure,
	type JobRow,
	type JobTally
} from './job-repository';

export interface JobRange {
	/** First item of the batch (0-based), and the one after its last. */
	from: number;
	to: number;
}

/**
 * What a kind of job does, batch by batch. A batch is `prepare`d outside any transaction (slow
 * work: documents built in workers), then `write`n in one short transaction that also moves the
 * job's count: a batch is written whole or not at all, once. The last batch's transaction also
 * runs `finish` (the job's audit entry) and stores what it returns as the job's result.
 */
export interface JobHandler<Prepared = unknown> {
	/** The most items a batch holds; the runner sizes batches below it to last about BATCH_TARGET_MS. */
	batchSize: number;
	prepare?(db: Database, job: JobRow, range: JobRange): Promise<Prepared>;
	/** Writes the batch; an item refused on its own is returned as a failure, the others are written. */
	write(trx: Transaction<DB>, job: JobRow, range: JobRange, prepared: Prepared): Promise<Partial<JobTally>>;
	/** Gets the whole job's tally. */
	finish(trx: Transaction<DB>, job: JobRow, tally: JobTally): Promise<unknown>;
}

export type JobHandlers = Record<string, JobHandler<unknown>>;

export interface RunOptions {
	instanceId?: string;
	/** How long a claim keeps other instances off the job; extended at each batch. */
	leaseMs?: number;
	/** Once aborted, the batch in flight is written and the job let go for another runner. */
	signal?: AbortSignal;
	/** Stops after this many batches, the job kept claimed until its lease ends (tests: a runner that dies). */
	maxBatches?: number;
}

const LEASE_MS = 60_000;
/**
 * How long a batch's work should last. On the embedded database a transaction holds the one
 * connection and its queries never leave the event loop a turn: a juror's save waits for the
 * batch. The runner grows or shrinks the next batch after each one to stay near this, and yields
 * to the event loop between batches.
 */
const BATCH_TARGET_MS = 50;
const FIRST_BATCH = 10;
/** A job whose batch fails this often (not an item refused: the batch itself) is given up. */
const MAX_ATTEMPTS = 3;

type Outcome = 'done' | 'lost' | 'stopped' | 'failed';

class LeaseLost extends Error {}

function addTally(before: JobTally, batch: Partial<JobTally>): JobTally {
	const counts = { ...before.counts };
	for (const [key, value] of Object.entries(batch.counts ?? {})) counts[key] = (counts[key] ?? 0) + value;
	return { failures: [...before.failures, ...(batch.failures ?? [])], counts };
}

async function runClaimed(db: Database, handlers: JobHandlers, job: JobRow, options: RunOptions): Promise<Outcome> {
	const instanceId = options.instanceId ?? INSTANCE_ID;
	const leaseMs = options.leaseMs ?? LEASE_MS;
	const handler = handlers[job.kind] as JobHandler<unknown> | undefined;
	if (!handler) {
		await markJobFailed(db, job.id, instanceId, `type de travail inconnu : ${job.kind}`);
		return 'failed';
	}
	let done = job.done;
	let batches = 0;
	let size = Math.min(FIRST_BATCH, handler.batchSize);
	try {
		for (;;) {
			if (options.maxBatches !== undefined && batches >= options.maxBatches) return 'stopped';
			if (options.signal?.aborted) {
				await releaseJob(db, job.id, instanceId);
				return 'stopped';
			}
			const range = { from: done, to: Math.min(job.total, done + size) };
			await renewJobClaim(db, job.id, instanceId, leaseMs);
			const prepared = handler.prepare ? await handler.prepare(db, job, range) : undefined;
			const started = performance.now();
			const finished = await inTransaction(
				db,
				async (trx) => {
					const locked = await lockJobAt(trx, job.id, instanceId, range.from);
					if (!locked) throw new LeaseLost();
					const tally = addTally(locked as unknown as JobTally, await handler.write(trx, job, range, prepared));
					const last = range.to >= job.total;
					const result = last ? ((await handler.finish(trx, job, tally)) ?? null) : undefined;
					await recordJobProgress(trx, { id: job.id, done: range.to, tally, leaseMs, result });
					return last;
				},
				// A unique violation: an instance created the same account meanwhile; the batch is tried again whole.
				{ uniqueRace: true }
			);
			done = range.to;
			batches++;
			if (finished) return 'done';
			const elapsed = Math.max(1, performance.now() - started);
			size = Math.max(1, Math.min(handler.batchSize, Math.round((size * BATCH_TARGET_MS) / elapsed)));
			await new Promise((resolve) => setImmediate(resolve));
		}
	} catch (error) {
		if (error instanceof LeaseLost) return 'lost';
		const message = error instanceof Error ? error.message : String(error);
		if (error instanceof UserFacingError || job.attempts >= MAX_ATTEMPTS) {
			await markJobFailed(db, job.id, instanceId, message);
			return 'failed';
		}
		await releaseJob(db, job.id, instanceId);
		throw error;
	}
}

/** Claims and runs pending jobs one after the other until none is left (or the signal aborts). */
export async function runPendingJobs(db: Database, handlers: JobHandlers, options: RunOptions = {}): Promise<number> {
	let ran = 0;
	while (!options.signal?.aborted) {
		const job = await claimJob(db, { instanceId: options.instanceId ?? INSTANCE_ID, leaseMs: options.leaseMs ?? LEASE_MS });
		if (!job) return ran;
		const outcome = await runClaimed(db, handlers, job, options);
		ran++;
		if (outcome === 'stopped') return ran;
	}
	return ran;
}

/** Runs one job to its end here and now (the demo's seed, which has no runner yet); false if another runner holds it. */
export async function runJobNow(db: Database, handlers: JobHandlers, id: string): Promise<boolean> {
	const job = await claimJob(db, { instanceId: INSTANCE_ID, leaseMs: LEASE_MS, id });
	return job ? (await runClaimed(db, handlers, job, {})) === 'done' : false;
}

/**
 * The process's job runner: runs pending jobs when one is queued (NOTIFY on JOBS_CHANNEL, from any
 * instance), and every `pollMs` for a job whose instance died (its lease ended). Requests only queue.
 */
export function startJobRunner(
	handle: DatabaseHandle,
	handlers: JobHandlers,
	options: Omit<RunOptions, 'signal'> & { pollMs?: number } = {}
): Promise<BackgroundLoop> {
	return startBackgroundLoop(
		handle,
		JOBS_CHANNEL,
		async (signal) => {
			await runPendingJobs(handle.db, handlers, { ...options, signal });
		},
		{ pollMs: options.pollMs ?? 5_000, interrupted: (message) => `Travaux : passage interrompu (${message}), nouvel essai bientôt.` }
	);
}

/**
 * Writes each item in its own savepoint of the batch's transaction: an item refused with a
 * UserFacingError (say, registered by hand since the file was checked) is undone alone and
 * returned as a failure; the batch's other items are written.
 */
export async function writeEachAlone<T>(
	trx: Transaction<DB>,
	items: T[],
	describe: (item: T) => string,
	work: (item: T) => Promise<void>
): Promise<JobFailure[]> {
	const failures: JobFailure[] = [];
	for (const item of items) {
		await sql`savepoint job_item`.execute(trx);
		try {
			await work(item);
			await sql`release savepoint job_item`.execute(trx);
		} catch (error) {
			if (!(error instanceof UserFacingError)) throw error;
			await sql`rollback to savepoint job_item`.execute(trx);
			failures.push({ item: describe(item), message: error.message });
		}
	}
	return failures;
}
