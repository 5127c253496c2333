import { redirect } from '@sveltejs/kit';
import { guardEndpoint } from '$lib/server/access';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { invalidateSession } from '$lib/server/auth/session-service';
import { closeStreamsOfSession } from '$lib/server/live/streams';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = guardEndpoint({ roles: 'public' }, async ({ locals, cookies, url }) => {
	if (locals.sessionId) {
		await invalidateSession(locals.db, locals.sessionId);
		closeStreamsOfSession(locals.sessionId);
	}
	deleteSessionCookie(cookies, url);
	redirect(303, '/connexion');
});
