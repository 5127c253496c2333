import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { connectPglite, connectPostgres, type Database, type DatabaseHandle } from './connect';
import { openBackupChannel } from './backup-channel';
import { backup as takeBackup, restore } from './backup';
import { verifyAuditChain } from '../audit/audit-repository';
import { createUsersWithPassword } from '../auth/account-service';
import { createSession } from '../sessions/session-service';
import { syncReferentiels } from '../referentiel/referentiel-repository';
import { migratedScratchDatabase } from '../../../../scripts/scratch-database';

// npm run backup and npm run restore, run as the commands they are (a second process beside this one),
// on a database holding audit rows written by the use cases.

const ROOT = path.resolve(__dirname, '../../../..');
const HEARTBEAT_MIGRATION = '2026-12-02T10-planning-run-heartbeat';

function command(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
	return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
		execFile(
			process.execPath,
			['--import', 'tsx', `scripts/${script}.ts`, ...args],
			{ cwd: ROOT, env: { ...process.env, DATABASE_URL: '', ...env } },
			(error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
		)
	);
}

async function seed(db: Database): Promise<void> {
	const [coordinatorId] = await createUsersWithPassword(
		db,
		null,
		[
			{ email: 'coordination@exemple.fr', displayName: 'Coordination', role: 'coordinator' },
			{ email: 'jure@exemple.fr', displayName: 'Juré Un', role: 'juror' }
		],
		'un mot de passe assez long'
	);
	for (const name of ['Session de juin', 'Session de décembre']) {
		await createSession(db, coordinatorId, {
			name,
			referentielId: 'rncp35288-v1',
			presentationMinutes: '10',
			questionsMinutes: '10',
			deliberationMinutes: '5',
			changeoverMinutes: '5',
			extraMinutesPerTeamMember: '10',
			timezone: 'Europe/Paris',
			place: 'Paris'
		});
	}
}

async function rowCounts(db: Database): Promise<Record<string, number>> {
	const tables = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' order by 1`.execute(db);
	const counts: Record<string, number> = {};
	for (const { name } of tables.rows) {
		counts[name] = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db)).rows[0].n;
	}
	return counts;
}

/** Takes the last migration back out, as a database of the previous version would be. */
async function asPreviousVersion(db: Database): Promise<void> {
	await sql`alter table planning_runs drop column instance_id, drop column heartbeat_at`.execute(db);
	await sql`delete from kysely_migration where name = ${HEARTBEAT_MIGRATION}`.execute(db);
}

// Each command is a new process opening PGlite (a restore runs initdb): minutes on a loaded two-core machine, seconds on a quiet one.
const SLOW = { timeout: 180_000 };

