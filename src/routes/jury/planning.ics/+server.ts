import { guardEndpoint } from '$lib/server/access';
import { jurorPlanningCalendar } from '$lib/server/publication/publication-service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = guardEndpoint(
	{ roles: ['juror'] },
	async (_event, { user, db }) =>
		new Response(await jurorPlanningCalendar(db, user.id), {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': 'attachment; filename="planning-jury.ics"',
				'cache-control': 'private, no-store'
			}
		})
);
