import { guard } from '$lib/server/access';
import { listSessionsWithCounts } from '$lib/server/sessions/session-repository';
import { awardSummaries } from '$lib/server/accrochage/declaration-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = guard({ roles: ['coordinator'] }, async (_event, { db }) => ({
	sessions: await listSessionsWithCounts(db),
	// Every award not yet accepted by the CDC, soonest deadline first.
	awards: await awardSummaries(db, null, new Date(), true)
}));
