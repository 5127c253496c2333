import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connect';
import { listenToChannel } from '../db/listen';
import type { Executor } from '../db/transaction';

/**
 * Live events travel through PostgreSQL LISTEN/NOTIFY on one channel, so every app instance
 * connected to the database hears every event; each process then fans them out to its own
 * server-sent-event streams. A NOTIFY sent inside a transaction is delivered on commit only, so a
 * rolled-back use case announces nothing.
 */
export const LIVE_CHANNEL = 'soutenance_live';

export interface LiveEvent {
	type: 'timer' | 'submission';
	sessionId: string;
	juryId: string;
	defenseId: string;
	/** Whatever the listeners need without going back to the database (the timer's state). */
	data?: unknown;
}

/** `resync`: the listening connection was lost and is back; events may have been missed. `shutdown`: the process is stopping. */
export type BusSignal = LiveEvent | { type: 'resync' } | { type: 'shutdown' };

export type BusListener = (signal: BusSignal) => void;

export interface LiveBus {
	subscribe(listener: BusListener): () => void;
	close(): Promise<void>;
}

/** Queues the event in the current transaction (or sends it at once on a bare connection). */
export async function notify(db: Executor, event: LiveEvent): Promise<void> {
	await sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(event)})`.execute(db);
}

function fanOut() {
	const listeners = new Set<BusListener>();
	const emit = (signal: BusSignal) => {
		for (const listener of [...listeners]) {
			try {
				listener(signal);
			} catch (error) {
				console.error('Écouteur d’événements en direct en échec', error);
			}
		}
	};
	return {
		subscribe(listener: BusListener) {
			listeners.add(listener);
			return () => void listeners.delete(listener);
		},
		emit,
		payload(text: string | undefined) {
			if (!text) return;
			let event: LiveEvent;
			try {
				event = JSON.parse(text);
			} catch {
				return;
			}
			// Outside the driver's callback, so a listener that queries the database does not wait on it.
			setImmediate(() => emit(event));
		}
	};
}

/** Opens the listening side on either driver (see listenToChannel). */
export async function createLiveBus(handle: DatabaseHandle): Promise<LiveBus> {
	const listeners = fanOut();
	const unlisten = await listenToChannel(handle, LIVE_CHANNEL, {
		payload: listeners.payload,
		reconnected: () => listeners.emit({ type: 'resync' })
	});
	return {
		subscribe: listeners.subscribe,
		async close() {
			listeners.emit({ type: 'shutdown' });
			await unlisten();
		}
	};
}
