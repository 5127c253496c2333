import { json } from '@sveltejs/kit';
import { guardEndpoint } from '$lib/server/access';
import { candidateForecasts, type CandidateForecast } from '$lib/server/live/board-service';
import type { EventChannel } from '$lib/server/live/sse';
import { wantsEventStream } from '$lib/server/live/sse';
import { busStream, coalesce } from '$lib/server/live/streams';
import type { RequestHandler } from './$types';

/**
 * The logged-in candidate's own predicted start, recomputed when their jury's timer moves. It
 * never forwards the jury's events themselves: a candidate learns no phase, name or score.
 */
export const GET: RequestHandler = guardEndpoint({ roles: ['candidate'] }, async (event, { user, db, holder }) => {
	if (!wantsEventStream(event.request)) return json({ forecasts: await candidateForecasts(db, user.id), serverTime: Date.now() });

	let stream: EventChannel | null = null;
	let forecasts: CandidateForecast[] = [];
	let sent = '';
	const publish = async () => {
		forecasts = await candidateForecasts(db, user.id);
		const text = JSON.stringify(forecasts);
		if (text === sent || !stream) return;
		sent = text;
		stream.send('forecast', { forecasts });
	};
	const publishSoon = coalesce(publish, 300);
	return busStream(event.request, holder(), {
		start: async (channel) => {
			stream = channel;
			await publish();
		},
		react: (signal) => {
			if (signal.type === 'timer' && forecasts.some((forecast) => forecast.juryId === signal.juryId)) publishSoon();
		}
	});
});
