import { error, json } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { requireRole } from '$lib/server/auth/guards';
import { juryLiveSnapshots } from '$lib/server/live/board-service';
import { wantsEventStream } from '$lib/server/live/sse';
import { busStream } from '$lib/server/live/streams';
import { isUuid, juryRole } from '$lib/server/live/timer-service';
import { findJury } from '$lib/server/live/timer-repository';
import type { RequestHandler } from './$types';

/**
 * One jury's live feed for its members and the coordination: every timer change of its
 * defenses, and a signal when a grid is submitted (no score travels here).
 */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'juror', 'coordinator');
	const db = event.locals.db;
	const jury = isUuid(event.params.juryId) ? await findJury(db, event.params.juryId) : undefined;
	if (!jury || !(await juryRole(db, user, jury))) error(404, fr.live.juryNotFound);
	if (!wantsEventStream(event.request)) return json({ timers: await juryLiveSnapshots(db, jury.id), serverTime: Date.now() });
	return busStream(event.request, {
		start: async (channel) => {
			for (const snapshot of await juryLiveSnapshots(db, jury.id)) channel.send('timer', { ...snapshot });
		},
		react: (signal, channel) => {
			if (signal.juryId !== jury.id) return;
			if (signal.type === 'timer') channel.send('timer', { ...(signal.data as object) });
			else channel.send('submission', { defenseId: signal.defenseId });
		}
	});
};
