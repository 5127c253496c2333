import type { RouteRule } from '../route-access';

// Routes of the publication area (/jury and /candidat themselves are in the main table). The
// examples name a session that does not exist: the allowed role gets a 404, the others a refusal.
const NO_SESSION = '00000000-0000-4000-8000-000000000000';

export const publicationRoutes: Record<string, RouteRule> = {
	'/coordination/sessions/[sessionId]/publication': { access: ['coordinator'], example: `/coordination/sessions/${NO_SESSION}/publication` },
	'/candidat/convocations/[sessionId]/convocation.ics': { access: ['candidate'], example: `/candidat/convocations/${NO_SESSION}/convocation.ics` },
	'/candidat/convocations/[sessionId]/convocation.pdf': { access: ['candidate'], example: `/candidat/convocations/${NO_SESSION}/convocation.pdf` },
	'/jury/planning.ics': { access: ['juror'], example: '/jury/planning.ics' }
};
