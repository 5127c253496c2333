// Regenerates src/lib/server/db/schema.ts from the migrated schema of a scratch PostgreSQL database.
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { connectPostgres } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrator';

const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scratch = `soutenance_codegen_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${scratch}`);
const url = new URL(adminUrl);
url.pathname = `/${scratch}`;
try {
	const handle = connectPostgres(url.toString(), 1);
	await migrateToLatest(handle.db);
	await handle.close();
	execFileSync(
		'npx',
		['kysely-codegen', '--dialect', 'postgres', '--url', url.toString(), '--out-file', 'src/lib/server/db/schema.ts', '--exclude-pattern', 'kysely_*', '--date-parser', 'string', ...process.argv.slice(2)],
		{ stdio: 'inherit' }
	);
} finally {
	await admin.query(`drop database if exists ${scratch} with (force)`);
	await admin.end();
}
