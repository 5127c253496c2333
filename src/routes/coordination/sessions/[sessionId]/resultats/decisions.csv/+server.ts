import { SESSION_MANAGER, guardEndpoint } from '$lib/server/access';
import { decisionsCsv } from '$lib/server/certification/results-service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = guardEndpoint(
	SESSION_MANAGER,
	async (_event, { db, checked }) =>
		new Response(await decisionsCsv(db, checked.id), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': 'attachment; filename="decisions.csv"',
				'cache-control': 'no-store'
			}
		})
);
