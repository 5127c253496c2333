import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../db/connect';
import { markMailFailed, markMailSent, pendingMail } from './outbox-repository';

let transporter: Transporter | null = null;
let transporterUrl: string | undefined;

function smtpTransport(smtpUrl: string): Transporter {
	if (!transporter || transporterUrl !== smtpUrl) {
		transporter = nodemailer.createTransport(smtpUrl);
		transporterUrl = smtpUrl;
	}
	return transporter;
}

/** Whether mail reaches its recipients' own mailboxes (SMTP), rather than being read in the outbox. */
export const mailIsDelivered = (env: NodeJS.ProcessEnv = process.env) => Boolean(env.SMTP_URL);

export const MAIL_FROM = process.env.MAIL_FROM ?? 'Soutenance <no-reply@soutenance.test>';

/**
 * Sends the outbox through SMTP_URL. Without SMTP the messages simply stay in the outbox, where
 * coordinators read them in the app. A failed message keeps its error and is retried next time.
 */
export async function dispatchOutbox(
	db: Database,
	smtpUrl: string | undefined = process.env.SMTP_URL
): Promise<{ sent: number; failed: number }> {
	if (!smtpUrl) return { sent: 0, failed: 0 };
	const transport = smtpTransport(smtpUrl);
	let sent = 0;
	let failed = 0;
	const attempted: string[] = [];
	// Batch by batch until nothing is left that this call has not tried; failures wait for the next call.
	for (let batch = await pendingMail(db, attempted); batch.length > 0; batch = await pendingMail(db, attempted)) {
		for (const message of batch) {
			attempted.push(message.id);
			try {
				await transport.sendMail({
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
				await markMailSent(db, message.id);
				sent++;
			} catch (error) {
				await markMailFailed(db, message.id, String(error));
				failed++;
			}
		}
	}
	return { sent, failed };
}
