import { json } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { guardEndpoint } from '$lib/server/access';
import { SESSION_COOKIE } from '$lib/server/auth/cookies';
import { UserFacingError } from '$lib/server/errors';
import { jurorGridState, saveChangesWithSession } from '$lib/server/scoring/scoring-service';
import type { RequestHandler } from './$types';

// The tablet's autosave: JSON in, JSON out. An expired session answers 401 (not a redirect to the
// login page) so the outbox keeps its changes and says so. The grid's answer carries the server's
// time: the tablet stamps its changes with it, not with its own clock, which may be hours off.
const access = { roles: ['juror'], permission: 'defense.score', param: 'defenseId', anonymous: 'unauthorized' } as const;
const noStore = { headers: { 'cache-control': 'no-store' } };

export const GET: RequestHandler = guardEndpoint(
	access,
	async (event, { user, db, checked }) => json({ ...(await jurorGridState(db, user.id, checked.id)), serverTime: Date.now() }, noStore),
	'json'
);

// The hook leaves this one to the service, which checks the session inside the write (AUTOSAVE_ROUTE in hooks.server.ts);
// a save that is not stored there takes the slow path, through the access check like any other request.
export const POST: RequestHandler = guardEndpoint(
	{ ...access, session: 'in-write' },
	async (event, { db, admit }) => {
		const body = await event.request.json().catch(() => undefined);
		if (!body || typeof body !== 'object') throw new UserFacingError('scoring.invalid-request', 400, fr.scoring.invalidRequest);
		const token = event.cookies.get(SESSION_COOKIE) ?? '';
		return json(await saveChangesWithSession(db, token, event.params.defenseId, body, Date.now(), admit), noStore);
	},
	'json'
);
