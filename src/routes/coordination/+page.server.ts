import { requireRole } from '$lib/server/auth/guards';
import { listSessionsWithCounts } from '$lib/server/planning/session-repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'coordinator');
	return { sessions: await listSessionsWithCounts(event.locals.db) };
};
