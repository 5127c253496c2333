import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import type { DatabaseHandle } from '../db';
import { verifyAuditChain } from '../audit/audit-repository';
import {
	createUser,
	processPasswordResetRequests,
	recordPasswordResetRequest,
	setPasswordFromToken,
	setUserActivation,
	usableLink
} from './account-service';
import { insertUser } from './user-repository';
import { hashPassword } from './password';
import { login, MAX_FAILURES, pairDelayMs } from './login-service';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, createSession, validateSessionToken } from './session-service';
import { tokenId } from './tokens';
import { refusal } from '../../../../tests/helpers/refusal';

let handle: DatabaseHandle;
let coordinatorId: string;
const ORIGIN = 'http://localhost:3000';

/** The form's request, then what the outbox worker does with it. */
async function requestPasswordReset(email: string, origin: string) {
	await recordPasswordResetRequest(handle.db, email, origin);
	await processPasswordResetRequests(handle.db);
}
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
	handle = await freshDatabase();
	const coordinator = await insertUser(handle.db, {
		email: 'coord@test.fr',
		displayName: 'Coord',
		role: 'coordinator',
		passwordHash: await hashPassword(PASSWORD)
	});
	coordinatorId = coordinator.id;
});
afterAll(() => handle.close());

describe('login', () => {
	it('opens a session whose cookie token is stored only as its SHA-256', async () => {
		const result = await login(handle.db, { email: ' COORD@test.fr ', password: PASSWORD, ip: '10.0.0.1' });
		expect(result.user.role).toBe('coordinator');
		const stored = await handle.db.selectFrom('auth_sessions').select('id').execute();
		expect(stored.map((row) => row.id)).toContain(tokenId(result.token));
		expect(stored.map((row) => row.id)).not.toContain(result.token);
		expect((await validateSessionToken(handle.db, result.token))?.user.email).toBe('coord@test.fr');
	});

	it('answers unknown e-mail and wrong password with the same message', async () => {
		const unknown = await refusal(login(handle.db, { email: 'nobody@test.fr', password: PASSWORD, ip: '10.0.0.2' }));
		const wrong = await refusal(login(handle.db, { email: 'coord@test.fr', password: 'not the password', ip: '10.0.0.2' }));
		expect(unknown.message).toBe(wrong.message);
	});

	it('blocks an address after 10 failures in 15 minutes, even with the right password, and says when to retry', async () => {
		const ip = '10.9.9.9';
		for (let i = 0; i < MAX_FAILURES; i++) await refusal(login(handle.db, { email: `x${i}@test.fr`, password: 'wrong password!', ip }));
		const blocked = await refusal(login(handle.db, { email: 'coord@test.fr', password: PASSWORD, ip }));
		expect(blocked.status).toBe(429);
		expect(blocked.message).toMatch(/Réessayez à partir de \d\d:\d\d/);
		const later = new Date(Date.now() + 16 * 60 * 1000);
		await expect(login(handle.db, { email: 'coord@test.fr', password: PASSWORD, ip }, later)).resolves.toBeTruthy();
	});
});

