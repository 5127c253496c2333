import type { RequestEvent } from '@sveltejs/kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import { startLocalSmtp, type LocalSmtp } from '../../../../tests/helpers/smtp';
import { actions } from '../../../routes/mot-de-passe-oublie/+page.server';
import type { DatabaseHandle } from '../db';
import { closeSmtpConnections, dispatchOutbox } from '../notifications/mailer';
import { processPasswordResetRequests } from './account-service';
import { insertUser } from './user-repository';

const ORIGIN = 'http://localhost:3000';
let handle: DatabaseHandle;
let smtp: LocalSmtp;

beforeAll(async () => {
	handle = await freshDatabase();
	smtp = await startLocalSmtp();
	await insertUser(handle.db, { email: 'jure@test.fr', displayName: 'Juré', role: 'juror', passwordHash: null });
});
afterAll(async () => {
	delete process.env.SMTP_URL;
	closeSmtpConnections();
	await smtp?.close();
	await handle?.close();
});

/** The form posted as a browser posts it, after the hooks (anonymous visitor). */
async function askForReset(email: string) {
	const url = new URL('/mot-de-passe-oublie', ORIGIN);
	const request = new Request(url, {
		method: 'POST',
		headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email })
	});
	const event = {
		locals: { db: handle.db, databaseKind: handle.kind, user: null, sessionId: null },
		url,
		params: {},
		route: { id: '/mot-de-passe-oublie' },
		request,
		cookies: { get: () => undefined },
		getClientAddress: () => '127.0.0.9'
	} as unknown as RequestEvent;
	return JSON.stringify(await actions.default(event as never));
}

/** Rows per table: what a request wrote, whatever table it wrote to. */
async function rowCounts(): Promise<Record<string, number>> {
	const tables = await sql<{ name: string }>`
		select table_name as name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%'`.execute(
		handle.db
	);
	const counts: Record<string, number> = {};
	for (const { name } of tables.rows)
		counts[name] = Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(name)}`.execute(handle.db)).rows[0].n);
	return counts;
}

const written = (before: Record<string, number>, after: Record<string, number>) =>
	Object.fromEntries(
		Object.keys(after).flatMap((table) => (after[table] !== before[table] ? [[table, after[table] - before[table]]] : []))
	);

it('answers an existing and an unknown address with the same bytes and the same writes, and sends nothing during the request', async () => {
	process.env.SMTP_URL = smtp.url;
	const before = await rowCounts();
	const known = await askForReset('jure@test.fr');
	const afterKnown = await rowCounts();
	const unknown = await askForReset('personne@test.fr');
	const afterUnknown = await rowCounts();

	expect(known).toBe(unknown);
	expect(JSON.parse(known)).toMatchObject({ sent: true });
	expect(written(before, afterKnown)).toEqual({ password_reset_requests: 1 });
	expect(written(afterKnown, afterUnknown)).toEqual({ password_reset_requests: 1 });
	// SMTP is the outbox worker's business, never the request's.
	expect(smtp.messages).toEqual([]);

	// The worker's pass, later: a link for the account, nothing for the unknown address.
	expect(await processPasswordResetRequests(handle.db)).toBe(2);
	expect(await dispatchOutbox(handle.db, smtp.url)).toMatchObject({ sent: 1 });
	expect(smtp.messages.map((message) => message.to)).toEqual([['jure@test.fr']]);
	expect(smtp.messages[0].text).toMatch(/http:\/\/localhost:3000\/mot-de-passe\/\w+/);
	expect(written(afterUnknown, await rowCounts())).toMatchObject({ password_reset_requests: -2, user_tokens: 1, outbox: 1 });
});
