import type { RouteRule } from '../route-access';

// Routes of the sessions area. The examples name a session, juror and jury that do not exist:
// the coordinator gets a 404, every other role a 403 and anonymous visitors the login page.
const NO_SESSION = '/coordination/sessions/00000000-0000-4000-8000-000000000000';
const NOBODY = '00000000-0000-4000-8000-000000000001';

export const sessionsRoutes: Record<string, RouteRule> = {
	'/coordination/sessions/nouvelle': { access: ['coordinator'], example: '/coordination/sessions/nouvelle' },
	'/coordination/sessions/[sessionId]': { access: ['coordinator'], example: NO_SESSION },
	'/coordination/sessions/[sessionId]/jures': { access: ['coordinator'], example: `${NO_SESSION}/jures` },
	'/coordination/sessions/[sessionId]/jures/[jurorId]': { access: ['coordinator'], example: `${NO_SESSION}/jures/${NOBODY}` },
	'/coordination/sessions/[sessionId]/jurys': { access: ['coordinator'], example: `${NO_SESSION}/jurys` },
	'/coordination/sessions/[sessionId]/jurys/[juryId]': { access: ['coordinator'], example: `${NO_SESSION}/jurys/${NOBODY}` }
};
