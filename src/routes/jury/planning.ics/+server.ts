import { requireRole } from '$lib/server/auth/guards';
import { jurorPlanningCalendar } from '$lib/server/publication/publication-service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'juror');
	return new Response(await jurorPlanningCalendar(event.locals.db, user.id), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'attachment; filename="planning-jury.ics"',
			'cache-control': 'private, no-store'
		}
	});
};
