import pg from 'pg';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connect';
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

/** Opens the listening side on either driver: PGlite's own listen(), or one dedicated pg connection. */
export async function createLiveBus(handle: DatabaseHandle): Promise<LiveBus> {
	const listeners = fanOut();
	if (handle.pglite) {
		const unlisten = await handle.pglite.listen(LIVE_CHANNEL, (payload) => listeners.payload(payload));
		return {
			subscribe: listeners.subscribe,
			async close() {
				listeners.emit({ type: 'shutdown' });
				if (!handle.pglite!.closed) await unlisten();
			}
		};
	}
	if (!handle.pool) throw new Error('Aucune connexion à PostgreSQL pour écouter les événements en direct.');
	return listenWithReconnection(handle.pool.options, listeners);
}

function listenWithReconnection(config: pg.ClientConfig, listeners: ReturnType<typeof fanOut>): Promise<LiveBus> {
	let client: pg.Client | null = null;
	let closed = false;
	let retryDelay = 250;
	let retryTimer: NodeJS.Timeout | null = null;

	const connect = async (isReconnection: boolean): Promise<void> => {
		const candidate = new pg.Client({ ...config, keepAlive: true });
		candidate.on('notification', (message) => {
			if (message.channel === LIVE_CHANNEL) listeners.payload(message.payload);
		});
		candidate.on('error', () => lost(candidate));
		candidate.on('end', () => lost(candidate));
		await candidate.connect();
		await candidate.query(`listen ${LIVE_CHANNEL}`);
		if (closed) {
			await candidate.end().catch(() => undefined);
			return;
		}
		client = candidate;
		retryDelay = 250;
		if (isReconnection) listeners.emit({ type: 'resync' });
	};

	const lost = (which: pg.Client) => {
		if (closed || client !== which) return;
		client = null;
		which.removeAllListeners('notification');
		void which.end().catch(() => undefined);
		scheduleReconnection();
	};

	const scheduleReconnection = () => {
		if (closed || retryTimer) return;
		retryTimer = setTimeout(async () => {
			retryTimer = null;
			try {
				await connect(true);
			} catch {
				retryDelay = Math.min(retryDelay * 2, 5000);
				scheduleReconnection();
			}
		}, retryDelay);
	};

	return connect(false).then(() => ({
		subscribe: listeners.subscribe,
		async close() {
			closed = true;
			if (retryTimer) clearTimeout(retryTimer);
			listeners.emit({ type: 'shutdown' });
			const current = client;
			client = null;
			await current?.end().catch(() => undefined);
		}
	}));
}
