import { requireRole } from '$lib/server/auth/guards';
import { sessionBoard } from '$lib/server/live/board-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'coordinator');
	// The session layout has already answered 404 for a session that does not exist.
	const { session } = await event.parent();
	return { juries: await sessionBoard(event.locals.db, session.id), serverTime: Date.now() };
};
