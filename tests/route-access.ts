// The one declared access table: every route under src/routes must appear here, with who may
// open it. tests/e2e/route-access.spec.ts walks src/routes and fails on a route missing here,
// then checks each route as an anonymous visitor and as each role.
import { candidatesRoutes } from './route-access/candidates';
import { deliberationRoutes } from './route-access/deliberation';
import { liveRoutes } from './route-access/live';
import { planningRoutes } from './route-access/planning';
import { publicationRoutes } from './route-access/publication';
import { scoringRoutes } from './route-access/scoring';
import { sessionsRoutes } from './route-access/sessions';

export type Role = 'coordinator' | 'juror' | 'candidate';

export interface RouteRule {
	/** 'public': anyone; 'authenticated': any logged-in role; else the roles allowed. */
	access: 'public' | 'authenticated' | Role[];
	/** A concrete path to request; omitted for routes whose path needs data the check cannot invent. */
	example?: string;
	/** Method to check with (default GET). */
	method?: 'GET' | 'POST';
}

export const routeAccess: Record<string, RouteRule> = {
	'/': { access: 'public', example: '/' },
	'/connexion': { access: 'public', example: '/connexion' },
	'/deconnexion': { access: 'public', example: '/deconnexion', method: 'POST' },
	'/invitation/[token]': { access: 'public', example: '/invitation/jeton-inconnu' },
	'/mot-de-passe/[token]': { access: 'public', example: '/mot-de-passe/jeton-inconnu' },
	'/mot-de-passe-oublie': { access: 'public', example: '/mot-de-passe-oublie' },
	'/api/health': { access: 'public', example: '/api/health' },
	'/referentiel': { access: 'authenticated', example: '/referentiel' },
	'/coordination': { access: ['coordinator'], example: '/coordination' },
	'/coordination/utilisateurs': { access: ['coordinator'], example: '/coordination/utilisateurs' },
	'/coordination/journal': { access: ['coordinator'], example: '/coordination/journal' },
	'/coordination/messages': { access: ['coordinator'], example: '/coordination/messages' },
	'/jury': { access: ['juror'], example: '/jury' },
	'/candidat': { access: ['candidate'], example: '/candidat' },
	...sessionsRoutes,
	...candidatesRoutes,
	...planningRoutes,
	...publicationRoutes,
	...liveRoutes,
	...scoringRoutes,
	...deliberationRoutes
};
