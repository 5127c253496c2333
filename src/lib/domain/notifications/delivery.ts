// When a message that did not go out is tried again, and when the outbox stops trying.

/** The first retry waits this long, each next one twice as long, up to RETRY_CAP_MS. */
export const FIRST_RETRY_MS = 30_000;
export const RETRY_CAP_MS = 60 * 60 * 1000;
/** Attempts before a message is given up (about three hours of retries with the delays above). */
export const MAX_ATTEMPTS = 10;

/** The wait before attempt `attempts + 1`, after `attempts` failed ones (1 or more). */
export function retryDelayMs(attempts: number): number {
	return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), RETRY_CAP_MS);
}

/**
 * Whether a failed attempt ends the message's delivery: a 5xx SMTP answer is the server's final
 * refusal (unknown mailbox, rejected content), which no retry changes; anything else (4xx,
 * connection refused, timeout) is tried again until MAX_ATTEMPTS.
 */
export function givesUp(attempts: number, responseCode: number | undefined): boolean {
	return (responseCode !== undefined && responseCode >= 500 && responseCode < 600) || attempts >= MAX_ATTEMPTS;
}

export type DeliveryState =
	| { state: 'sent'; at: Date; response: string | null }
	| { state: 'failed'; at: Date; attempts: number; response: string | null }
	| { state: 'sending'; attempt: number }
	| { state: 'retrying'; attempts: number; response: string | null; nextAt: Date }
	| { state: 'queued' };

export interface DeliveryRecord {
	sent_at: Date | null;
	failed_at: Date | null;
	claimed_until: Date | null;
	attempts: number;
	last_response: string | null;
	next_attempt_at: Date;
}

/** Where a message stands, as the outbox page shows it; `now` is the database's clock, which set the leases. */
export function deliveryState(row: DeliveryRecord, now: Date): DeliveryState {
	if (row.sent_at) return { state: 'sent', at: row.sent_at, response: row.last_response };
	if (row.failed_at) return { state: 'failed', at: row.failed_at, attempts: row.attempts, response: row.last_response };
	if (row.claimed_until && row.claimed_until > now) return { state: 'sending', attempt: row.attempts };
	if (row.attempts > 0) return { state: 'retrying', attempts: row.attempts, response: row.last_response, nextAt: row.next_attempt_at };
	return { state: 'queued' };
}
