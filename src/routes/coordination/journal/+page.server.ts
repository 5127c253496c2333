import { guard } from '$lib/server/access';
import { journalPage, parseAnchor } from '$lib/server/audit/journal-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = guard({ roles: ['coordinator'] }, async (event, { db }) => {
	const params = event.url.searchParams;
	const search = params.get('q')?.trim() || undefined;
	// An audit id is a bigint: 18 digits always fit, more may not.
	const beforeId = /^\d{1,18}$/.test(params.get('avant') ?? '') ? params.get('avant')! : undefined;
	const check = parseAnchor(params.get('maillon'), params.get('empreinte'));
	const page = await journalPage(db, { search, beforeId, check });
	return {
		...page,
		rows: page.rows.map(({ before, ...row }) => ({
			...row,
			beforeJson: before === null ? null : JSON.stringify(before),
			afterJson: row.after === null ? null : JSON.stringify(row.after)
		})),
		search: search ?? '',
		// A page further down the journal links back to its most recent entries.
		fromId: beforeId ?? null,
		typed: { id: params.get('maillon') ?? '', hash: params.get('empreinte') ?? '' }
	};
});
