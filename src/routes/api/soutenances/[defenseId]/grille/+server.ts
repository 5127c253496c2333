import { json, type RequestEvent } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { SESSION_COOKIE } from '$lib/server/auth/cookies';
import { requireRole } from '$lib/server/auth/guards';
import { UserFacingError } from '$lib/server/errors';
import { jurorGridState, saveChangesWithSession } from '$lib/server/scoring/scoring-service';
import type { RequestHandler } from './$types';

// The tablet's autosave: JSON in, JSON out. An expired session answers 401 (not a redirect to the
// login page) so the outbox keeps its changes and says so.
function juror(event: RequestEvent) {
	if (!event.locals.user) return null;
	return requireRole(event, 'juror');
}

async function answer(work: () => Promise<unknown>) {
	try {
		return json(await work(), { headers: { 'cache-control': 'no-store' } });
	} catch (error) {
		if (error instanceof UserFacingError) return json({ message: error.message }, { status: error.status });
		throw error;
	}
}

export const GET: RequestHandler = async (event) => {
	const user = juror(event);
	if (!user) return json({ message: fr.scoring.notLoggedIn }, { status: 401 });
	return answer(() => jurorGridState(event.locals.db, user.id, event.params.defenseId));
};

// The hook leaves this one to the service, which checks the session inside the write (AUTOSAVE_ROUTE in hooks.server.ts).
export const POST: RequestHandler = async (event) => {
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) return json({ message: fr.scoring.notLoggedIn }, { status: 401 });
	const body = await event.request.json().catch(() => undefined);
	if (!body || typeof body !== 'object') return json({ message: fr.scoring.invalidRequest }, { status: 400 });
	return answer(() => saveChangesWithSession(event.locals.db, token, event.params.defenseId, body));
};
