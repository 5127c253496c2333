import { SESSION_MANAGER, guardEndpoint } from '$lib/server/access';
import { jsonDownload } from '$lib/server/planning/plan-export';
import { loadPlanView } from '$lib/server/planning/schedule-service';
import type { RequestHandler } from './$types';

/** The session's current plan, `soutenance.schedule/1`. */
export const GET: RequestHandler = guardEndpoint(SESSION_MANAGER, async (_event, { db, checked }) => {
	const view = await loadPlanView(db, checked.id);
	return jsonDownload(view.schedule, 'schedule.json');
});
