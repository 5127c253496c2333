import { json } from '@sveltejs/kit';
import { guardEndpoint } from '$lib/server/access';
import { juryBoardRow, sessionBoard } from '$lib/server/live/board-service';
import { wantsEventStream } from '$lib/server/live/sse';
import { busStream } from '$lib/server/live/streams';
import type { RequestHandler } from './$types';

/**
 * The coordination's feed for one session: `changed` when the board must be read again (on
 * connecting, after a lost connection), then the row of each jury whose timer or grids change.
 */
const access = { roles: ['coordinator'], permission: 'session.manage', param: 'sessionId' } as const;

export const GET: RequestHandler = guardEndpoint(access, async (event, { db, checked, holder }) => {
	const sessionId = checked.id;
	if (!wantsEventStream(event.request)) return json({ juries: await sessionBoard(db, sessionId), serverTime: Date.now() });
	return busStream(event.request, holder(), {
		start: async (channel) => channel.send('changed', {}),
		react: async (signal, channel) => {
			if (signal.sessionId !== sessionId) return;
			const row = await juryBoardRow(db, sessionId, signal.juryId);
			if (row) channel.send('row', { row, kind: signal.type });
			else channel.send('changed', { juryId: signal.juryId, kind: signal.type });
		}
	});
});
