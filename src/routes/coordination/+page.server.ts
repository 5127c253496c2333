import { guard } from '$lib/server/access';
import { listSessionsWithCounts } from '$lib/server/sessions/session-repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = guard({ roles: ['coordinator'] }, async (_event, { db }) => ({
	sessions: await listSessionsWithCounts(db)
}));
