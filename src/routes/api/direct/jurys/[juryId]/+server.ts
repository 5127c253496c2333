import { json } from '@sveltejs/kit';
import { guardEndpoint } from '$lib/server/access';
import { juryLiveSnapshots } from '$lib/server/live/board-service';
import { wantsEventStream } from '$lib/server/live/sse';
import { busStream } from '$lib/server/live/streams';
import type { RequestHandler } from './$types';

/**
 * One jury's live feed for its members and the coordination: every timer change of its
 * defenses, and a signal when a grid is submitted (no score travels here).
 */
const access = { roles: ['juror', 'coordinator'], permission: 'jury.view', param: 'juryId' } as const;

export const GET: RequestHandler = guardEndpoint(access, async (event, { db, checked: jury, holder }) => {
	if (!wantsEventStream(event.request)) return json({ timers: await juryLiveSnapshots(db, jury.id), serverTime: Date.now() });
	return busStream(event.request, holder(), {
		start: async (channel) => {
			for (const snapshot of await juryLiveSnapshots(db, jury.id)) channel.send('timer', { ...snapshot });
		},
		react: (signal, channel) => {
			if (signal.juryId !== jury.id) return;
			if (signal.type === 'timer') channel.send('timer', { ...(signal.data as object) });
			else channel.send('submission', { defenseId: signal.defenseId });
		}
	});
});
