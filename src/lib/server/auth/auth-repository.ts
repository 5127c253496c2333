import { sql } from 'kysely';
import type { Executor } from '../db/transaction';
import { notifyOutboxWorkers } from '../notifications/outbox-repository';

export type Role = 'coordinator' | 'juror' | 'candidate';

export interface SessionUser {
	id: string;
	email: string;
	displayName: string;
	role: Role;
}

export async function insertSession(db: Executor, session: { id: string; userId: string; expiresAt: Date }) {
	await db.insertInto('auth_sessions').values({ id: session.id, user_id: session.userId, expires_at: session.expiresAt }).execute();
}

export async function findSessionWithUser(db: Executor, id: string) {
	return db
		.selectFrom('auth_sessions')
		.innerJoin('users', 'users.id', 'auth_sessions.user_id')
		.select([
			'auth_sessions.id',
			'auth_sessions.created_at as createdAt',
			'auth_sessions.expires_at as expiresAt',
			'users.id as userId',
			'users.email',
			'users.display_name as displayName',
			'users.role',
			'users.active'
		])
		.where('auth_sessions.id', '=', id)
		.executeTakeFirst();
}

/** A session a statement checks by itself, with the rules of validateSessionToken (session-service). */
export interface SessionCheck {
	id: string;
	role: Role;
	now: Date;
	/** Sessions created earlier are past their absolute lifetime. */
	createdAfter: Date;
}

/**
 * The user id of the session if it is live and its account active with this role, else null:
 * a scalar for a statement's own access check.
 */
export function liveSessionUserId(check: SessionCheck) {
	return sql<string | null>`(select auth_sessions.user_id from auth_sessions join users on users.id = auth_sessions.user_id
		where auth_sessions.id = ${check.id} and auth_sessions.expires_at > ${check.now} and auth_sessions.created_at > ${check.createdAfter}
			and users.active and users.role = ${check.role})`;
}

export async function updateSessionExpiry(db: Executor, id: string, expiresAt: Date) {
	await db.updateTable('auth_sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: string) {
	await db.deleteFrom('auth_sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Executor, userId: string) {
	await db.deleteFrom('auth_sessions').where('user_id', '=', userId).execute();
}

export async function insertUserToken(
	db: Executor,
	token: { id: string; userId: string; purpose: 'invitation' | 'password_reset'; expiresAt: Date }
) {
	await db
		.insertInto('user_tokens')
		.values({ id: token.id, user_id: token.userId, purpose: token.purpose, expires_at: token.expiresAt })
		.execute();
}

/** Marks the token used and returns its user, only if it was unused and unexpired (one statement, so it cannot be used twice). */
export async function consumeUserToken(db: Executor, id: string, purpose: 'invitation' | 'password_reset', now: Date) {
	return db
		.updateTable('user_tokens')
		.set({ used_at: now })
		.where('id', '=', id)
		.where('purpose', '=', purpose)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.returning('user_id as userId')
		.executeTakeFirst();
}

/** Whether a link of this purpose was made for the account since `since`. */
export async function hasTokenSince(db: Executor, userId: string, purpose: 'invitation' | 'password_reset', since: Date) {
	const row = await db
		.selectFrom('user_tokens')
		.select('id')
		.where('user_id', '=', userId)
		.where('purpose', '=', purpose)
		.where('created_at', '>', since)
		.executeTakeFirst();
	return row !== undefined;
}

/** Every link of the account not used yet is spent: a newer one was just used. */
export async function revokeOutstandingTokens(db: Executor, userId: string, now: Date) {
	await db.updateTable('user_tokens').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

export async function findUsableToken(db: Executor, id: string, purpose: 'invitation' | 'password_reset', now: Date) {
	return db
		.selectFrom('user_tokens')
		.innerJoin('users', 'users.id', 'user_tokens.user_id')
		.select(['users.id as userId', 'users.email', 'users.display_name as displayName'])
		.where('user_tokens.id', '=', id)
		.where('user_tokens.purpose', '=', purpose)
		.where('user_tokens.used_at', 'is', null)
		.where('user_tokens.expires_at', '>', now)
		.where('users.active', '=', true)
		.executeTakeFirst();
}

export async function recordLoginFailure(db: Executor, email: string, ip: string) {
	await db.insertInto('login_failures').values({ email, ip }).execute();
}

/** Failures since `since` for this account, for this address and for the two together, each with its oldest and newest. */
export async function countLoginFailures(db: Executor, email: string, ip: string, since: Date) {
	const counter = (filter: { email?: string; ip?: string }) => {
		let query = db
			.selectFrom('login_failures')
			.select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.min('failed_at').as('oldest'), eb.fn.max('failed_at').as('newest')])
			.where('failed_at', '>', since);
		if (filter.email !== undefined) query = query.where('email', '=', filter.email);
		if (filter.ip !== undefined) query = query.where('ip', '=', filter.ip);
		return query.executeTakeFirstOrThrow().then((row) => ({
			count: Number(row.count),
			oldest: row.oldest as Date | null,
			newest: row.newest as Date | null
		}));
	};
	const [byEmail, byIp, byPair] = await Promise.all([counter({ email }), counter({ ip }), counter({ email, ip })]);
	return { email: byEmail, ip: byIp, pair: byPair };
}

/** Failures older than `before` say nothing any more. */
export async function purgeLoginFailures(db: Executor, before: Date) {
	await db.deleteFrom('login_failures').where('failed_at', '<', before).execute();
}

export async function clearLoginFailures(db: Executor, email: string) {
	await db.deleteFrom('login_failures').where('email', '=', email).execute();
}

/** One statement whatever the address: the row, and the outbox workers woken to handle it. */
export async function insertPasswordResetRequest(db: Executor, request: { email: string; origin: string }) {
	await db
		.with('recorded', (trx) => trx.insertInto('password_reset_requests').values(request).returning('id'))
		.selectFrom('recorded')
		.select(['id', notifyOutboxWorkers.as('notified')])
		.execute();
}

/** Takes the oldest request no other instance is handling, in the caller's transaction. */
export async function takePasswordResetRequest(db: Executor) {
	return db
		.deleteFrom('password_reset_requests')
		.where('id', '=', (eb) =>
			eb.selectFrom('password_reset_requests').select('id').orderBy('requested_at').limit(1).forUpdate().skipLocked()
		)
		.returning(['email', 'origin'])
		.executeTakeFirst();
}
