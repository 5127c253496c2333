import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { UserFacingError } from '$lib/server/errors';
import { decisionsXlsx } from '$lib/server/results/results-service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	requireRole(event, 'coordinator');
	try {
		return new Response(new Uint8Array(await decisionsXlsx(event.locals.db, event.params.sessionId)), {
			headers: {
				'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'content-disposition': 'attachment; filename="decisions.xlsx"',
				'cache-control': 'no-store'
			}
		});
	} catch (caught) {
		if (caught instanceof UserFacingError) error(caught.status, caught.message);
		throw caught;
	}
};
