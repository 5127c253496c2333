import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { sql } from 'kysely';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import { fr } from '$lib/i18n/fr';
import { UserFacingError } from '../errors';
import { verifyAuditChain, type ChainVerification } from '../audit/audit-repository';
import { connectPglite, connectPostgres, type Database, type DatabaseHandle } from './connect';
import { dataDirFromEnvironment } from './index';
import { migrateToLatest } from './migrator';
import { dataDirOwner, LOCK_FILE, lockDataDir, type DataDirOwner } from './data-dir-lock';

/*
 * `npm run backup` and `npm run restore`. The embedded database's backup is a logical dump (pg_dump
 * compiled to WebAssembly, from @electric-sql/pglite-tools) rather than a copy of DATA_DIR: it is
 * taken inside one transaction of the process that holds the database, so it is consistent while the
 * server writes, and it is SQL, so a later PGlite built on another PostgreSQL version still reads it.
 * On a PostgreSQL server, pg_dump in its custom format, which is consistent on a live database too.
 */

const EMBEDDED_HEADER = '-- Soutenance : sauvegarde de la base intégrée (PGlite), npm run backup\n';
const DUMP_COMPLETE = '-- PostgreSQL database dump complete';
const CUSTOM_FORMAT_MAGIC = 'PGDMP';
const GZIP_MAGIC = [0x1f, 0x8b];

const refusal = (code: string, message: string) => new UserFacingError(`backup.${code}`, 409, message);

/**
 * pg_dump of the embedded database, run in the process that holds it. Kysely's driver lends its one
 * PGlite connection to one caller at a time: while this holds it no transaction of the app is open
 * (its statements would otherwise run inside pg_dump's snapshot transaction) and none starts.
 * pg_dump runs synchronously: the server pauses for the time of the dump.
 */
export async function dumpEmbedded(handle: DatabaseHandle): Promise<Buffer> {
	const pglite = handle.pglite!;
	const text = await handle.db.connection().execute(async () => {
		try {
			return await (await pgDump({ pg: pglite })).text();
		} finally {
			// pg_dump leaves the one session as a client leaves a connection it drops: inside its read-only
			// snapshot transaction, with its own settings. The app's next statement would be refused.
			if (pglite.isInTransaction()) await pglite.exec('rollback');
			await pglite.exec('reset all');
		}
	});
	return promisify(gzip)(EMBEDDED_HEADER + text);
}

export type BackupSource = 'server' | 'closed' | 'pgDump';

async function dumpFromServer(owner: DataDirOwner): Promise<Buffer> {
	if (!owner.channel) throw refusal('data-dir-busy', fr.backup.busyWithoutChannel(owner.pid));
	let response: Response;
	try {
		response = await fetch(`http://127.0.0.1:${owner.channel.port}/sauvegarde`, {
			method: 'POST',
			headers: { authorization: `Bearer ${owner.channel.token}` }
		});
	} catch (caught) {
		const cause = (caught as { cause?: { code?: string; message?: string } }).cause;
		throw new UserFacingError('backup.server-unreachable', 503, fr.backup.serverUnreachable(owner.pid, cause?.code ?? String(caught)));
	}
	const body = Buffer.from(await response.arrayBuffer());
	if (!response.ok)
		throw new UserFacingError('backup.server-refused', 503, fr.backup.serverRefused(response.status, body.toString('utf8')));
	return body;
}

/** A consistent dump of DATA_DIR: asked of the server when one holds it, else taken by opening the folder. */
export async function backupEmbedded(dataDir: string): Promise<{ dump: Buffer; source: BackupSource }> {
	const owner = await dataDirOwner(dataDir);
	if (owner) return { dump: await dumpFromServer(owner), source: 'server' };
	if (!existsSync(path.join(dataDir, 'PG_VERSION'))) throw refusal('no-database', fr.backup.noDatabase(path.resolve(dataDir)));
	const handle = await connectPglite({ dataDir });
	try {
		return { dump: await dumpEmbedded(handle), source: 'closed' };
	} finally {
		await handle.close();
	}
}

/** Runs a PostgreSQL client program; its stderr becomes the French message of a failure. */
function runTool(tool: 'pg_dump' | 'pg_restore' | 'psql', args: string[], password?: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(tool, args, {
			stdio: ['ignore', 'ignore', 'pipe'],
			// The password goes through the environment: a command line is readable by every local user (ps).
			env: password ? { ...process.env, PGPASSWORD: password } : process.env
		});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
		child.once('error', (caught: NodeJS.ErrnoException) =>
			reject(caught.code === 'ENOENT' ? new UserFacingError('backup.tool-missing', 503, fr.backup.toolMissing(tool)) : caught)
		);
		child.once('close', (code) => {
			if (code === 0) resolve();
			else reject(new UserFacingError('backup.tool-failed', 503, fr.backup.toolFailed(tool, stderr.trim() || `code ${code}`)));
		});
	});
}

