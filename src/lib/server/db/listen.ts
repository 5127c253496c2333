import pg from 'pg';
import type { DatabaseHandle } from './connect';

export interface ChannelHandlers {
	/** A notification's payload, in the driver's callback: hand slow work on. */
	payload(text: string | undefined): void;
	/** The listening connection was lost and is back: notifications may have been missed. */
	reconnected(): void;
}

/**
 * LISTEN on one channel with either driver: PGlite's own listen(), or one dedicated pg connection
 * that reconnects by itself (with backoff) when PostgreSQL closes it. Resolves once listening.
 */
export async function listenToChannel(handle: DatabaseHandle, channel: string, handlers: ChannelHandlers): Promise<() => Promise<void>> {
	if (handle.pglite) {
		const pglite = handle.pglite;
		const unlisten = await pglite.listen(channel, (payload) => handlers.payload(payload));
		return async () => {
			if (!pglite.closed) await unlisten();
		};
	}
	if (!handle.pool) throw new Error(`Aucune connexion à PostgreSQL pour écouter le canal ${channel}.`);
	return listenWithReconnection(handle.pool.options, channel, handlers);
}

async function listenWithReconnection(config: pg.ClientConfig, channel: string, handlers: ChannelHandlers): Promise<() => Promise<void>> {
	let client: pg.Client | null = null;
	let closed = false;
	let retryDelay = 250;
	let retryTimer: NodeJS.Timeout | null = null;

	const connect = async (isReconnection: boolean): Promise<void> => {
		const candidate = new pg.Client({ ...config, keepAlive: true });
		candidate.on('notification', (message) => {
			if (message.channel === channel) handlers.payload(message.payload);
		});
		candidate.on('error', () => lost(candidate));
		candidate.on('end', () => lost(candidate));
		await candidate.connect();
		await candidate.query(`listen ${channel}`);
		if (closed) {
			await candidate.end().catch(() => undefined);
			return;
		}
		client = candidate;
		retryDelay = 250;
		if (isReconnection) handlers.reconnected();
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

	await connect(false);
	return async () => {
		closed = true;
		if (retryTimer) clearTimeout(retryTimer);
		const current = client;
		client = null;
		await current?.end().catch(() => undefined);
	};
}
