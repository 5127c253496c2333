import { guard } from '$lib/server/access';
import { listAudit, verifyAuditChain } from '$lib/server/audit/audit-repository';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 100;

export const load: PageServerLoad = guard({ roles: ['coordinator'] }, async (event, { db }) => {
	const search = event.url.searchParams.get('q')?.trim() || undefined;
	// An audit id is a bigint: 18 digits always fit, more may not.
	const beforeId = /^\d{1,18}$/.test(event.url.searchParams.get('avant') ?? '') ? event.url.searchParams.get('avant')! : undefined;
	const [rows, chain] = await Promise.all([listAudit(db, { limit: PAGE_SIZE, beforeId, search }), verifyAuditChain(db)]);
	return {
		rows: rows.map((row) => ({
			...row,
			before: row.before === null ? null : JSON.stringify(row.before),
			after: row.after === null ? null : JSON.stringify(row.after)
		})),
		chain,
		search: search ?? '',
		nextBeforeId: rows.length === PAGE_SIZE ? rows.at(-1)!.id : null
	};
});
