import type { RouteRule } from '../route-access';

// Routes of the planning area. The examples name a session that does not exist: the coordinator
// gets a French 404, every other role a 403 and anonymous visitors the login page.
const PLANNING = '/coordination/sessions/00000000-0000-4000-8000-000000000000/planning';
const base = '/coordination/sessions/[sessionId]/planning';

export const planningRoutes: Record<string, RouteRule> = {
	[base]: { access: ['coordinator'], example: PLANNING },
	[`${base}/progression`]: { access: ['coordinator'], example: `${PLANNING}/progression` },
	[`${base}/jures`]: { access: ['coordinator'], example: `${PLANNING}/jures` },
	[`${base}/candidats`]: { access: ['coordinator'], example: `${PLANNING}/candidats` },
	[`${base}/problem.json`]: { access: ['coordinator'], example: `${PLANNING}/problem.json` },
	[`${base}/schedule.json`]: { access: ['coordinator'], example: `${PLANNING}/schedule.json` },
	[`${base}/plan.csv`]: { access: ['coordinator'], example: `${PLANNING}/plan.csv` },
	[`${base}/plan.xlsx`]: { access: ['coordinator'], example: `${PLANNING}/plan.xlsx` }
};
