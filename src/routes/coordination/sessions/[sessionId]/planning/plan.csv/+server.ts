import { SESSION_MANAGER, guardEndpoint } from '$lib/server/access';
import { planCsv } from '$lib/server/planning/plan-export';
import { presentPlan } from '$lib/server/planning/schedule-presenter';
import { loadPlanView } from '$lib/server/planning/schedule-service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = guardEndpoint(SESSION_MANAGER, async (_event, { db, checked }) => {
	const plan = presentPlan(await loadPlanView(db, checked.id));
	return new Response(planCsv(plan), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="planning.csv"',
			'cache-control': 'no-store'
		}
	});
});
