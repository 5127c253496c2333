import type { Database } from '../db/connect';
import {
	deleteSession,
	findSessionWithUser,
	insertSession,
	updateSessionExpiry,
	type Role,
	type SessionCheck,
	type SessionUser
} from './auth-repository';
import { generateToken, tokenId } from './tokens';

const DAY = 24 * 60 * 60 * 1000;
/** A session idle for this long expires; each use pushes the expiry back (sliding). */
export const SESSION_IDLE_MS = 14 * DAY;
/** However active, a session ends this long after login. */
export const SESSION_ABSOLUTE_MS = 60 * DAY;

export interface ValidatedSession {
	/** expiresAt moved: the cookie must be sent again with the new expiry. */
	session: { id: string; expiresAt: Date; extended: boolean };
	user: SessionUser;
}

export async function createSession(db: Database, userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
	const token = generateToken();
	const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
	await insertSession(db, { id: tokenId(token), userId, expiresAt });
	return { token, expiresAt };
}

/** Whether the session still lets its user in (not ended, not expired, account active), without extending it. */
export async function sessionStillLive(db: Database, sessionId: string, now = new Date()): Promise<boolean> {
	const row = await findSessionWithUser(db, sessionId);
	if (!row || !row.active) return false;
	return now.getTime() < row.expiresAt.getTime() && now.getTime() < row.createdAt.getTime() + SESSION_ABSOLUTE_MS;
}

export async function validateSessionToken(db: Database, token: string, now = new Date()): Promise<ValidatedSession | null> {
	const id = tokenId(token);
	const row = await findSessionWithUser(db, id);
	if (!row) return null;
	const absoluteEnd = row.createdAt.getTime() + SESSION_ABSOLUTE_MS;
	if (!row.active || now.getTime() >= row.expiresAt.getTime() || now.getTime() >= absoluteEnd) {
		await deleteSession(db, id);
		return null;
	}
	let expiresAt = row.expiresAt;
	let extended = false;
	// Extend only past half-life, so a busy page does not write on every request.
	if (row.expiresAt.getTime() - now.getTime() < SESSION_IDLE_MS / 2) {
		expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, absoluteEnd));
		await updateSessionExpiry(db, id, expiresAt);
		extended = true;
	}
	return {
		session: { id, expiresAt, extended },
		user: { id: row.userId, email: row.email, displayName: row.displayName, role: row.role as SessionUser['role'] }
	};
}

/**
 * The token's session as a statement checks it by itself (liveSessionUserId), so a hot endpoint
 * authenticates in the same round trip as its work. Same rules as validateSessionToken, except that
 * it never extends the session: the pages the user loads do that.
 */
export function sessionCheck(token: string, role: Role, now = new Date()): SessionCheck {
	return { id: tokenId(token), role, now, createdAfter: new Date(now.getTime() - SESSION_ABSOLUTE_MS) };
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
	await deleteSession(db, sessionId);
}