describe('sessions', () => {
	it('slides the expiry past half-life but never beyond the absolute limit', async () => {
		const start = new Date('2026-12-01T08:00:00Z');
		const { token } = await createSession(handle.db, coordinatorId, start);
		const nearExpiry = new Date(start.getTime() + SESSION_IDLE_MS - 60_000);
		const extended = await validateSessionToken(handle.db, token, nearExpiry);
		expect(extended!.session.expiresAt.getTime()).toBe(nearExpiry.getTime() + SESSION_IDLE_MS);
		// created_at is the database's now(), so the absolute limit counts from the real creation time.
		expect(await validateSessionToken(handle.db, token, new Date(Date.now() + SESSION_ABSOLUTE_MS + 1000))).toBeNull();
	});

	it('rejects a tampered token', async () => {
		const { token } = await createSession(handle.db, coordinatorId);
		expect(await validateSessionToken(handle.db, token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a'))).toBeNull();
	});
});

describe('invitations and password reset', () => {
	it('invites by e-mail; the link sets a password once, then logs in', async () => {
		const { user, invitationToken } = await createUser(
			handle.db,
			coordinatorId,
			{ email: 'Jure@Test.fr', displayName: 'Juré Un', role: 'juror' },
			ORIGIN
		);
		expect(user.email).toBe('jure@test.fr');
		const mail = await handle.db.selectFrom('outbox').selectAll().where('recipient', '=', 'jure@test.fr').executeTakeFirstOrThrow();
		expect(mail.text_body).toContain(`${ORIGIN}/invitation/${invitationToken}`);

		expect((await refusal(setPasswordFromToken(handle.db, 'invitation', invitationToken, 'short', 'short', '10.0.8.1'))).field).toBe(
			'password'
		);
		await setPasswordFromToken(handle.db, 'invitation', invitationToken, PASSWORD, PASSWORD, '10.0.8.1');
		await refusal(setPasswordFromToken(handle.db, 'invitation', invitationToken, PASSWORD, PASSWORD, '10.0.8.1'));
		await expect(login(handle.db, { email: 'jure@test.fr', password: PASSWORD, ip: '10.0.0.3' })).resolves.toBeTruthy();
	});

	it('refuses an expired invitation', async () => {
		const { user, invitationToken } = await createUser(
			handle.db,
			coordinatorId,
			{ email: 'late@test.fr', displayName: 'En retard', role: 'candidate' },
			ORIGIN
		);
		await handle.db
			.updateTable('user_tokens')
			.set({ expires_at: new Date(Date.now() - 1000) })
			.where('user_id', '=', user.id)
			.execute();
		await refusal(setPasswordFromToken(handle.db, 'invitation', invitationToken, PASSWORD, PASSWORD, '10.0.8.1'));
		expect(
			(await handle.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow()).password_hash
		).toBeNull();
	});

	it('refuses a duplicate e-mail and writes nothing', async () => {
		const before = await handle.db
			.selectFrom('users')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		const error = await refusal(
			createUser(handle.db, coordinatorId, { email: 'coord@test.fr', displayName: 'Doublon', role: 'juror' }, ORIGIN)
		);
		expect(error.message).toBe('Un compte existe déjà avec cette adresse e-mail.');
		const after = await handle.db
			.selectFrom('users')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		expect(after.n).toBe(before.n);
	});

	it('sends a reset link only to active accounts, and the link replaces the password', async () => {
		await requestPasswordReset('nobody@test.fr', ORIGIN);
		expect(await handle.db.selectFrom('outbox').select('id').where('recipient', '=', 'nobody@test.fr').execute()).toHaveLength(0);
		await requestPasswordReset('coord@test.fr', ORIGIN);
		const mail = await handle.db
			.selectFrom('outbox')
			.select('text_body')
			.where('recipient', '=', 'coord@test.fr')
			.executeTakeFirstOrThrow();
		const token = mail.text_body.match(/mot-de-passe\/(\w+)/)![1];
		const coordinatorResetAt = () =>
			handle.db.selectFrom('users').select('password_reset_at').where('email', '=', 'coord@test.fr').executeTakeFirstOrThrow();
		expect((await coordinatorResetAt()).password_reset_at).toBeNull();
		await setPasswordFromToken(handle.db, 'password_reset', token, 'a brand new passphrase', 'a brand new passphrase', '10.0.8.1');
		// Signing asks more for a while after a password set through a reset link.
		expect((await coordinatorResetAt()).password_reset_at).toBeInstanceOf(Date);
		await refusal(login(handle.db, { email: 'coord@test.fr', password: PASSWORD, ip: '10.0.0.4' }));
		await expect(login(handle.db, { email: 'coord@test.fr', password: 'a brand new passphrase', ip: '10.0.0.4' })).resolves.toBeTruthy();
	});

	it('deactivating an account ends its sessions and blocks its login', async () => {
		const { user } = await createUser(handle.db, coordinatorId, { email: 'gone@test.fr', displayName: 'Parti', role: 'juror' }, ORIGIN);
		await handle.db
			.updateTable('users')
			.set({ password_hash: await hashPassword(PASSWORD) })
			.where('id', '=', user.id)
			.execute();
		const { token } = await login(handle.db, { email: 'gone@test.fr', password: PASSWORD, ip: '10.0.0.5' });
		await setUserActivation(handle.db, coordinatorId, user.id, false);
		expect(await validateSessionToken(handle.db, token)).toBeNull();
		await refusal(login(handle.db, { email: 'gone@test.fr', password: PASSWORD, ip: '10.0.0.5' }));
	});
});

describe('audit log', () => {
	it('chains every state change and detects a rewritten row', async () => {
		const verified = await verifyAuditChain(handle.db);
		expect(verified).toMatchObject({ ok: true });
		expect(verified.rows).toBeGreaterThan(3);
		await expect(handle.db.updateTable('audit_log').set({ action: 'forged' }).where('id', '=', '1').execute()).rejects.toThrow(
			/append-only/
		);
		// Bypass the trigger as a superuser would, to prove verification notices.
		await handle.db.transaction().execute(async (trx) => {
			await sql`alter table audit_log disable trigger audit_log_no_update`.execute(trx);
			await trx.updateTable('audit_log').set({ action: 'forged' }).where('id', '=', '2').execute();
			await sql`alter table audit_log enable trigger audit_log_no_update`.execute(trx);
		});
		expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: false, brokenAtId: '2', reason: 'contenu modifié' });
	});
});

