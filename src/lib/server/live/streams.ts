import type { BusSignal } from './bus';
import { liveBus } from './live-bus';
import { eventStream, type EventChannel } from './sse';

/**
 * A stream fed by the live bus: `start` sends the current state; `react` turns each bus signal
 * into messages (or ignores it). A lost listening connection re-sends the state; the server
 * stopping ends the stream, and the browser reconnects to another instance.
 */
export function busStream(
	request: Request,
	handlers: {
		start: (channel: EventChannel) => Promise<void>;
		react: (signal: Exclude<BusSignal, { type: 'resync' | 'shutdown' }>, channel: EventChannel) => void | Promise<void>;
	}
): Response {
	return eventStream(request, async (channel) => {
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
		return unsubscribe;
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
