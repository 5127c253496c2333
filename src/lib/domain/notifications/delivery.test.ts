import { describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS, MAX_ATTEMPTS, RETRY_CAP_MS, deliveryState, givesUp, retryDelayMs } from './delivery';

describe('retrying a message', () => {
	it('doubles the wait after each failure, up to the cap', () => {
		expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([1, 2, 4, 8].map((factor) => factor * FIRST_RETRY_MS));
		expect(retryDelayMs(30)).toBe(RETRY_CAP_MS);
		expect(retryDelayMs(1000)).toBe(RETRY_CAP_MS);
	});

	it('gives up on a permanent refusal at once, on a passing one after the last attempt', () => {
		expect(givesUp(1, 550)).toBe(true);
		expect(givesUp(1, 421)).toBe(false);
		expect(givesUp(1, undefined)).toBe(false);
		expect(givesUp(MAX_ATTEMPTS - 1, 451)).toBe(false);
		expect(givesUp(MAX_ATTEMPTS, 451)).toBe(true);
		expect(givesUp(MAX_ATTEMPTS, undefined)).toBe(true);
	});
});

describe('the state a message is shown in', () => {
	const now = new Date('2027-03-01T10:00:00Z');
	const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
	const fresh = { sent_at: null, failed_at: null, claimed_until: null, attempts: 0, last_response: null, next_attempt_at: at(-5) };

	it('follows a message from the queue to its last answer', () => {
		expect(deliveryState(fresh, now)).toEqual({ state: 'queued' });
		expect(deliveryState({ ...fresh, attempts: 1, claimed_until: at(30) }, now)).toEqual({ state: 'sending', attempt: 1 });
		// A lease past its end is a sender that stopped: the message waits for the next claim.
		const refused = { ...fresh, attempts: 1, claimed_until: at(-1), last_response: '421 try later', next_attempt_at: at(25) };
		expect(deliveryState(refused, now)).toEqual({ state: 'retrying', attempts: 1, response: '421 try later', nextAt: at(25) });
		expect(deliveryState({ ...fresh, attempts: 2, sent_at: at(-2), last_response: '250 OK' }, now)).toEqual({
			state: 'sent',
			at: at(-2),
			response: '250 OK'
		});
		expect(deliveryState({ ...fresh, attempts: 1, failed_at: at(-3), last_response: '550 no such user' }, now)).toEqual({
			state: 'failed',
			at: at(-3),
			attempts: 1,
			response: '550 no such user'
		});
	});
});
