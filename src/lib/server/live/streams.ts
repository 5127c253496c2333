import { json } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import type { AccessHolder } from '../access';
import type { BusSignal } from './bus';
import { liveBus } from './live-bus';
import { eventStream, type EventChannel } from './sse';

/** A tablet, a board and a phone of one person, with room to spare; more is someone opening streams to hold the server. */
export const MAX_STREAMS_PER_SESSION = 8;
/** How often a running stream checks that its session and its access still hold. */
export const STREAM_RECHECK_MS = 10_000;

const openStreams = new Map<string, Set<EventChannel>>();

/** Ends at once every live stream this server holds for the session (logout). */
export function closeStreamsOfSession(sessionId: string): void {
	for (const channel of openStreams.get(sessionId) ?? []) channel.close();
}

/**
 * A stream fed by the live bus: `start` sends the current state; `react` turns each bus signal
 * into messages (or ignores it). A lost listening connection re-sends the state; the server
 * stopping ends the stream, and the browser reconnects to another instance. The stream ends when
 * its holder logs out here, and within STREAM_RECHECK_MS when the session ends elsewhere, the
 * account is deactivated or the access it was opened with no longer holds.
 */
export function busStream(
	request: Request,
	holder: AccessHolder,
	handlers: {
		start: (channel: EventChannel) => Promise<void>;
		react: (signal: Exclude<BusSignal, { type: 'resync' | 'shutdown' }>, channel: EventChannel) => void | Promise<void>;
	}
): Response {
	const key = holder.sessionId ?? 'anonyme';
	const held = openStreams.get(key) ?? new Set<EventChannel>();
	if (held.size >= MAX_STREAMS_PER_SESSION)
		return json({ code: 'live.too-many-streams', message: fr.live.tooManyStreams }, { status: 429 });
	return eventStream(request, async (channel) => {
		held.add(channel);
		openStreams.set(key, held);
		const recheck = setInterval(() => {
			holder.stillAdmitted().then(
				(admitted) => admitted || channel.close(),
				// The database away for a moment: the stream stays, the next check decides.
				() => undefined
			);
		}, STREAM_RECHECK_MS);
		const forget = () => {
			clearInterval(recheck);
			held.delete(channel);
			if (held.size === 0 && openStreams.get(key) === held) openStreams.delete(key);
		};
		try {
			const bus = await liveBus();
			// Subscribed before the state is read, so nothing that happens in between is missed.
			const unsubscribe = bus.subscribe((signal) => {
				if (signal.type === 'shutdown') return channel.close();
				const work = signal.type === 'resync' ? handlers.start(channel) : handlers.react(signal, channel);
				Promise.resolve(work).catch((error) => {
					console.error('Flux en direct : événement non transmis', error);
					channel.close();
				});
			});
			await handlers.start(channel);
			return () => {
				unsubscribe();
				forget();
			};
		} catch (error) {
			forget();
			throw error;
		}
	});
}

/** Runs `work` at most once per `delayMs`, after the last call: a burst of events gives one recomputation. */
export function coalesce(work: () => Promise<void>, delayMs: number): () => void {
	let timer: NodeJS.Timeout | null = null;
	return () => {
		if (timer) clearTimeout(timer);
		timer = setTimeout(() => {
			timer = null;
			void work();
		}, delayMs);
	};
}
