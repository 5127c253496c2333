import { listSessionCandidates } from '$lib/server/people/candidate-repository';
import { SESSION_MANAGER, guard } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = guard(SESSION_MANAGER, async (event, { db, checked: session }) => {
	const search = event.url.searchParams.get('q')?.trim() ?? '';
	const rows = await listSessionCandidates(db, session.id, search || undefined);
	const teamSizes = new Map<string, number>();
	const everyone = search ? await listSessionCandidates(db, session.id) : rows;
	for (const row of everyone) if (row.team) teamSizes.set(row.team, (teamSizes.get(row.team) ?? 0) + 1);
	return {
		session,
		search,
		imported: event.url.searchParams.get('importe'),
		candidates: rows.map((row) => ({
			...row,
			tags: Array.isArray(row.tags) ? row.tags.map(String) : [],
			unavailabilityCount: Number(row.unavailabilityCount),
			teamSize: row.team ? (teamSizes.get(row.team) ?? 1) : 0
		}))
	};
});
