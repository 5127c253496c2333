import { guardEndpoint } from '$lib/server/access';
import { journalExport } from '$lib/server/audit/journal-service';
import type { RequestHandler } from './$types';

/** The whole journal with its head (row id and hash), to keep beside the documents handed out. */
export const GET: RequestHandler = guardEndpoint({ roles: ['coordinator'] }, async (_event, { db }) => {
	const exported = await journalExport(db);
	return new Response(JSON.stringify(exported, null, '\t'), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="journal-${exported.exportedAt.slice(0, 10)}.json"`,
			'cache-control': 'no-store'
		}
	});
});
