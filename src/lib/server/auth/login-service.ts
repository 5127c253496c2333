import { fr } from '$lib/i18n/fr';
import { formatInTimeZone } from '$lib/domain/time/format';
import type { Database } from '../db/connect';
import { UserFacingError } from '../errors';
import { findUserByEmail } from './user-repository';
import { clearLoginFailures, countLoginFailures, recordLoginFailure, type SessionUser } from './auth-repository';
import { verifyPassword } from './password';
import { createSession } from './session-service';

export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** When the oldest failure leaves the window, one more attempt is allowed. */
function retryAt(oldest: Date | null): Date {
	return new Date((oldest?.getTime() ?? Date.now()) + FAILURE_WINDOW_MS);
}

export async function login(
	db: Database,
	input: { email: string; password: string; ip: string },
	now = new Date()
): Promise<{ user: SessionUser; token: string; expiresAt: Date }> {
	const email = normalizeEmail(input.email);
	const failures = await countLoginFailures(db, email, input.ip, new Date(now.getTime() - FAILURE_WINDOW_MS));
	const blocked = [failures.email, failures.ip].filter((counter) => counter.count >= MAX_FAILURES);
	if (blocked.length > 0) {
		const until = new Date(Math.max(...blocked.map((counter) => retryAt(counter.oldest).getTime())));
		throw new UserFacingError('auth.throttled', 429, fr.auth.throttled(formatInTimeZone(until, 'Europe/Paris', 'HH:mm')));
	}
	const user = await findUserByEmail(db, email);
	const valid = await verifyPassword(user?.active ? user.password_hash : null, input.password);
	if (!user || !valid) {
		await recordLoginFailure(db, email, input.ip);
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
	const throttled = failures.email.count >= MAX_FAILURES || failures.ip.count >= MAX_FAILURES;
	const valid = await verifyPassword(input.passwordHash, input.password);
	if (!valid) await recordLoginFailure(db, input.email, input.ip);
	return valid && !throttled;
}
