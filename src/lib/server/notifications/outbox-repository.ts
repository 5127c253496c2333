import type { Executor } from '../db/transaction';

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

/** Messages are written in the use case's transaction, then dispatched: none is sent for a change that rolled back. */
export async function enqueueMail(db: Executor, mail: OutgoingMail) {
	return db
		.insertInto('outbox')
		.values({
			recipient: mail.to,
			subject: mail.subject,
			text_body: mail.text,
			html_body: mail.html ?? null,
			attachments: JSON.stringify(mail.attachments ?? [])
		})
		.returning('id')
		.executeTakeFirstOrThrow();
}

export async function pendingMail(db: Executor, skipIds: string[] = [], limit = 50) {
	let query = db.selectFrom('outbox').selectAll().where('sent_at', 'is', null).orderBy('created_at').limit(limit);
	if (skipIds.length) query = query.where('id', 'not in', skipIds);
	return query.execute();
}

export async function markMailSent(db: Executor, id: string) {
	await db.updateTable('outbox').set({ sent_at: new Date(), error: null }).where('id', '=', id).execute();
}

export async function markMailFailed(db: Executor, id: string, error: string) {
	await db.updateTable('outbox').set({ error }).where('id', '=', id).execute();
}

export async function listOutbox(db: Executor, filter: { recipient?: string; limit: number }) {
	let query = db.selectFrom('outbox').selectAll().orderBy('created_at', 'desc').limit(filter.limit);
	if (filter.recipient) query = query.where('recipient', 'ilike', `%${filter.recipient}%`);
	return query.execute();
}

export async function findOutboxMessage(db: Executor, id: string) {
	return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}
