import { isUuid } from '$lib/domain/ids';
import type { Transaction } from 'kysely';
import { fr } from '$lib/i18n/fr';
import type { Database } from '../db/connect';
import type { DB } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { appendAudit } from '../audit/audit-repository';
import {
	consumeUserToken,
	countLoginFailures,
	deleteUserSessions,
	findUsableToken,
	hasTokenSince,
	insertPasswordResetRequest,
	insertUserToken,
	recordLoginFailure,
	revokeOutstandingTokens,
	takePasswordResetRequest,
	type Role
} from './auth-repository';
import { hashPassword, isStrongEnough, isTooLong } from './password';
import { generateToken, tokenId } from './tokens';
import { FAILURE_WINDOW_MS, MAX_FAILURES, normalizeEmail, retryAt } from './login-service';
import { formatInTimeZone } from '$lib/domain/time/format';
import { UserFacingError } from '../errors';
import { enqueueMail } from '../notifications/outbox-repository';
import { findUserByEmail, findUserById, insertUser, searchUsers, setPasswordHash, setUserActive } from './user-repository';

const INVITATION_MS = 7 * 24 * 60 * 60 * 1000;
const RESET_MS = 60 * 60 * 1000;
export const RESET_MAIL_INTERVAL_MS = 15 * 60 * 1000;
const ROLES: Role[] = ['coordinator', 'juror', 'candidate'];
export type LinkPurpose = 'invitation' | 'password_reset';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface NewUser {
	email: string;
	displayName: string;
	role: string;
}

export function validateNewUser(input: NewUser): { email: string; displayName: string; role: Role } {
	const email = normalizeEmail(input.email);
	if (!EMAIL.test(email)) throw new UserFacingError('auth.email-invalid', 400, fr.users.emailInvalid, 'email');
	const displayName = input.displayName.trim().replace(/\s+/g, ' ');
	if (!displayName) throw new UserFacingError('auth.name-required', 400, fr.users.nameRequired, 'displayName');
	if (!ROLES.includes(input.role as Role)) throw new UserFacingError('auth.role-invalid', 400, fr.users.roleInvalid, 'role');
	return { email, displayName, role: input.role as Role };
}

/** A new single-use link of `purpose` for the account, valid `lifetimeMs`: its token, for the mail (the base keeps its hash). */
async function issueLinkToken(trx: Transaction<DB>, userId: string, purpose: LinkPurpose, lifetimeMs: number): Promise<string> {
	const token = generateToken();
	await insertUserToken(trx, { id: tokenId(token), userId, purpose, expiresAt: new Date(Date.now() + lifetimeMs) });
	return token;
}

/**
 * Creates the account and queues its invitation inside the caller's transaction (imports create
 * many at once); an invitation queued by a job (an import) names it, for the job's page.
 */
export async function createUserWithInvitation(
	trx: Transaction<DB>,
	actorId: string | null,
	input: NewUser,
	origin: string,
	jobId: string | null = null
) {
	const valid = validateNewUser(input);
	if (await findUserByEmail(trx, valid.email)) throw new UserFacingError('auth.email-taken', 409, fr.users.emailTaken, 'email');
	const user = await insertUser(trx, valid);
	const token = await issueLinkToken(trx, user.id, 'invitation', INVITATION_MS);
	await enqueueMail(
		trx,
		{
			to: user.email,
			subject: fr.mail.invitationSubject,
			text: fr.mail.invitationBody(user.display_name, fr.roles[user.role].toLowerCase(), `${origin}/invitation/${token}`)
		},
		jobId
	);
	await appendAudit(trx, { actorId, action: 'user.create', entity: 'user', entityId: user.id, after: valid });
	return { user, invitationToken: token };
}

export function createUser(db: Database, actorId: string, input: NewUser, origin: string) {
	return inTransaction(db, (trx) => createUserWithInvitation(trx, actorId, input, origin));
}

export async function setUserActivation(db: Database, actorId: string, userId: string, active: boolean) {
	if (actorId === userId && !active) throw new UserFacingError('auth.cannot-deactivate-self', 400, fr.users.cannotDeactivateSelf);
	await inTransaction(db, async (trx) => {
		const user = isUuid(userId) ? await findUserById(trx, userId) : undefined;
		if (!user) throw new UserFacingError('auth.not-found', 404, fr.users.notFound);
		if (user.active === active) return;
		await setUserActive(trx, userId, active);
		if (!active) await deleteUserSessions(trx, userId);
		await appendAudit(trx, {
			actorId,
			action: active ? 'user.reactivate' : 'user.deactivate',
			entity: 'user',
			entityId: userId,
			before: { active: user.active },
			after: { active }
		});
	});
}

function checkNewPassword(password: string, confirmation: string) {
	if (isTooLong(password)) throw new UserFacingError('auth.password-too-long', 400, fr.auth.passwordTooLong, 'password');
	if (!isStrongEnough(password)) throw new UserFacingError('auth.weak-password', 400, fr.auth.weakPassword, 'password');
	if (password !== confirmation) throw new UserFacingError('auth.password-mismatch', 400, fr.auth.passwordMismatch, 'confirmation');
}

