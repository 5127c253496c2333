import { requireRole } from '$lib/server/auth/guards';
import { planCsv } from '$lib/server/planning/plan-export';
import { planViewOr404, presentPlan } from '$lib/server/planning/schedule-presenter';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	requireRole(event, 'coordinator');
	const plan = presentPlan(await planViewOr404(event.locals.db, event.params.sessionId));
	return new Response(planCsv(plan), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="planning.csv"', 'cache-control': 'no-store' }
	});
};
