import type { RequestEvent } from '@sveltejs/kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import { load } from '../../../routes/coordination/messages/+page.server';
import { createUser } from '../auth/account-service';
import { insertUser } from '../auth/user-repository';
import type { DatabaseHandle } from '../db';

let handle: DatabaseHandle;
let coordinator: { id: string; email: string; displayName: string; role: 'coordinator' };
let invitationToken: string;

beforeAll(async () => {
	handle = await freshDatabase();
	const user = await insertUser(handle.db, { email: 'coord@test.fr', displayName: 'Coord', role: 'coordinator', passwordHash: null });
	coordinator = { id: user.id, email: 'coord@test.fr', displayName: 'Coord', role: 'coordinator' };
	({ invitationToken } = await createUser(
		handle.db,
		user.id,
		{ email: 'jure8@test.fr', displayName: 'Juré Huit', role: 'juror' },
		'http://localhost:3000'
	));
});
afterAll(() => handle?.close());
afterEach(() => void delete process.env.SMTP_URL);

async function outboxText() {
	const url = new URL('http://localhost:3000/coordination/messages?destinataire=jure8%40test.fr');
	const event = {
		locals: { db: handle.db, databaseKind: handle.kind, user: coordinator, sessionId: 's' },
		url,
		params: {},
		route: { id: '/coordination/messages' },
		request: new Request(url),
		cookies: { get: () => undefined }
	} as unknown as RequestEvent;
	const data = (await load(event as never)) as { messages: { text: string }[] };
	return data.messages.map((message) => message.text).join('\n');
}

describe('the outbox as the coordination reads it', () => {
	it('never shows the token of an invitation or reset link once mail goes out by SMTP', async () => {
		process.env.SMTP_URL = 'smtp://127.0.0.1:1';
		const text = await outboxText();
		expect(text).toContain('/invitation/••••••');
		expect(text).not.toContain(invitationToken);
	});

	it('shows it without SMTP, where this list is how the message reaches its owner', async () => {
		expect(await outboxText()).toContain(`/invitation/${invitationToken}`);
	});
});
