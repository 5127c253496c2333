import { json } from '@sveltejs/kit';
import { guardEndpoint } from '$lib/server/access';
import { sessionBoard } from '$lib/server/live/board-service';
import { wantsEventStream } from '$lib/server/live/sse';
import { busStream } from '$lib/server/live/streams';
import type { RequestHandler } from './$types';

/** The coordination's feed for one session: a signal per change; the board reloads its rows. */
const access = { roles: ['coordinator'], permission: 'session.manage', param: 'sessionId' } as const;

export const GET: RequestHandler = guardEndpoint(access, async (event, { db, checked, holder }) => {
	const sessionId = checked.id;
	if (!wantsEventStream(event.request)) return json({ juries: await sessionBoard(db, sessionId), serverTime: Date.now() });
	return busStream(event.request, holder(), {
		start: async (channel) => channel.send('changed', {}),
		react: (signal, channel) => {
			if (signal.sessionId === sessionId) channel.send('changed', { juryId: signal.juryId, kind: signal.type });
		}
	});
});
