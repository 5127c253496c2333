import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import { startLocalSmtp, type LocalSmtp } from '../../../../tests/helpers/smtp';
import { connectPostgres } from '../db/connect';
import type { DatabaseHandle } from '../db';
import { inTransaction } from '../db/transaction';
import { closeSmtpConnections, dispatchOutbox, startOutboxWorker } from './mailer';
import { enqueueMail, pendingMail } from './outbox-repository';

let handle: DatabaseHandle;
let smtp: LocalSmtp;

beforeAll(async () => {
	handle = await freshDatabase();
	smtp = await startLocalSmtp({ rejectRecipients: ['inconnu@exemple.fr'], deferRecipientsOnce: ['plus-tard@exemple.fr'] });
});
afterAll(async () => {
	// The pool keeps its connections open for the next message; the server waits for them to close.
	closeSmtpConnections();
	await smtp.close();
	await handle.close();
});
// Each test starts from an empty outbox and an empty mailbox.
beforeEach(async () => {
	await handle.db.deleteFrom('outbox').execute();
	smtp.messages.length = 0;
});

const outboxRow = (recipient: string) =>
	handle.db.selectFrom('outbox').selectAll().where('recipient', '=', recipient).executeTakeFirstOrThrow();
const enqueueMany = (count: number, prefix: string) =>
	inTransaction(handle.db, async (trx) => {
		for (let i = 0; i < count; i++) await enqueueMail(trx, { to: `${prefix}${i}@exemple.fr`, subject: `${prefix} ${i}`, text: 'Bonjour' });
	});

/** The Message-IDs the SMTP server received more than once. */
function receivedTwice() {
	const seen = new Map<string, number>();
	for (const message of smtp.messages) seen.set(message.messageId, (seen.get(message.messageId) ?? 0) + 1);
	return [...seen].filter(([, count]) => count > 1).map(([id]) => id);
}

it('keeps messages in the outbox when no SMTP server is configured', async () => {
	await enqueueMail(handle.db, { to: 'a@exemple.fr', subject: 'Sans SMTP', text: 'Bonjour' });
	expect(await dispatchOutbox(handle.db, undefined)).toEqual({ sent: 0, retried: 0, failed: 0 });
	expect(await pendingMail(handle.db)).toHaveLength(1);
});

it('sends every due message in batches, with the Message-ID fixed at enqueue, and gives up a refused one with its answer', async () => {
	for (let i = 0; i < 60; i++)
		await enqueueMail(handle.db, {
			to: `candidat${i}@exemple.fr`,
			subject: `Convocation ${i}`,
			text: 'Bonjour',
			attachments: [
				{ filename: 'convocation.ics', contentType: 'text/calendar', content: Buffer.from('BEGIN:VCALENDAR').toString('base64') }
			]
		});
	await enqueueMail(handle.db, { to: 'inconnu@exemple.fr', subject: 'Refusé', text: 'Bonjour' });

	expect(await dispatchOutbox(handle.db, smtp.url)).toEqual({ sent: 60, retried: 0, failed: 1 });
	expect(smtp.messages.map((message) => message.to[0])).toContain('candidat59@exemple.fr');
	expect(smtp.messages.find((message) => message.subject === 'Convocation 7')?.attachments.map((a) => a.filename)).toEqual([
		'convocation.ics'
	]);
	const sent = await outboxRow('candidat7@exemple.fr');
	expect(smtp.messages.find((message) => message.subject === 'Convocation 7')?.messageId).toBe(sent.message_id);
	expect(sent.message_id).toMatch(/^<[0-9a-f-]{36}@soutenance\.test>$/);
	expect(sent).toMatchObject({ attempts: 1, claimed_until: null, failed_at: null });
	expect(sent.last_response).toMatch(/^250 /);
	// A 5xx is the server's final word: no retry, the answer kept for the outbox page.
	const refused = await outboxRow('inconnu@exemple.fr');
	expect(refused).toMatchObject({ attempts: 1, sent_at: null, claimed_by: null });
	expect(refused.failed_at).not.toBeNull();
	expect(refused.last_response).toMatch(/^550 .*boîte inconnue/);
	expect(await pendingMail(handle.db)).toEqual([]);
});

it('tries a deferred message again after its backoff, with the same Message-ID', async () => {
	await enqueueMail(handle.db, { to: 'plus-tard@exemple.fr', subject: 'Différé', text: 'Bonjour' });
	expect(await dispatchOutbox(handle.db, smtp.url)).toEqual({ sent: 0, retried: 1, failed: 0 });
	const deferred = await outboxRow('plus-tard@exemple.fr');
	expect(deferred).toMatchObject({ attempts: 1, sent_at: null, failed_at: null, claimed_by: null });
	expect(deferred.last_response).toMatch(/^451 /);
	// Not due before its backoff has passed: a pass now sends nothing.
	expect(await dispatchOutbox(handle.db, smtp.url)).toEqual({ sent: 0, retried: 0, failed: 0 });

	await handle.db
		.updateTable('outbox')
		.set({ next_attempt_at: new Date(Date.now() - 1000) })
		.where('id', '=', deferred.id)
		.execute();
	expect(await dispatchOutbox(handle.db, smtp.url)).toEqual({ sent: 1, retried: 0, failed: 0 });
	expect(smtp.messages.map((message) => message.messageId)).toEqual([deferred.message_id]);
	expect(await outboxRow('plus-tard@exemple.fr')).toMatchObject({ attempts: 2, failed_at: null });
});

