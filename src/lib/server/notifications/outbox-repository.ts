import { sql } from 'kysely';
import type { Executor } from '../db/transaction';
import { newMessageId } from './sender';

export interface MailAttachment {
	filename: string;
	contentType: string;
	/** base64 */
	content: string;
}

export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
	html?: string;
	attachments?: MailAttachment[];
}

/**
 * Every server instance's outbox worker LISTENs here. A NOTIFY sent inside a transaction is
 * delivered on commit only: the workers wake for a message that exists, never for a rolled-back one.
 */
export const OUTBOX_CHANNEL = 'soutenance_outbox';

/** Selected beside a write, it wakes every instance's worker once the transaction commits. */
export const notifyOutboxWorkers = sql<string>`pg_notify(${OUTBOX_CHANNEL}, '')`;

/**
 * Messages are written in the use case's transaction and sent after it commits by a worker: none is sent for a change that rolled back.
 * A message queued by a job names it (`jobId`): the job's page counts its messages sent.
 */
export async function enqueueMail(db: Executor, mail: OutgoingMail, jobId: string | null = null) {
	return db
		.with('queued', (trx) =>
			trx
				.insertInto('outbox')
				.values({
					recipient: mail.to,
					subject: mail.subject,
					text_body: mail.text,
					html_body: mail.html ?? null,
					attachments: JSON.stringify(mail.attachments ?? []),
					message_id: newMessageId(),
					job_id: jobId
				})
				.returning('id')
		)
		.selectFrom('queued')
		.select(['id', notifyOutboxWorkers.as('notified')])
		.executeTakeFirstOrThrow();
}

const leaseEnd = (leaseMs: number) => sql<Date>`now() + ${leaseMs} * interval '1 millisecond'`;

/**
 * Takes up to `limit` due messages for this instance until the lease ends, in one short statement.
 * Rows another instance is claiming at this moment are skipped (SKIP LOCKED), rows another
 * instance holds a live lease on are not due; an expired lease (its instance died) is taken over.
 * The attempt is counted here, so a message whose sender crashes mid-send still runs out of attempts.
 */
export async function claimDueMail(db: Executor, claim: { instanceId: string; leaseMs: number; limit: number }) {
	const due = db
		.selectFrom('outbox')
		.select('id')
		.where('sent_at', 'is', null)
		.where('failed_at', 'is', null)
		.where('next_attempt_at', '<=', sql<Date>`now()`)
		.where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', sql<Date>`now()`)]))
		.orderBy('next_attempt_at')
		.orderBy('created_at')
		.limit(claim.limit)
		.forUpdate()
		.skipLocked();
	return db
		.updateTable('outbox')
		.set((eb) => ({ claimed_by: claim.instanceId, claimed_until: leaseEnd(claim.leaseMs), attempts: eb('attempts', '+', 1) }))
		.where('id', 'in', due)
		.returningAll()
		.execute();
}

/** Extends the lease of the messages this instance is still sending. */
export async function renewClaims(db: Executor, instanceId: string, ids: string[], leaseMs: number) {
	if (!ids.length) return;
	await db
		.updateTable('outbox')
		.set({ claimed_until: leaseEnd(leaseMs) })
		.where('id', 'in', ids)
		.where('claimed_by', '=', instanceId)
		.where('sent_at', 'is', null)
		.execute();
}

/** Recorded whoever holds the claim now: the server accepted it, it went out. claimed_by stays, as the instance that sent it. */
export async function markMailSent(db: Executor, id: string, instanceId: string, response: string) {
	await db
		.updateTable('outbox')
		.set({ sent_at: sql<Date>`now()`, last_response: response, claimed_by: instanceId, claimed_until: null })
		.where('id', '=', id)
		.where('sent_at', 'is', null)
		.execute();
}

/** Back to the queue for `retryInMs`, or given up; only while this instance still holds the claim. */
export async function markMailFailed(
	db: Executor,
	attempt: { id: string; instanceId: string; response: string; retryInMs: number; giveUp: boolean }
) {
	await db
		.updateTable('outbox')
		.set({
			last_response: attempt.response,
			claimed_by: null,
			claimed_until: null,
			next_attempt_at: sql<Date>`now() + ${attempt.retryInMs} * interval '1 millisecond'`,
			failed_at: attempt.giveUp ? sql<Date>`now()` : null
		})
		.where('id', '=', attempt.id)
		.where('claimed_by', '=', attempt.instanceId)
		.where('sent_at', 'is', null)
		.execute();
}

/** Messages not sent and not given up, oldest first. */
export async function pendingMail(db: Executor, limit = 50) {
	return db
		.selectFrom('outbox')
		.selectAll()
		.where('sent_at', 'is', null)
		.where('failed_at', 'is', null)
		.orderBy('created_at')
		.limit(limit)
		.execute();
}

export async function listOutbox(db: Executor, filter: { recipient?: string; limit: number; offset?: number }) {
	let query = db
		.selectFrom('outbox')
		.selectAll()
		.select(sql<Date>`now()`.as('now'))
		.select(sql<string>`count(*) over ()`.as('total'))
		.orderBy('created_at', 'desc')
		.orderBy('id')
		.limit(filter.limit)
		.offset(filter.offset ?? 0);
	if (filter.recipient) query = query.where('recipient', 'ilike', `%${filter.recipient}%`);
	return query.execute();
}

export async function findOutboxMessage(db: Executor, id: string) {
	return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}
