import { requireRole } from '$lib/server/auth/guards';
import { jsonDownload } from '$lib/server/planning/plan-export';
import { planViewOr404 } from '$lib/server/planning/schedule-presenter';
import type { RequestHandler } from './$types';

/** The session's current plan, `soutenance.schedule/1`. */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'coordinator');
	const view = await planViewOr404(event.locals.db, event.params.sessionId);
	return jsonDownload(view.schedule, 'schedule.json');
};