it('takes over a message whose sender died (lease over), and leaves one another live instance is sending', async () => {
	await enqueueMail(handle.db, { to: 'orphelin@exemple.fr', subject: 'Orphelin', text: 'Bonjour' });
	await enqueueMail(handle.db, { to: 'en-cours@exemple.fr', subject: 'En cours', text: 'Bonjour' });
	const past = new Date(Date.now() - 1000);
	const future = new Date(Date.now() + 10 * 60_000);
	await handle.db
		.updateTable('outbox')
		.set({ claimed_by: 'instance-morte', claimed_until: past, attempts: 1 })
		.where('recipient', '=', 'orphelin@exemple.fr')
		.execute();
	await handle.db
		.updateTable('outbox')
		.set({ claimed_by: 'instance-vivante', claimed_until: future, attempts: 1 })
		.where('recipient', '=', 'en-cours@exemple.fr')
		.execute();

	expect(await dispatchOutbox(handle.db, smtp.url, { instanceId: 'instance-ici' })).toEqual({ sent: 1, retried: 0, failed: 0 });
	expect(smtp.messages.map((message) => message.to[0])).toEqual(['orphelin@exemple.fr']);
	expect(await outboxRow('orphelin@exemple.fr')).toMatchObject({ attempts: 2, claimed_by: 'instance-ici', claimed_until: null });
	expect(await outboxRow('en-cours@exemple.fr')).toMatchObject({ sent_at: null, claimed_by: 'instance-vivante' });
});

it('claims no further batch once stopping, and finishes the one in flight', async () => {
	const stopping = new AbortController();
	const watcher = await startLocalSmtp({ onMessage: () => stopping.abort() });
	try {
		await enqueueMany(30, 'arret');
		expect(await dispatchOutbox(handle.db, watcher.url, { batchSize: 5, signal: stopping.signal })).toEqual({
			sent: 5,
			retried: 0,
			failed: 0
		});
		expect(watcher.messages).toHaveLength(5);
		expect(await pendingMail(handle.db)).toHaveLength(25);
	} finally {
		closeSmtpConnections();
		await watcher.close();
	}
});

describe('the outbox worker', () => {
	it('sends what a committed transaction queued without being asked, and nothing of a rolled-back one', async () => {
		const worker = await startOutboxWorker(handle, { smtpUrl: smtp.url, pollMs: 60_000 });
		try {
			await expect(
				inTransaction(handle.db, async (trx) => {
					await enqueueMail(trx, { to: 'annule@exemple.fr', subject: 'Annulé', text: 'Bonjour' });
					throw new Error('rollback');
				})
			).rejects.toThrow('rollback');
			await enqueueMail(handle.db, { to: 'reveil@exemple.fr', subject: 'Réveil', text: 'Bonjour' });
			// The poll is a minute away: only the commit's NOTIFY can bring the message out this soon.
			await vi.waitFor(() => expect(smtp.messages.map((message) => message.to[0])).toEqual(['reveil@exemple.fr']), { timeout: 20_000 });
			await vi.waitFor(async () => expect((await outboxRow('reveil@exemple.fr')).sent_at).not.toBeNull(), { timeout: 20_000 });
		} finally {
			await worker.stop();
		}
		expect(await handle.db.selectFrom('outbox').select('recipient').execute()).toEqual([{ recipient: 'reveil@exemple.fr' }]);
	}, 60_000);

	it('two workers, each with its own connections, drain one outbox together and send each message once', async () => {
		// On PostgreSQL the second worker is another pool on the same database, as another instance
		// would be; on PGlite (one connection per process) both share the one there is.
		const url = handle.pool?.options.connectionString;
		const other = url ? connectPostgres(url, 4) : handle;
		await enqueueMany(150, 'lot');
		const workers = await Promise.all([
			startOutboxWorker(handle, { smtpUrl: smtp.url, instanceId: 'instance-a', batchSize: 5 }),
			startOutboxWorker(other, { smtpUrl: smtp.url, instanceId: 'instance-b', batchSize: 5 })
		]);
		try {
			await enqueueMany(150, 'suite');
			await vi.waitFor(async () => expect(await pendingMail(handle.db)).toEqual([]), { timeout: 100_000, interval: 200 });
		} finally {
			await Promise.all(workers.map((worker) => worker.stop()));
			if (other !== handle) await other.close();
		}
		expect(smtp.messages).toHaveLength(300);
		expect(receivedTwice()).toEqual([]);
		const rows = await handle.db.selectFrom('outbox').select(['message_id', 'attempts', 'sent_at']).execute();
		expect(new Set(smtp.messages.map((message) => message.messageId))).toEqual(new Set(rows.map((row) => row.message_id)));
		expect(rows.every((row) => row.sent_at !== null && row.attempts === 1)).toBe(true);
	}, 120_000);
});
