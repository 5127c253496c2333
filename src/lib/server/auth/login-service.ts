import { fr } from '$lib/i18n/fr';
import { formatInTimeZone } from '$lib/domain/time/format';
import type { Database } from '../db/connect';
import { UserFacingError } from '../errors';
import { findUserByEmail } from './user-repository';
import { clearLoginFailures, countLoginFailures, purgeLoginFailures, recordLoginFailure, type SessionUser } from './auth-repository';
import { verifyPassword } from './password';
import { createSession } from './session-service';

export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Failures of one account from one address before each next try waits, then twice as long each time. */
const FREE_FAILURES = 3;
const KEPT_FAILURES_MS = 24 * 60 * 60 * 1000;

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** When the oldest failure leaves the window, one more attempt is allowed. */
export function retryAt(oldest: Date | null): Date {
	return new Date((oldest?.getTime() ?? Date.now()) + FAILURE_WINDOW_MS);
}

/** After the free failures of an account from an address, each try waits 1 s, 2 s, 4 s… after the last one. */
export function pairDelayMs(failures: number): number {
	return failures < FREE_FAILURES ? 0 : Math.min(FAILURE_WINDOW_MS, 1000 * 2 ** (failures - FREE_FAILURES));
}

/**
 * When this try may be made, or null for now. An address with too many failures (any accounts) waits
 * for its window; an account with too many is locked, except from an address that has not failed
 * in the window, so that guessing from elsewhere cannot lock its owner out; the same account from
 * the same address waits longer after each failure.
 */
function throttledUntil(failures: Awaited<ReturnType<typeof countLoginFailures>>, now: Date): Date | null {
	const waits: Date[] = [];
	if (failures.ip.count >= MAX_FAILURES) waits.push(retryAt(failures.ip.oldest));
	if (failures.email.count >= MAX_FAILURES && failures.ip.count > 0) waits.push(retryAt(failures.email.oldest));
	const delay = pairDelayMs(failures.pair.count);
	if (delay > 0 && failures.pair.newest) waits.push(new Date(failures.pair.newest.getTime() + delay));
	const until = Math.max(0, ...waits.map((date) => date.getTime()));
	return until > now.getTime() ? new Date(until) : null;
}

export async function login(
	db: Database,
	input: { email: string; password: string; ip: string },
	now = new Date()
): Promise<{ user: SessionUser; token: string; expiresAt: Date }> {
	const email = normalizeEmail(input.email);
	const failures = await countLoginFailures(db, email, input.ip, new Date(now.getTime() - FAILURE_WINDOW_MS));
	const until = throttledUntil(failures, now);
	if (until) {
		const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
		const message = seconds < 60 ? fr.auth.throttledSeconds(seconds) : fr.auth.throttled(formatInTimeZone(until, 'Europe/Paris', 'HH:mm'));
		throw new UserFacingError('auth.throttled', 429, message);
	}
	const user = await findUserByEmail(db, email);
	const valid = await verifyPassword(user?.active ? user.password_hash : null, input.password);
	if (!user || !valid) {
		await recordLoginFailure(db, email, input.ip);
		await purgeLoginFailures(db, new Date(now.getTime() - KEPT_FAILURES_MS));
		throw new UserFacingError('auth.invalid-credentials', 400, fr.auth.invalidCredentials);
	}
	await clearLoginFailures(db, email);
	const session = await createSession(db, user.id, now);
	return { user: { id: user.id, email: user.email, displayName: user.display_name, role: user.role as SessionUser['role'] }, ...session };
}

/**
 * A password asked again to confirm an act (signing): a wrong one counts as a failed login of the
 * account from this address, and once either is throttled even the right one is refused, with the
 * same answer, so an unattended tablet cannot be used to guess its juror's password.
 */
export async function passwordConfirmed(
	db: Database,
	input: { email: string; ip: string; passwordHash: string | null; password: string },
	now = new Date()
): Promise<boolean> {
	const failures = await countLoginFailures(db, input.email, input.ip, new Date(now.getTime() - FAILURE_WINDOW_MS));
	const throttled = throttledUntil(failures, now) !== null;
	const valid = await verifyPassword(input.passwordHash, input.password);
	if (!valid) await recordLoginFailure(db, input.email, input.ip);
	return valid && !throttled;
}
