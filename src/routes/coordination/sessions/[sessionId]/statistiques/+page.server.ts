import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { UserFacingError } from '$lib/server/errors';
import { sessionStatistics } from '$lib/server/results/statistics-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'coordinator');
	try {
		const { session: _session, ...statistics } = await sessionStatistics(event.locals.db, event.params.sessionId, event.url.searchParams.get('jury') || null);
		return { statistics };
	} catch (caught) {
		if (caught instanceof UserFacingError) error(caught.status, caught.message);
		throw caught;
	}
};
