import { SESSION_MANAGER, guard } from '$lib/server/access';
import { sessionBoard } from '$lib/server/live/board-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = guard(SESSION_MANAGER, async (_event, { db, checked }) => ({
	juries: await sessionBoard(db, checked.id),
	serverTime: Date.now()
}));
