import { SESSION_MANAGER, guard } from '$lib/server/access';
import { sessionStatistics } from '$lib/server/certification/statistics-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = guard(SESSION_MANAGER, async (event, { db, checked }) => {
	const { session: _session, ...statistics } = await sessionStatistics(db, checked.id, event.url.searchParams.get('jury') || null);
	return { statistics };
});
