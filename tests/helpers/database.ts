import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectPglite, connectPostgres, type Database, type DatabaseHandle } from '../../src/lib/server/db/connect';
import type { DB } from '../../src/lib/server/db/schema';
import { closeWaitingForClients } from './pool';

/**
 * A freshly migrated database for one test file: PGlite loaded from the migrated snapshot, or a
 * PostgreSQL database copied from the migrated template, dropped again by close().
 */
export async function freshDatabase(): Promise<DatabaseHandle> {
	if (process.env.TEST_DRIVER === 'postgres') {
		const serverUrl = process.env.TEST_DATABASE_URL!;
		const name = `soutenance_test_${randomBytes(6).toString('hex')}`;
		const admin = new pg.Client({ connectionString: serverUrl });
		await admin.connect();
		await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
		// A test database need not survive a crash of the server: commits stop waiting for the disk
		// (a few milliseconds each, thousands per run). Every other behaviour of PostgreSQL is kept.
		await admin.query(`alter database ${name} set synchronous_commit = off`);
		await admin.end();
		const url = new URL(serverUrl);
		url.pathname = `/${name}`;
		const handle = connectPostgres(url.toString(), 4);
		const closeConnections = closeWaitingForClients(handle.pool!, handle.close);
		return {
			...handle,
			close: async () => {
				await closeConnections();
				const dropper = new pg.Client({ connectionString: serverUrl });
				await dropper.connect();
				await dropper.query(`drop database if exists ${name} with (force)`);
				await dropper.end();
			}
		};
	}
	const snapshot = await readFile(inject('pgliteSnapshot'));
	return connectPglite({ loadDataDir: new Blob([snapshot]) });
}

/** How many rows a table holds. */
export async function countRows(db: Database, table: keyof DB): Promise<number> {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
