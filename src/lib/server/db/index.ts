import { connectPglite, connectPostgres, type DatabaseHandle } from './connect';
import { migrateToLatest } from './migrator';
import { currentRole, grantApplicationRole } from './roles';
import { syncReferentiels } from '../referentiel/referentiel-repository';
import { journalAlterableByCurrentRole } from '../audit/audit-repository';

export type { Database, DatabaseHandle, DatabaseKind } from './connect';
export { isDatabaseUnavailable } from './unavailable';

let opening: Promise<DatabaseHandle> | null = null;

/** The folder of the embedded database, used when DATABASE_URL is unset. */
export function dataDirFromEnvironment(env: NodeJS.ProcessEnv = process.env): string {
	return env.DATA_DIR || './data';
}

/**
 * The embedded database lives in DATA_DIR (default ./data) unless DATABASE_URL names a server.
 * As 'owner' (migrations, the demo's reset), MIGRATION_DATABASE_URL's role when it is set beside it.
 */
export function databaseFromEnvironment(
	env: NodeJS.ProcessEnv = process.env,
	role: 'application' | 'owner' = 'application'
): Promise<DatabaseHandle> {
	const url = role === 'owner' && env.DATABASE_URL ? env.MIGRATION_DATABASE_URL || env.DATABASE_URL : env.DATABASE_URL;
	if (url) return Promise.resolve(connectPostgres(url));
	return connectPglite({ dataDir: dataDirFromEnvironment(env) });
}

const journalWarning = (role: string) =>
	`Attention : le rôle PostgreSQL de l’application (« ${role} ») possède la table du journal d’audit ou est superutilisateur. ` +
	'Le journal n’est alors protégé que par ses déclencheurs, que ce rôle peut désactiver. ' +
	'Définissez MIGRATION_DATABASE_URL avec un rôle propriétaire distinct (voir le README, « Deux rôles PostgreSQL »).';

/**
 * The application's connection, migrated and with the référentiels loaded. With two roles the
 * owner's connection migrates and grants the application's role its rights, then closes.
 */
export async function prepareDatabase(env: NodeJS.ProcessEnv = process.env): Promise<DatabaseHandle> {
	const handle = await databaseFromEnvironment(env);
	try {
		if (env.DATABASE_URL && env.MIGRATION_DATABASE_URL) {
			const owner = await databaseFromEnvironment(env, 'owner');
			try {
				await migrateToLatest(owner.db);
				const role = await currentRole(handle.db);
				// The same role twice would revoke its own rights on its own tables.
				if (role !== (await currentRole(owner.db))) await grantApplicationRole(owner.db, role);
			} finally {
				await owner.close();
			}
		} else {
			await migrateToLatest(handle.db);
		}
		await syncReferentiels(handle.db);
		if (handle.kind === 'postgres' && (await journalAlterableByCurrentRole(handle.db)))
			console.warn(journalWarning(await currentRole(handle.db)));
		return handle;
	} catch (error) {
		await handle.close();
		throw error;
	}
}

/** Opens, migrates and loads the référentiels once per process. */
export function openDatabase(): Promise<DatabaseHandle> {
	opening ??= prepareDatabase();
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
