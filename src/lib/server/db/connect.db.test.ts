import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './connect';
import { freshDatabase } from '../../../../tests/helpers/database';

// A PostgreSQL restart or failover closes the pool's idle connections from the server side.
describe.skipIf(process.env.TEST_DRIVER !== 'postgres')('PostgreSQL closing the pool’s connections', () => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await freshDatabase();
	});
	afterAll(() => handle?.close());

	it('neither stops the process nor the next query: the pool opens a new connection', async () => {
		const database = (await sql<{ name: string }>`select current_database() as name`.execute(handle.db)).rows[0].name;
		await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(handle.db)));
		expect(handle.pool!.idleCount).toBeGreaterThan(0);

		const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
		await admin.connect();
		const { rowCount } = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [database]);
		await admin.end();
		expect(rowCount).toBeGreaterThan(0);
		// The pool notices the closed sockets and drops them (with no 'error' listener, an uncaught exception).
		for (let waited = 0; handle.pool!.idleCount > 0 && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
		expect(handle.pool!.idleCount).toBe(0);

		const again = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
		expect(again.rows).toEqual([{ one: 1 }]);
	});
});