// The tests of a describe run in order, each on what the previous one left.
describe.skipIf(process.env.TEST_DRIVER !== 'pglite')('npm run backup and restore, embedded database', SLOW, () => {
	// Created by beforeAll: a skipped describe still runs its body, but not its hooks.
	const folder = path.join(tmpdir(), `soutenance-sauvegarde-integree-${process.pid}`);
	const dataDir = path.join(folder, 'data');
	const whileRunning = path.join(folder, 'en-marche.sql.gz');
	const whileClosed = path.join(folder, 'fermee.sql.gz');
	let original: Record<string, number>;
	let auditRows: number;

	beforeAll(async () => {
		mkdirSync(folder, { recursive: true });
		const handle = await connectPglite({ dataDir, loadDataDir: new Blob([readFileSync(inject('pgliteSnapshot'))]) });
		try {
			await seed(handle.db);
			original = await rowCounts(handle.db);
			auditRows = original.audit_log;
			// The server's own channel, as hooks.server.ts opens it: this process plays the running server.
			const closeChannel = await openBackupChannel(handle, dataDir);
			const backup = await command('backup', [whileRunning], { DATA_DIR: dataDir });
			expect(backup.stderr).toBe('');
			expect(backup.stdout).toContain('copie cohérente prise par le serveur en marche');
			expect(backup.code).toBe(0);
			const restoreWhileRunning = await command('restore', [whileRunning, '--force'], { DATA_DIR: dataDir });
			expect(restoreWhileRunning.stderr).toContain(`Le serveur (processus ${process.pid}) utilise la base intégrée`);
			expect(restoreWhileRunning.code).toBe(1);
			await closeChannel();
			// A write after the dump: pg_dump must have left the server's one session out of its read-only transaction.
			await asPreviousVersion(handle.db);
		} finally {
			await handle.close();
		}
	}, SLOW.timeout);
	afterAll(() => rmSync(folder, { recursive: true, force: true }));

	it('backs up a closed folder by opening it, then restores it into an empty DATA_DIR: migrated, chain intact, same rows', async () => {
		const backup = await command('backup', [whileClosed], { DATA_DIR: dataDir });
		expect(backup.stdout).toContain('base fermée, ouverte par la commande');
		expect(backup.code).toBe(0);

		const target = path.join(folder, 'restauree');
		const restored = await command('restore', [whileClosed], { DATA_DIR: target });
		expect(restored.stderr).toBe('');
		expect(restored.stdout).toContain(`Migrations appliquées : ${HEARTBEAT_MIGRATION}`);
		expect(restored.stdout).toContain(`Journal d’audit : chaîne intacte (${auditRows} lignes vérifiées)`);
		expect(restored.code).toBe(0);

		const handle = await connectPglite({ dataDir: target });
		try {
			expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, rows: auditRows });
			expect(await rowCounts(handle.db)).toEqual(original);
		} finally {
			await handle.close();
		}
	});

	it('replaces a restored database only with --force, by the dump the running server gave, keeping the old one', async () => {
		const target = path.join(folder, 'restauree');
		const refused = await command('restore', [whileRunning], { DATA_DIR: target });
		expect(refused.stderr).toContain('contient déjà des données : rien n’a été modifié. Ajoutez --force');
		expect(refused.code).toBe(1);

		const replaced = await restore({ DATA_DIR: target }, whileRunning, { force: true });
		expect(replaced).toMatchObject({ migrations: [], chain: { ok: true, rows: auditRows } });
		expect(readdirSync(replaced.previous!)).toContain('PG_VERSION');
		const handle = await connectPglite({ dataDir: target });
		try {
			expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, rows: auditRows });
			expect(await rowCounts(handle.db)).toEqual(original);
		} finally {
			await handle.close();
		}
	});

	it('refuses a truncated backup, a file that is not one and a missing file in French, leaving DATA_DIR untouched', async () => {
		const truncated = path.join(folder, 'tronquee.sql.gz');
		writeFileSync(truncated, readFileSync(whileRunning).subarray(0, 4000));
		const other = path.join(folder, 'autre.txt');
		writeFileSync(other, 'ceci n’est pas une sauvegarde');
		const target = path.join(folder, 'intacte');
		const cut = await command('restore', [truncated], { DATA_DIR: target });
		expect(cut.stderr).toContain('est illisible ou tronquée');
		expect(cut.code).toBe(1);
		const refusal = (file: string) =>
			restore({ DATA_DIR: target }, file, { force: true }).then(
				() => 'restaurée',
				(caught: Error) => caught.message
			);
		expect(await refusal(other)).toContain('n’est pas une sauvegarde de Soutenance');
		expect(await refusal(path.join(folder, 'absente.sql.gz'))).toContain('n’existe pas ou n’est pas lisible');
		expect(readdirSync(folder)).not.toContain('intacte');
	});
});