/** The connection string without its password, and the password apart (see runTool). */
function splitPassword(databaseUrl: string): { url: string; password?: string } {
	try {
		const url = new URL(databaseUrl);
		if (!url.password) return { url: databaseUrl };
		const password = decodeURIComponent(url.password);
		url.password = '';
		return { url: url.toString(), password };
	} catch {
		// A libpq form the URL parser does not read (key=value, an empty host): passed as it is.
		return { url: databaseUrl };
	}
}

/** Writes the backup under a temporary name first, so a file with the final name is always whole; owner-only (it holds personal data). */
async function writeBackupFile(file: string, write: (temporary: string) => Promise<void>): Promise<number> {
	await mkdir(path.dirname(file), { recursive: true });
	const temporary = `${file}.partiel-${process.pid}`;
	try {
		await writeFile(temporary, '', { mode: 0o600 });
		await write(temporary);
		await rename(temporary, file);
	} catch (error) {
		await rm(temporary, { force: true });
		throw error;
	}
	return (await stat(file)).size;
}

function defaultBackupFile(embedded: boolean, now = new Date()): string {
	const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
	return path.join('sauvegardes', `soutenance-${stamp}Z.${embedded ? 'sql.gz' : 'dump'}`);
}

export interface BackupReport {
	file: string;
	bytes: number;
	source: BackupSource;
}

/** `npm run backup [file]`: DATABASE_URL through pg_dump, else the embedded database of DATA_DIR. */
export async function backup(env: NodeJS.ProcessEnv, requestedFile?: string): Promise<BackupReport> {
	if (env.DATABASE_URL) {
		const file = requestedFile ?? defaultBackupFile(false);
		const { url, password } = splitPassword(env.DATABASE_URL);
		const bytes = await writeBackupFile(file, (temporary) =>
			runTool('pg_dump', ['--format=custom', `--file=${temporary}`, `--dbname=${url}`], password)
		);
		return { file, bytes, source: 'pgDump' };
	}
	const { dump, source } = await backupEmbedded(dataDirFromEnvironment(env));
	// The server's answer is checked as a restore would check it before it is kept as a backup.
	unpackEmbedded('(réponse du serveur)', await promisify(gunzip)(dump).catch(() => Buffer.alloc(0)));
	const file = requestedFile ?? defaultBackupFile(true);
	return { file, bytes: await writeBackupFile(file, (temporary) => writeFile(temporary, dump)), source };
}

type BackupKind = { kind: 'embedded'; sql: string } | { kind: 'server' };

function unpackEmbedded(file: string, unpacked: Buffer): string {
	const text = unpacked.toString('utf8');
	if (!text.startsWith(EMBEDDED_HEADER)) throw refusal('not-a-backup', fr.backup.notABackup(file));
	if (
		!text
			.trimEnd()
			.split('\n')
			.slice(-3)
			.some((line) => line.startsWith(DUMP_COMPLETE))
	)
		throw refusal('corrupt', fr.backup.corrupt(file, 'la fin du dump manque'));
	return text.slice(EMBEDDED_HEADER.length);
}

/** What a backup file holds, told by its first bytes; an embedded one is unpacked and checked whole. */
export async function readBackupFile(file: string): Promise<BackupKind> {
	let content: Buffer;
	try {
		content = await readFile(file);
	} catch {
		throw refusal('file-missing', fr.backup.fileMissing(file));
	}
	if (content.subarray(0, CUSTOM_FORMAT_MAGIC.length).toString('latin1') === CUSTOM_FORMAT_MAGIC) return { kind: 'server' };
	if (content[0] !== GZIP_MAGIC[0] || content[1] !== GZIP_MAGIC[1]) throw refusal('not-a-backup', fr.backup.notABackup(file));
	let unpacked: Buffer;
	try {
		unpacked = await promisify(gunzip)(content);
	} catch (caught) {
		throw refusal('corrupt', fr.backup.corrupt(file, (caught as Error).message));
	}
	return { kind: 'embedded', sql: unpackEmbedded(file, unpacked) };
}

export interface RestoreReport {
	target: string;
	migrations: string[];
	chain: ChainVerification;
	previous: string | null;
}

/**
 * A restored database is brought up to date (a backup of an older version) and its journal's chain
 * verified. A broken chain is reported, not hidden by refusing the data: it was broken before the
 * backup was taken, and the journal's page shows it too.
 */
async function upToDateAndVerified(db: Database): Promise<{ migrations: string[]; chain: ChainVerification }> {
	const migrations = await migrateToLatest(db);
	return { migrations, chain: await verifyAuditChain(db) };
}

async function loadEmbedded(folder: string, file: string, dump: string) {
	const handle = await connectPglite({ dataDir: folder });
	try {
		try {
			await handle.pglite!.exec(dump);
		} catch (caught) {
			throw refusal('corrupt', fr.backup.corrupt(file, (caught as Error).message));
		}
		// The dump empties search_path (and sets other options) for its session; the app names its tables unqualified.
		await handle.pglite!.exec('reset all');
		return await upToDateAndVerified(handle.db);
	} finally {
		await handle.close();
	}
}

