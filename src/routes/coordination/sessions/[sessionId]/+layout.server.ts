import { error } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { requireRole } from '$lib/server/auth/guards';
import { findSession } from '$lib/server/planning/session-repository';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	requireRole(event, 'coordinator');
	const session = await findSession(event.locals.db, event.params.sessionId);
	if (!session) error(404, fr.sessions.notFound);
	return { session: { id: session.id, name: session.name, timezone: session.timezone } };
};
