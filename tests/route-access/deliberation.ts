import type { RouteRule } from '../route-access';

// Routes of deliberation, results and statistics. The examples name a defense, jury, session or
// candidate that does not exist: the allowed role gets a 404, the others a refusal.
const NONE = '00000000-0000-4000-8000-000000000000';
const session = `/coordination/sessions/${NONE}`;

export const deliberationRoutes: Record<string, RouteRule> = {
	'/jury/deliberations': { access: ['juror'], example: '/jury/deliberations' },
	'/jury/deliberations/[defenseId]': { access: ['juror'], example: `/jury/deliberations/${NONE}` },
	'/jury/deliberations/proces-verbal/[juryId]': { access: ['juror'], example: `/jury/deliberations/proces-verbal/${NONE}` },
	'/jury/deliberations/proces-verbal/[juryId]/v[version].pdf': { access: ['juror'], example: `/jury/deliberations/proces-verbal/${NONE}/v1.pdf` },
	'/coordination/sessions/[sessionId]/resultats': { access: ['coordinator'], example: `${session}/resultats` },
	'/coordination/sessions/[sessionId]/resultats/import': { access: ['coordinator'], example: `${session}/resultats/import` },
	'/coordination/sessions/[sessionId]/resultats/decisions.csv': { access: ['coordinator'], example: `${session}/resultats/decisions.csv` },
	'/coordination/sessions/[sessionId]/resultats/decisions.xlsx': { access: ['coordinator'], example: `${session}/resultats/decisions.xlsx` },
	'/coordination/sessions/[sessionId]/resultats/proces-verbal.pdf': { access: ['coordinator'], example: `${session}/resultats/proces-verbal.pdf` },
	'/coordination/sessions/[sessionId]/resultats/proces-verbal/[juryId]/v[version].pdf': { access: ['coordinator'], example: `${session}/resultats/proces-verbal/${NONE}/v1.pdf` },
	'/coordination/sessions/[sessionId]/resultats/attestations/[candidateId]': { access: ['coordinator'], example: `${session}/resultats/attestations/${NONE}` },
	'/coordination/sessions/[sessionId]/statistiques': { access: ['coordinator'], example: `${session}/statistiques` },
	'/candidat/resultats/[sessionId]/attestation.pdf': { access: ['candidate'], example: `/candidat/resultats/${NONE}/attestation.pdf` }
};
