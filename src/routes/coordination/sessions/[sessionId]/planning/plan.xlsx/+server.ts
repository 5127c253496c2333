import { SESSION_MANAGER, guardEndpoint } from '$lib/server/access';
import { planXlsx } from '$lib/server/planning/plan-export';
import { presentPlan } from '$lib/server/planning/schedule-presenter';
import { loadPlanView } from '$lib/server/planning/schedule-service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = guardEndpoint(SESSION_MANAGER, async (_event, { db, checked }) => {
	const plan = presentPlan(await loadPlanView(db, checked.id));
	return new Response(new Uint8Array(await planXlsx(plan)), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': 'attachment; filename="planning.xlsx"',
			'cache-control': 'no-store'
		}
	});
});
