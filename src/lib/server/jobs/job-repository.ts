import { sql } from 'kysely';
import type { Executor } from '../db/transaction';

/** Every server instance's job runner LISTENs here; a NOTIFY sent in a transaction arrives on commit only. */
export const JOBS_CHANNEL = 'soutenance_jobs';

/** An item a job could not write (a line of a file, with why): the job goes on with the others. */
export interface JobFailure {
	item: string;
	message: string;
}

/** What a job's batches wrote: the items refused, and counters summed over the batches. */
export interface JobTally {
	failures: JobFailure[];
	counts: Record<string, number>;
}

export interface NewJob {
	kind: string;
	sessionId: string;
	actorId: string | null;
	payload: unknown;
	total: number;
}

/** Queued in the caller's transaction: the job exists (and runners wake) only if it commits. */
export async function insertJob(db: Executor, job: NewJob): Promise<string> {
	const row = await db
		.with('queued', (trx) =>
			trx
				.insertInto('jobs')
				.values({
					kind: job.kind,
					session_id: job.sessionId,
					actor_id: job.actorId,
					payload: JSON.stringify(job.payload),
					total: job.total
				})
				.returning('id')
		)
		.selectFrom('queued')
		.select(['id', sql<string>`pg_notify(${JOBS_CHANNEL}, '')`.as('notified')])
		.executeTakeFirstOrThrow();
	return row.id;
}

const leaseEnd = (leaseMs: number) => sql<Date>`now() + ${leaseMs} * interval '1 millisecond'`;

/**
 * Takes the oldest pending job no live lease holds, for this instance until the lease ends, in one
 * statement (SKIP LOCKED: two instances claiming at once get different jobs). The attempt is
 * counted here, so a job that crashes its runner each time still runs out of attempts. With `id`, that job only.
 */
export async function claimJob(db: Executor, claim: { instanceId: string; leaseMs: number; id?: string }) {
	let due = db
		.selectFrom('jobs')
		.select('id')
		.where('status', '=', 'pending')
		.where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', sql<Date>`now()`)]))
		.orderBy('created_at')
		.limit(1)
		.forUpdate()
		.skipLocked();
	if (claim.id) due = due.where('id', '=', claim.id);
	return db
		.updateTable('jobs')
		.set((eb) => ({ claimed_by: claim.instanceId, claimed_until: leaseEnd(claim.leaseMs), attempts: eb('attempts', '+', 1) }))
		.where('id', 'in', due)
		.returningAll()
		.executeTakeFirst();
}

export type JobRow = NonNullable<Awaited<ReturnType<typeof claimJob>>>;

/**
 * In a batch's transaction, before it writes: the job row locked, provided this instance still
 * holds it and nothing was written since `done` was read. Undefined otherwise (the lease was lost
 * and another instance took the job over): the batch must write nothing.
 */
export async function lockJobAt(db: Executor, id: string, instanceId: string, done: number) {
	return db
		.selectFrom('jobs')
		.select(['id', 'done', 'failures', 'counts'])
		.where('id', '=', id)
		.where('claimed_by', '=', instanceId)
		.where('status', '=', 'pending')
		.where('done', '=', done)
		.forUpdate()
		.executeTakeFirst();
}

/** The batch's progress, in its own transaction, with the lease extended. */
export async function recordJobProgress(
	db: Executor,
	progress: { id: string; done: number; tally: JobTally; leaseMs: number; result?: unknown }
) {
	const finished = progress.result !== undefined;
	await db
		.updateTable('jobs')
		.set({
			done: progress.done,
			failures: JSON.stringify(progress.tally.failures),
			counts: JSON.stringify(progress.tally.counts),
			claimed_until: finished ? null : leaseEnd(progress.leaseMs),
			...(finished ? { status: 'done', result: JSON.stringify(progress.result), finished_at: sql<Date>`now()` } : {})
		})
		.where('id', '=', progress.id)
		.execute();
}

/** Extends the lease while a batch is being prepared outside its transaction. */
export async function renewJobClaim(db: Executor, id: string, instanceId: string, leaseMs: number) {
	await db
		.updateTable('jobs')
		.set({ claimed_until: leaseEnd(leaseMs) })
		.where('id', '=', id)
		.where('claimed_by', '=', instanceId)
		.where('status', '=', 'pending')
		.execute();
}

/** Given up: what was written stays written (each batch committed), the reason is kept. */
export async function markJobFailed(db: Executor, id: string, instanceId: string, error: string) {
	await db
		.updateTable('jobs')
		.set({ status: 'failed', error, claimed_until: null, finished_at: sql<Date>`now()` })
		.where('id', '=', id)
		.where('claimed_by', '=', instanceId)
		.where('status', '=', 'pending')
		.execute();
}

/** Lets the job go before its lease ends (the instance stops): another one takes it at once. */
export async function releaseJob(db: Executor, id: string, instanceId: string) {
	await db
		.updateTable('jobs')
		.set({ claimed_until: null })
		.where('id', '=', id)
		.where('claimed_by', '=', instanceId)
		.where('status', '=', 'pending')
		.execute();
}

/** A job of the session with its messages counted: queued by it, sent, given up. */
export async function findSessionJob(db: Executor, sessionId: string, id: string) {
	return db
		.selectFrom('jobs')
		.selectAll('jobs')
		.select((eb) => [
			eb.selectFrom('outbox').whereRef('outbox.job_id', '=', 'jobs.id').select(eb.fn.countAll<string>().as('n')).as('messages'),
			eb
				.selectFrom('outbox')
				.whereRef('outbox.job_id', '=', 'jobs.id')
				.where('sent_at', 'is not', null)
				.select(eb.fn.countAll<string>().as('n'))
				.as('messagesSent'),
			eb
				.selectFrom('outbox')
				.whereRef('outbox.job_id', '=', 'jobs.id')
				.where('failed_at', 'is not', null)
				.select(eb.fn.countAll<string>().as('n'))
				.as('messagesFailed')
		])
		.where('session_id', '=', sessionId)
		.where('id', '=', id)
		.executeTakeFirst();
}

export async function findJob(db: Executor, id: string) {
	return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}
