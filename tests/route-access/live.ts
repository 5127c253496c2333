import type { RouteRule } from '../route-access';

// Routes of the live area. The examples name a jury, a defense or a session that does not exist:
// the allowed roles get a 404, the others a refusal. The streams answer a plain GET (no
// "Accept: text/event-stream") with a JSON snapshot, so they can be checked like pages.
// The room display is for the jury's members and the coordination (it is shown on the room's
// screen from one of their sessions); candidates never open it.
const NONE = '00000000-0000-4000-8000-000000000000';

export const liveRoutes: Record<string, RouteRule> = {
	'/api/soutenances/[defenseId]/minuteur': { access: ['juror', 'coordinator'], example: `/api/soutenances/${NONE}/minuteur` },
	'/api/direct/jurys/[juryId]': { access: ['juror', 'coordinator'], example: `/api/direct/jurys/${NONE}` },
	'/api/direct/sessions/[sessionId]': { access: ['coordinator'], example: `/api/direct/sessions/${NONE}` },
	'/api/direct/candidat': { access: ['candidate'], example: '/api/direct/candidat' },
	'/salle/[juryId]': { access: ['juror', 'coordinator'], example: `/salle/${NONE}` },
	'/coordination/sessions/[sessionId]/direct': { access: ['coordinator'], example: `/coordination/sessions/${NONE}/direct` }
};
