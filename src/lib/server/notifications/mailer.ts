import nodemailer, { type Transporter } from 'nodemailer';
import { givesUp, retryDelayMs } from '../../domain/notifications/delivery';
import { processPasswordResetRequests } from '../auth/account-service';
import type { DatabaseHandle } from '../db/connect';
import type { Executor } from '../db/transaction';
import { startBackgroundLoop, type BackgroundLoop } from '../db/background-loop';
import { INSTANCE_ID } from '../instance';
import { MAIL_FROM } from './sender';
import { OUTBOX_CHANNEL, claimDueMail, markMailFailed, markMailSent, renewClaims } from './outbox-repository';

export interface DeliveryOptions {
	/** Who holds the claims: this server process unless a test runs several dispatchers. */
	instanceId?: string;
	/** How long a claim keeps other instances off a message; renewed while it is being sent. */
	leaseMs?: number;
	/** Messages claimed at once, sent over the pool's connections. */
	batchSize?: number;
	/** Once aborted, no further batch is claimed; the one in flight is sent and recorded. */
	signal?: AbortSignal;
}

/** Whether mail reaches its recipients' own mailboxes (SMTP), rather than being read in the outbox. */
export const mailIsDelivered = (env: NodeJS.ProcessEnv = process.env) => Boolean(env.SMTP_URL);

const LEASE_MS = 60_000;
const BATCH_SIZE = 20;

let pooled: { url: string; transport: Transporter } | null = null;

/** One pooled transport per process: connections are reused from message to message and batch to batch. */
function smtpTransport(url: string): Transporter {
	if (pooled?.url !== url) {
		pooled?.transport.close();
		pooled = {
			url,
			// Each step bounded well under the lease, so a hanging server fails the attempt instead of holding the claim.
			transport: nodemailer.createTransport({
				url,
				pool: true,
				maxConnections: 5,
				connectionTimeout: 10_000,
				greetingTimeout: 10_000,
				socketTimeout: 30_000
			})
		};
	}
	return pooled.transport;
}

/** Ends the shared SMTP connections when the server stops. */
export function closeSmtpConnections() {
	pooled?.transport.close();
	pooled = null;
}

type Claimed = Awaited<ReturnType<typeof claimDueMail>>[number];

async function send(transport: Transporter, message: Claimed) {
	return transport.sendMail({
		messageId: message.message_id,
		from: MAIL_FROM,
		to: message.recipient,
		subject: message.subject,
		text: message.text_body,
		html: message.html_body ?? undefined,
		attachments: (message.attachments as { filename: string; contentType: string; content: string }[]).map((attachment) => ({
			filename: attachment.filename,
			contentType: attachment.contentType,
			content: Buffer.from(attachment.content, 'base64')
		}))
	});
}

/**
 * Sends every message due now through SMTP, batch by batch, each claimed for this instance first:
 * another instance draining the same outbox never gets the same message. A message the server
 * accepts is marked sent with its answer; a refused one keeps the answer and waits its backoff, or
 * is given up (a 5xx answer, or too many attempts). Without SMTP nothing is sent: the messages stay
 * in the outbox, where coordinators read them in the app.
 */
export async function dispatchOutbox(
	db: Executor,
	smtpUrl: string | undefined = process.env.SMTP_URL,
	options: DeliveryOptions = {}
): Promise<{ sent: number; retried: number; failed: number }> {
	const totals = { sent: 0, retried: 0, failed: 0 };
	if (!smtpUrl) return totals;
	const transport = smtpTransport(smtpUrl);
	const instanceId = options.instanceId ?? INSTANCE_ID;
	const leaseMs = options.leaseMs ?? LEASE_MS;
	while (!options.signal?.aborted) {
		const batch = await claimDueMail(db, { instanceId, leaseMs, limit: options.batchSize ?? BATCH_SIZE });
		if (!batch.length) return totals;
		const sending = new Set(batch.map((message) => message.id));
		const renewal = setInterval(() => void renewClaims(db, instanceId, [...sending], leaseMs).catch(() => undefined), leaseMs / 3);
		try {
			await Promise.all(
				batch.map(async (message) => {
					try {
						const outcome = await send(transport, message).then(
							(info) => ({ sent: true as const, response: String(info.response) }),
							(caught: { response?: string; responseCode?: number; message?: string }) => ({
								sent: false as const,
								response: caught.response ?? String(caught.message ?? caught),
								giveUp: givesUp(message.attempts, caught.responseCode)
							})
						);
						if (outcome.sent) {
							await markMailSent(db, message.id, instanceId, outcome.response);
							totals.sent++;
						} else {
							const { response, giveUp } = outcome;
							await markMailFailed(db, { id: message.id, instanceId, response, retryInMs: retryDelayMs(message.attempts), giveUp });
							totals[giveUp ? 'failed' : 'retried']++;
						}
					} finally {
						sending.delete(message.id);
					}
				})
			);
		} finally {
			clearInterval(renewal);
		}
	}
	return totals;
}

export type OutboxWorker = BackgroundLoop;

/**
 * The process's background side of the outbox: turns recorded forgotten-password requests into
 * mail, then sends what is due (when `smtpUrl` is set). It runs when a committed transaction
 * queued something (NOTIFY on OUTBOX_CHANNEL, from any instance), and every `pollMs` for
 * retries, expired leases of a crashed instance and a missed notification. No request waits for it.
 */
export async function startOutboxWorker(
	handle: DatabaseHandle,
	options: DeliveryOptions & { smtpUrl?: string; pollMs?: number } = {}
): Promise<OutboxWorker> {
	return startBackgroundLoop(
		handle,
		OUTBOX_CHANNEL,
		async (signal) => {
			await processPasswordResetRequests(handle.db);
			await dispatchOutbox(handle.db, options.smtpUrl, { ...options, signal });
		},
		{ pollMs: options.pollMs ?? 2_000, interrupted: (message) => `Boîte d’envoi : passage interrompu (${message}), nouvel essai bientôt.` }
	);
}