/**
 * Restores into a folder beside DATA_DIR and swaps it in only once it is loaded and migrated: a
 * failure leaves DATA_DIR as it was. A replaced database is kept, renamed, rather than deleted.
 */
async function restoreEmbedded(file: string, dump: string, dataDir: string, force: boolean): Promise<RestoreReport> {
	const target = path.resolve(dataDir);
	const lock = await lockDataDir(target).catch(async (caught) => {
		const owner = await dataDirOwner(target);
		throw owner ? refusal('server-running', fr.backup.serverRunning(target, owner.pid)) : caught;
	});
	try {
		const entries = (await readdir(target)).filter((name) => name !== LOCK_FILE);
		if (entries.length > 0 && !force) throw refusal('target-not-empty', fr.backup.targetNotEmpty(target));
		const staging = `${target}.restauration-${process.pid}`;
		await rm(staging, { recursive: true, force: true });
		let loaded: Awaited<ReturnType<typeof loadEmbedded>>;
		try {
			loaded = await loadEmbedded(staging, file, dump);
		} catch (error) {
			await rm(staging, { recursive: true, force: true });
			throw error;
		}
		let previous: string | null = null;
		if (entries.length > 0) {
			previous = `${target}.avant-restauration-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}Z`;
			await rename(target, previous);
			await unlink(path.join(previous, LOCK_FILE)).catch(() => {});
		} else {
			await rm(target, { recursive: true, force: true });
		}
		await rename(staging, target);
		return { target, previous, ...loaded };
	} finally {
		await lock.release();
	}
}

/**
 * pg_restore writes the dump as SQL (reading it whole: a damaged or truncated file fails here, before
 * anything is touched), then psql plays it in one transaction, after emptying the schema when --force
 * replaces a database: a failure leaves the database as it was. Objects keep the owners of the dump.
 */
async function restoreServer(file: string, databaseUrl: string, force: boolean): Promise<RestoreReport> {
	const { url, password } = splitPassword(databaseUrl);
	const script = `${file}.restauration-${process.pid}.sql`;
	try {
		await writeFile(script, '', { mode: 0o600 });
		await runTool('pg_restore', [`--file=${script}`, file]).catch((caught) => {
			throw caught instanceof UserFacingError && caught.code === 'backup.tool-failed'
				? refusal('corrupt', fr.backup.corrupt(file, caught.message))
				: caught;
		});
		const handle = connectPostgres(databaseUrl, 1);
		let target: string;
		let holdsData: boolean;
		try {
			const state = await sql<{ name: string; others: number; tables: number }>`
				select current_database() as name,
					(select count(*)::int from pg_stat_activity
						where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()) as others,
					(select count(*)::int from pg_tables where schemaname = 'public') as tables`.execute(handle.db);
			const { name, others, tables } = state.rows[0];
			if (others > 0) throw refusal('database-in-use', fr.backup.databaseInUse(others));
			if (tables > 0 && !force) throw refusal('target-not-empty', fr.backup.targetNotEmpty(`La base ${name}`));
			target = `la base ${name}`;
			holdsData = tables > 0;
		} finally {
			await handle.close();
		}
		// PostgreSQL 15's own state of the public schema, which pg_dump leaves out when it was not changed.
		const emptySchema = [
			'drop schema public cascade',
			'create schema public',
			'alter schema public owner to pg_database_owner',
			'grant usage on schema public to public'
		].join('; ');
		await runTool(
			'psql',
			[
				'--no-psqlrc',
				'--quiet',
				'--set=ON_ERROR_STOP=1',
				'--single-transaction',
				...(holdsData ? [`--command=${emptySchema}`] : []),
				`--file=${script}`,
				`--dbname=${url}`
			],
			password
		);
		const restored = connectPostgres(databaseUrl, 1);
		try {
			return { target, previous: null, ...(await upToDateAndVerified(restored.db)) };
		} finally {
			await restored.close();
		}
	} finally {
		await rm(script, { force: true });
	}
}

/** `npm run restore <file> [--force]`: into DATABASE_URL when set, else into DATA_DIR. */
export async function restore(env: NodeJS.ProcessEnv, file: string, options: { force: boolean }): Promise<RestoreReport> {
	const content = await readBackupFile(file);
	if (env.DATABASE_URL) {
		if (content.kind === 'embedded') throw refusal('wrong-kind', fr.backup.embeddedDumpForServer(file));
		return restoreServer(file, env.DATABASE_URL, options.force);
	}
	if (content.kind === 'server') throw refusal('wrong-kind', fr.backup.serverDumpForEmbedded(file));
	return restoreEmbedded(file, content.sql, dataDirFromEnvironment(env), options.force);
}
