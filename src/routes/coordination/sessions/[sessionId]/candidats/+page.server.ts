import { askedPage } from '$lib/domain/pagination/pagination';
import { sessionCandidatePage } from '$lib/server/people/candidate-repository';
import { SESSION_MANAGER, guard } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = guard(SESSION_MANAGER, async (event, { db, checked: session }) => {
	const search = event.url.searchParams.get('q')?.trim() ?? '';
	const { pagination, teams, rows } = await sessionCandidatePage(db, session.id, {
		search: search || undefined,
		page: askedPage(event.url.searchParams.get('page'))
	});
	return {
		session,
		search,
		imported: event.url.searchParams.get('importe'),
		pagination,
		teams,
		candidates: rows.map((row) => ({
			...row,
			tags: Array.isArray(row.tags) ? row.tags.map(String) : [],
			unavailabilityCount: Number(row.unavailabilityCount),
			teamSize: Number(row.teamSize)
		}))
	};
});
