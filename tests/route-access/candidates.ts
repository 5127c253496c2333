import type { RouteRule } from '../route-access';

// Routes of the candidates area. The examples name a session that does not exist: the role is
// checked before the session is looked up, so anonymous visitors and other roles are still
// refused, and a coordinator gets a 404.
const EXAMPLE_SESSION = '/coordination/sessions/00000000-0000-4000-8000-000000000000/candidats';
export const candidatesRoutes: Record<string, RouteRule> = {
	'/coordination/sessions/[sessionId]/candidats': { access: ['coordinator'], example: EXAMPLE_SESSION },
	'/coordination/sessions/[sessionId]/candidats/nouveau': { access: ['coordinator'], example: `${EXAMPLE_SESSION}/nouveau` },
	'/coordination/sessions/[sessionId]/candidats/import': { access: ['coordinator'], example: `${EXAMPLE_SESSION}/import` },
	'/coordination/sessions/[sessionId]/candidats/[candidateId]': { access: ['coordinator'], example: `${EXAMPLE_SESSION}/00000000-0000-4000-8000-000000000001` }
};
