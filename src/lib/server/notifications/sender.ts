export const MAIL_FROM = process.env.MAIL_FROM ?? 'Soutenance <no-reply@soutenance.test>';

const SENDER_DOMAIN = /@([^\s>@]+)>?\s*$/.exec(MAIL_FROM)?.[1] ?? 'soutenance.invalid';

/**
 * A Message-ID in the sender's domain, fixed when the message is queued: every attempt carries
 * the same one, so a message sent again after a crash (accepted by SMTP, not yet marked sent) is
 * recognisable as the same message by the receiving side.
 */
export function newMessageId(): string {
	return `<${crypto.randomUUID()}@${SENDER_DOMAIN}>`;
}
