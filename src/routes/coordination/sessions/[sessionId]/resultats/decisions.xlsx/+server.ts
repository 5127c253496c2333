import { SESSION_MANAGER, guardEndpoint } from '$lib/server/access';
import { decisionsXlsx } from '$lib/server/certification/results-service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = guardEndpoint(
	SESSION_MANAGER,
	async (_event, { db, checked }) =>
		new Response(new Uint8Array(await decisionsXlsx(db, checked.id)), {
			headers: {
				'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'content-disposition': 'attachment; filename="decisions.xlsx"',
				'cache-control': 'no-store'
			}
		})
);