describe.skipIf(process.env.TEST_DRIVER !== 'postgres')('npm run backup and restore, PostgreSQL (pg_dump)', SLOW, () => {
	const serverUrl = process.env.TEST_DATABASE_URL!;
	const folder = path.join(tmpdir(), `soutenance-sauvegarde-postgres-${process.pid}`);
	const dump = path.join(folder, 'base.dump');
	const targetName = `soutenance_backup_target_${process.pid}`;
	let targetUrl: string;
	let source: Awaited<ReturnType<typeof migratedScratchDatabase>>;
	let original: Record<string, number>;
	let admin: pg.Client;

	beforeAll(async () => {
		mkdirSync(folder, { recursive: true });
		const url = new URL(serverUrl);
		url.pathname = `/${targetName}`;
		targetUrl = url.toString();
		source = await migratedScratchDatabase(serverUrl, 'soutenance_backup_source', 2);
		await syncReferentiels(source.db);
		await seed(source.db);
		await asPreviousVersion(source.db);
		admin = new pg.Client({ connectionString: serverUrl });
		await admin.connect();
		await admin.query(`drop database if exists ${targetName} with (force)`);
		await admin.query(`create database ${targetName}`);
	}, SLOW.timeout);
	afterAll(async () => {
		await source?.drop();
		await admin?.query(`drop database if exists ${targetName} with (force)`);
		await admin?.end();
		rmSync(folder, { recursive: true, force: true });
	});

	async function inTarget<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
		const handle = connectPostgres(targetUrl, 1);
		try {
			return await work(handle);
		} finally {
			await handle.close();
		}
	}

	it('dumps a live database with pg_dump and restores it into an empty one: migrated, chain intact, same rows', async () => {
		const before = await rowCounts(source.db);
		const backup = await command('backup', [dump], { DATABASE_URL: source.databaseUrl });
		expect(backup.stderr).toBe('');
		expect(backup.stdout).toContain('pg_dump, instantané cohérent');
		expect(backup.code).toBe(0);

		const restored = await command('restore', [dump], { DATABASE_URL: targetUrl });
		expect(restored.stderr).toBe('');
		expect(restored.stdout).toContain(`Migrations appliquées : ${HEARTBEAT_MIGRATION}`);
		expect(restored.stdout).toContain(`chaîne intacte (${before.audit_log} lignes vérifiées)`);
		expect(restored.code).toBe(0);

		original = { ...before, kysely_migration: before.kysely_migration + 1 };
		await inTarget(async ({ db }) => {
			expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: before.audit_log });
			expect(await rowCounts(db)).toEqual(original);
		});
	});

	it('refuses a non-empty database without --force, a truncated dump and a database in use, leaving it as it was', async () => {
		const truncated = path.join(folder, 'tronquee.dump');
		writeFileSync(truncated, readFileSync(dump).subarray(0, 3000));
		const [refused, cut] = await Promise.all([
			command('restore', [dump], { DATABASE_URL: targetUrl }),
			restore({ DATABASE_URL: targetUrl }, truncated, { force: true }).then(
				() => 'restored',
				(caught: Error) => caught.message
			)
		]);
		expect(refused.stderr).toContain(`La base ${targetName} contient déjà des données : rien n’a été modifié`);
		expect(refused.code).toBe(1);
		expect(cut).toContain('est illisible ou tronquée');
		await inTarget(async ({ db }) => expect(await rowCounts(db)).toEqual(original));
		// A server still connected to the database.
		const inUse = await inTarget(async ({ db }) => {
			await sql`select 1`.execute(db);
			return restore({ DATABASE_URL: targetUrl }, dump, { force: true }).then(
				() => 'restaurée',
				(caught: Error) => caught.message
			);
		});
		expect(inUse).toContain('1 autre connexion à cette base : arrêtez les serveurs Soutenance avant de restaurer');

		const replaced = await restore({ DATABASE_URL: targetUrl }, dump, { force: true });
		expect(replaced.chain).toMatchObject({ ok: true, rows: original.audit_log });
		await inTarget(async ({ db }) => {
			expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: original.audit_log });
			expect(await rowCounts(db)).toEqual(original);
		});
	});

	it('restores a backup whose journal was tampered with before it was taken, and says so: exit 1, the broken row named', async () => {
		const tampered = path.join(folder, 'modifiee.dump');
		await inTarget(async ({ db }) => {
			await sql`alter table audit_log disable trigger user`.execute(db);
			await sql`update audit_log set action = 'session.delete' where id = (select max(id) from audit_log)`.execute(db);
			await sql`alter table audit_log enable trigger user`.execute(db);
		});
		await takeBackup({ DATABASE_URL: targetUrl }, tampered);
		const restored = await command('restore', [tampered, '--force'], { DATABASE_URL: targetUrl });
		expect(restored.stdout).toContain(`Sauvegarde restaurée dans la base ${targetName}.`);
		expect(restored.stderr).toMatch(new RegExp(`chaîne ROMPUE à la ligne \\d+ sur ${original.audit_log} \\(contenu modifié\\)`));
		expect(restored.code).toBe(1);
	});
});
