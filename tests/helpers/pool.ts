import type pg from 'pg';

/**
 * pg's Pool.end() resolves once its clients are told to end, before their connections are closed.
 * Dropping or copying the database right after would then cut them (uncaught "terminating
 * connection due to administrator command") or find them still there. The returned function ends
 * the pool and resolves once every client's connection is closed (the pool's 'remove' events).
 */
export function closeWaitingForClients(pool: pg.Pool, close: () => Promise<void>): () => Promise<void> {
	const open = new Set<pg.PoolClient>();
	pool.on('connect', (client) => open.add(client));
	pool.on('remove', (client) => open.delete(client));
	return async () => {
		const allRemoved = new Promise<void>((resolve) => {
			const check = () => open.size === 0 && resolve();
			pool.on('remove', check);
			check();
		});
		await close();
		await allRemoved;
	};
}
