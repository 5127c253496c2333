// Migrates once per run: a PGlite snapshot and, when TEST_DATABASE_URL is set, a PostgreSQL
// template database. Each test file then starts from a fresh copy (see ./database.ts).
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectPglite, connectPostgres } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { syncReferentiels } from '../../src/lib/server/referentiel/referentiel-repository';
import { closeWaitingForClients } from './pool';

/** One template per run: runs sharing a PostgreSQL server (other worktrees, other CI jobs) never drop each other's. */
const TEMPLATE_DATABASE = `soutenance_test_template_${process.pid}`;

async function preparePgliteSnapshot(): Promise<string> {
	const handle = await connectPglite();
	await migrateToLatest(handle.db);
	await syncReferentiels(handle.db);
	const dump = await handle.pglite!.dumpDataDir('gzip');
	await handle.close();
	const file = path.join(tmpdir(), `soutenance-snapshot-${process.pid}.tar.gz`);
	await writeFile(file, Buffer.from(await dump.arrayBuffer()));
	return file;
}

async function preparePostgresTemplate(serverUrl: string): Promise<() => Promise<void>> {
	const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
	try {
		await admin.connect();
	} catch (error) {
		throw new Error(`PostgreSQL injoignable à ${serverUrl}: ${String(error)}`, { cause: error });
	}
	await admin.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
	await admin.query(`create database ${TEMPLATE_DATABASE}`);
	await admin.end();
	const url = new URL(serverUrl);
	url.pathname = `/${TEMPLATE_DATABASE}`;
	const handle = connectPostgres(url.toString(), 1);
	const close = closeWaitingForClients(handle.pool!, handle.close);
	await migrateToLatest(handle.db);
	await syncReferentiels(handle.db);
	// Every connection closed, or the first copy of the template would find it in use.
	await close();
	return async () => {
		const dropper = new pg.Client({ connectionString: serverUrl });
		await dropper.connect();
		await dropper.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
		await dropper.end();
	};
}

export default async function setup(project: TestProject) {
	const driver = project.config.env.TEST_DRIVER;
	if (driver === 'pglite') project.provide('pgliteSnapshot', await preparePgliteSnapshot());
	if (driver === 'postgres') {
		const dropTemplate = await preparePostgresTemplate(process.env.TEST_DATABASE_URL!);
		project.provide('postgresTemplate', TEMPLATE_DATABASE);
		return dropTemplate;
	}
}

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteSnapshot: string;
		postgresTemplate: string;
	}
}
