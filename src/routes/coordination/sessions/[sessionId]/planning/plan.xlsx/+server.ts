import { requireRole } from '$lib/server/auth/guards';
import { planXlsx } from '$lib/server/planning/plan-export';
import { planViewOr404, presentPlan } from '$lib/server/planning/schedule-presenter';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	requireRole(event, 'coordinator');
	const plan = presentPlan(await planViewOr404(event.locals.db, event.params.sessionId));
	return new Response(new Uint8Array(await planXlsx(plan)), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': 'attachment; filename="planning.xlsx"',
			'cache-control': 'no-store'
		}
	});
};
