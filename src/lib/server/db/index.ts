import { connectPglite, connectPostgres, type DatabaseHandle } from './connect';
import { migrateToLatest } from './migrator';
import { syncReferentiels } from '../referentiel/referentiel-repository';

export type { Database, DatabaseHandle, DatabaseKind } from './connect';
export { isDatabaseUnavailable } from './unavailable';

let opening: Promise<DatabaseHandle> | null = null;

/** The folder of the embedded database, used when DATABASE_URL is unset. */
export function dataDirFromEnvironment(env: NodeJS.ProcessEnv = process.env): string {
	return env.DATA_DIR || './data';
}

/** The embedded database lives in DATA_DIR (default ./data) unless DATABASE_URL names a server. */
export function databaseFromEnvironment(env: NodeJS.ProcessEnv = process.env): Promise<DatabaseHandle> {
	if (env.DATABASE_URL) return Promise.resolve(connectPostgres(env.DATABASE_URL));
	return connectPglite({ dataDir: dataDirFromEnvironment(env) });
}

/** Opens, migrates and loads the référentiels once per process. */
export function openDatabase(): Promise<DatabaseHandle> {
	opening ??= (async () => {
		const handle = await databaseFromEnvironment();
		await migrateToLatest(handle.db);
		await syncReferentiels(handle.db);
		return handle;
	})();
	// A database away at start-up is tried again by the next request, not remembered as failed.
	opening.catch(() => (opening = null));
	return opening;
}

export async function closeDatabase(): Promise<void> {
	if (!opening) return;
	const handle = await opening;
	opening = null;
	await handle.close();
}
