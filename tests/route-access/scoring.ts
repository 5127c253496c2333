import type { RouteRule } from '../route-access';

// Routes of the scoring area. The examples name a defense that does not exist: a juror gets a 404
// (or a 401 JSON answer when anonymous on the API), the other roles a refusal.
const NO_DEFENSE = '00000000-0000-4000-8000-000000000000';

export const scoringRoutes: Record<string, RouteRule> = {
	'/jury/soutenances/[defenseId]': { access: ['juror'], example: `/jury/soutenances/${NO_DEFENSE}` },
	'/api/soutenances/[defenseId]/grille': { access: ['juror'], example: `/api/soutenances/${NO_DEFENSE}/grille` }
};