describe('password links under attack', () => {
	async function resetTokensOf(email: string) {
		const mails = await handle.db.selectFrom('outbox').select('text_body').where('recipient', '=', email).orderBy('id').execute();
		return mails.flatMap((mail) => [...mail.text_body.matchAll(/mot-de-passe\/(\w+)/g)].map((match) => match[1]));
	}

	async function backdateResetLinks(email: string) {
		const user = await handle.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
		await handle.db
			.updateTable('user_tokens')
			.set({ created_at: new Date(Date.now() - 16 * 60_000) })
			.where('user_id', '=', user.id)
			.where('purpose', '=', 'password_reset')
			.execute();
	}

	it('sends at most one reset mail per account per quarter of an hour, however often it is asked', async () => {
		await createUser(handle.db, coordinatorId, { email: 'flood@test.fr', displayName: 'Flood', role: 'juror' }, ORIGIN);
		for (let request = 0; request < 5; request++) await requestPasswordReset('flood@test.fr', ORIGIN);
		expect(await resetTokensOf('flood@test.fr')).toHaveLength(1);
		await backdateResetLinks('flood@test.fr');
		await requestPasswordReset('FLOOD@test.fr', ORIGIN);
		expect(await resetTokensOf('flood@test.fr')).toHaveLength(2);
	});

	it('checks the link before the password: a dead link with any password is refused as a dead link', async () => {
		const refused = await refusal(setPasswordFromToken(handle.db, 'password_reset', 'nolinkatall', 'x'.repeat(300), 'y', '10.0.8.1'));
		expect(refused.code).toBe('auth.token-invalid');
	});

	it('refuses a password over 256 characters before hashing it, and the link stays usable', async () => {
		const { invitationToken } = await createUser(
			handle.db,
			coordinatorId,
			{ email: 'long@test.fr', displayName: 'Long', role: 'juror' },
			ORIGIN
		);
		const tooLong = 'a'.repeat(257);
		const refused = await refusal(setPasswordFromToken(handle.db, 'invitation', invitationToken, tooLong, tooLong, '10.0.8.1'));
		expect([refused.code, refused.field, refused.message]).toEqual([
			'auth.password-too-long',
			'password',
			'Le mot de passe ne doit pas dépasser 256 caractères.'
		]);
		const megabyte = 'b'.repeat(1_000_000);
		await refusal(login(handle.db, { email: 'long@test.fr', password: megabyte, ip: '10.0.5.1' }));
		await setPasswordFromToken(handle.db, 'invitation', invitationToken, 'a'.repeat(256), 'a'.repeat(256), '10.0.8.1');
		await expect(login(handle.db, { email: 'long@test.fr', password: 'a'.repeat(256), ip: '10.0.5.1' })).resolves.toBeTruthy();
	});

	it('using one link spends every other outstanding link of the account: older resets and the invitation', async () => {
		const { invitationToken } = await createUser(
			handle.db,
			coordinatorId,
			{ email: 'links@test.fr', displayName: 'Liens', role: 'juror' },
			ORIGIN
		);
		await requestPasswordReset('links@test.fr', ORIGIN);
		await backdateResetLinks('links@test.fr');
		await requestPasswordReset('links@test.fr', ORIGIN);
		const [older, newer] = await resetTokensOf('links@test.fr');
		await setPasswordFromToken(handle.db, 'password_reset', newer, 'the newest passphrase', 'the newest passphrase', '10.0.8.1');
		for (const [purpose, token] of [
			['password_reset', older],
			['invitation', invitationToken]
		] as const) {
			const refused = await refusal(
				setPasswordFromToken(handle.db, purpose, token, 'an attacker passphrase', 'an attacker passphrase', '10.0.8.1')
			);
			expect(refused.code, purpose).toBe('auth.token-invalid');
		}
		await expect(login(handle.db, { email: 'links@test.fr', password: 'the newest passphrase', ip: '10.0.5.2' })).resolves.toBeTruthy();
	});
	it('makes an address that tried ten dead links wait, even with a live one, while other addresses go on', async () => {
		const { invitationToken } = await createUser(
			handle.db,
			coordinatorId,
			{ email: 'hammer@test.fr', displayName: 'Hammer', role: 'juror' },
			ORIGIN
		);
		for (let attempt = 0; attempt < MAX_FAILURES; attempt++) {
			expect(await usableLink(handle.db, 'invitation', `dead-${attempt}`, '10.0.8.66')).toBeUndefined();
		}
		const throttled = await refusal(usableLink(handle.db, 'invitation', invitationToken, '10.0.8.66'));
		expect([throttled.code, throttled.status]).toEqual(['auth.throttled', 429]);
		expect(throttled.message).toMatch(
			/^Trop de liens non valables ont été essayés depuis cette adresse\. Réessayez à partir de \d\d:\d\d\.$/
		);
		const refused = await refusal(setPasswordFromToken(handle.db, 'invitation', invitationToken, PASSWORD, PASSWORD, '10.0.8.66'));
		expect(refused.code).toBe('auth.throttled');
		await refusal(login(handle.db, { email: 'hammer@test.fr', password: PASSWORD, ip: '10.0.8.67' }));
		await setPasswordFromToken(handle.db, 'invitation', invitationToken, PASSWORD, PASSWORD, '10.0.8.67');
		await expect(login(handle.db, { email: 'hammer@test.fr', password: PASSWORD, ip: '10.0.8.67' })).resolves.toBeTruthy();
	});
});

