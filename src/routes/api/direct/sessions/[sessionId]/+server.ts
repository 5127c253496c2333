import { error, json } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { requireRole } from '$lib/server/auth/guards';
import { sessionBoard } from '$lib/server/live/board-service';
import { wantsEventStream } from '$lib/server/live/sse';
import { busStream } from '$lib/server/live/streams';
import { isUuid } from '$lib/server/live/timer-service';
import { findSession } from '$lib/server/planning/session-repository';
import type { RequestHandler } from './$types';

/** The coordination's feed for one session: a signal per change; the board reloads its rows. */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'coordinator');
	const { sessionId } = event.params;
	if (!isUuid(sessionId) || !(await findSession(event.locals.db, sessionId))) error(404, fr.live.sessionNotFound);
	if (!wantsEventStream(event.request)) return json({ juries: await sessionBoard(event.locals.db, sessionId), serverTime: Date.now() });
	return busStream(event.request, {
		start: async (channel) => channel.send('changed', {}),
		react: (signal, channel) => {
			if (signal.sessionId === sessionId) channel.send('changed', { juryId: signal.juryId, kind: signal.type });
		}
	});
};
