import { Kysely, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from './schema';
import { lockDataDir } from './data-dir-lock';

export type Database = Kysely<DB>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
	db: Database;
	kind: DatabaseKind;
	/** The PGlite instance when embedded (for LISTEN/NOTIFY and snapshots), else null. */
	pglite: PGlite | null;
	/** The pg pool when on a server, else null. */
	pool: pg.Pool | null;
	close(): Promise<void>;
}

// timestamptz and date come back as JS Date and 'YYYY-MM-DD' strings on both drivers.
pg.types.setTypeParser(1082, (value: string) => value);

export function connectPostgres(connectionString: string, max = 10): DatabaseHandle {
	const pool = new pg.Pool({ connectionString, max });
	// PostgreSQL closes idle pooled connections when it restarts or fails over: without a listener
	// that is an uncaught exception that stops the server. The pool opens new ones on the next query.
	pool.on('error', (caught) => console.error(`PostgreSQL : une connexion inactive a été fermée (${caught.message}).`));
	const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
	return { db, kind: 'postgres', pglite: null, pool, close: () => db.destroy() };
}

/**
 * PostgreSQL's default shared_buffers (128 MB) sits in PGlite's WebAssembly memory, which never
 * shrinks: the embedded server started at about 370 MB of RSS with it, 255 MB with 32 MB. The data
 * folder's files stay in the system's page cache besides, so a 2000-candidate session still fits.
 */
const EMBEDDED_SHARED_BUFFERS = '32MB';

/** PGlite in memory, or in the folder `dataDir`, which no other process may have open (see data-dir-lock.ts). */
export async function connectPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<DatabaseHandle> {
	const lock = options.dataDir ? await lockDataDir(options.dataDir) : null;
	let pglite: PGlite;
	try {
		pglite = await PGlite.create({
			dataDir: options.dataDir,
			loadDataDir: options.loadDataDir,
			startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`],
			// Same shapes as pg: int8 and date as strings.
			parsers: { 20: (value: string) => value, 1082: (value: string) => value }
		});
	} catch (error) {
		await lock?.release();
		throw error;
	}
	const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
	return {
		db,
		kind: 'pglite',
		pglite,
		pool: null,
		close: async () => {
			await db.destroy();
			if (!pglite.closed) await pglite.close();
			await lock?.release();
		}
	};
}