/** Failures of the link pages are kept with the login failures, under a key no e-mail address can be. */
const LINK_FAILURES = '#lien';

/**
 * The account a live link opens, or undefined. A dead link counts against the address that tried it,
 * and an address past MAX_FAILURES dead links in the window waits, so nobody can hammer the link pages.
 */
export async function usableLink(db: Database, purpose: LinkPurpose, token: string, ip: string, now = new Date()) {
	const failures = (await countLoginFailures(db, LINK_FAILURES, ip, new Date(now.getTime() - FAILURE_WINDOW_MS))).pair;
	if (failures.count >= MAX_FAILURES)
		throw new UserFacingError(
			'auth.throttled',
			429,
			fr.auth.linksThrottled(formatInTimeZone(retryAt(failures.oldest), 'Europe/Paris', 'HH:mm'))
		);
	const found = await findUsableToken(db, tokenId(token), purpose, now);
	if (!found) await recordLoginFailure(db, LINK_FAILURES, ip);
	return found;
}

/** Sets the password from a single-use link; the old sessions end, the caller opens a new one. */
export async function setPasswordFromToken(
	db: Database,
	purpose: LinkPurpose,
	token: string,
	password: string,
	confirmation: string,
	ip: string
): Promise<{ userId: string }> {
	const tokenInvalid = () => new UserFacingError('auth.token-invalid', 400, fr.auth.tokenInvalid);
	// The link first: hashing is the costly part, and nobody without a live link gets it done.
	if (!(await usableLink(db, purpose, token, ip))) throw tokenInvalid();
	checkNewPassword(password, confirmation);
	const passwordHash = await hashPassword(password);
	return inTransaction(db, async (trx) => {
		const now = new Date();
		const used = await consumeUserToken(trx, tokenId(token), purpose, now);
		const user = used && (await findUserById(trx, used.userId));
		if (!user || !user.active) throw tokenInvalid();
		await setPasswordHash(trx, user.id, passwordHash, purpose === 'password_reset' ? now : null);
		await revokeOutstandingTokens(trx, user.id, now);
		await deleteUserSessions(trx, user.id);
		await appendAudit(trx, {
			actorId: user.id,
			action: purpose === 'invitation' ? 'user.accept_invitation' : 'user.reset_password',
			entity: 'user',
			entityId: user.id
		});
		return { userId: user.id };
	});
}

/**
 * What the forgotten-password form does, for any address: one row, written the same way whether
 * an account has that address or not, so neither the answer nor its timing tells which addresses
 * have an account. The outbox worker turns it into a mail (processPasswordResetRequests).
 */
export async function recordPasswordResetRequest(db: Database, rawEmail: string, origin: string): Promise<void> {
	await insertPasswordResetRequest(db, { email: normalizeEmail(rawEmail), origin });
}

/** Handles the recorded requests one transaction each (taken, answered, gone), until none is left. */
export async function processPasswordResetRequests(db: Database): Promise<number> {
	let handled = 0;
	while (
		await inTransaction(db, async (trx) => {
			const request = await takePasswordResetRequest(trx);
			if (request) await sendPasswordReset(trx, request.email, request.origin);
			return request !== undefined;
		})
	)
		handled++;
	return handled;
}

async function sendPasswordReset(trx: Transaction<DB>, email: string, origin: string) {
	const user = await findUserByEmail(trx, email);
	if (!user || !user.active) return;
	// One mail per quarter of an hour at most, whoever asks: the last link still works meanwhile.
	if (await hasTokenSince(trx, user.id, 'password_reset', new Date(Date.now() - RESET_MAIL_INTERVAL_MS))) return;
	const token = await issueLinkToken(trx, user.id, 'password_reset', RESET_MS);
	await enqueueMail(trx, {
		to: user.email,
		subject: fr.mail.resetSubject,
		text: fr.mail.resetBody(user.display_name, `${origin}/mot-de-passe/${token}`)
	});
	await appendAudit(trx, { actorId: null, action: 'user.request_password_reset', entity: 'user', entityId: user.id });
}

/**
 * Accounts whose password is known beforehand, for the demo (no invitation is sent): one
 * transaction, the password hashed once for all. Returns the ids in the order given.
 */
export async function createUsersWithPassword(db: Database, actorId: string | null, inputs: NewUser[], password: string) {
	const passwordHash = await hashPassword(password);
	return inTransaction(db, async (trx) => {
		const ids: string[] = [];
		for (const input of inputs) {
			const valid = validateNewUser(input);
			if (await findUserByEmail(trx, valid.email)) throw new UserFacingError('auth.email-taken', 409, fr.users.emailTaken, 'email');
			const user = await insertUser(trx, { ...valid, passwordHash });
			await appendAudit(trx, { actorId, action: 'user.create', entity: 'user', entityId: user.id, after: valid });
			ids.push(user.id);
		}
		return ids;
	});
}

/** Whether the database holds any account, or the one of this e-mail. */
export async function accountExists(db: Database, email?: string): Promise<boolean> {
	if (email !== undefined) return (await findUserByEmail(db, normalizeEmail(email))) !== undefined;
	return (await searchUsers(db, { limit: 1, offset: 0 })).rows.length > 0;
}