describe('throttling without lockout', () => {
	beforeAll(async () => {
		await insertUser(handle.db, {
			email: 'owner@test.fr',
			displayName: 'Owner',
			role: 'juror',
			passwordHash: await hashPassword(PASSWORD)
		});
	});

	it('lets the owner of an account guessed from elsewhere in from an address that has not failed', async () => {
		for (let i = 0; i < MAX_FAILURES; i++)
			await refusal(login(handle.db, { email: 'owner@test.fr', password: 'a guess of someone', ip: `10.2.0.${i}` }));
		const fromGuesser = await refusal(login(handle.db, { email: 'owner@test.fr', password: PASSWORD, ip: '10.2.0.1' }));
		expect(fromGuesser.status).toBe(429);
		await expect(login(handle.db, { email: 'owner@test.fr', password: PASSWORD, ip: '10.2.9.9' })).resolves.toBeTruthy();
	});

	it('makes the same account from the same address wait longer after each failure past the third', async () => {
		const ip = '10.3.0.1';
		for (let i = 0; i < 3; i++) await refusal(login(handle.db, { email: 'owner@test.fr', password: 'a guess of someone', ip }));
		const waiting = await refusal(login(handle.db, { email: 'owner@test.fr', password: PASSWORD, ip }));
		expect([waiting.status, waiting.message]).toEqual([429, 'Trop de tentatives de connexion pour ce compte. Réessayez dans 1 seconde.']);
		await expect(login(handle.db, { email: 'owner@test.fr', password: PASSWORD, ip }, new Date(Date.now() + 1500))).resolves.toBeTruthy();
		expect([0, 1, 2, 3, 4, 5, 12, 20].map(pairDelayMs)).toEqual([0, 0, 0, 1000, 2000, 4000, 512_000, 900_000]);
	});

	it('forgets failures older than a day when the next one is recorded', async () => {
		await handle.db
			.insertInto('login_failures')
			.values({ email: 'old@test.fr', ip: '10.4.0.1', failed_at: new Date(Date.now() - 2 * 86_400_000) })
			.execute();
		await refusal(login(handle.db, { email: 'nobody-here@test.fr', password: 'whatever it is', ip: '10.4.0.2' }));
		expect(await handle.db.selectFrom('login_failures').select('email').where('email', '=', 'old@test.fr').execute()).toEqual([]);
	});
});
