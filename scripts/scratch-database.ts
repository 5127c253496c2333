// A migrated PostgreSQL database of the script's own on adminUrl's server, dropped by drop().
import pg from 'pg';
import { connectPostgres } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrator';

export async function migratedScratchDatabase(adminUrl: string, prefix: string, poolSize: number) {
	const name = `${prefix}_${process.pid}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const handle = connectPostgres(url.toString(), poolSize);
	const drop = async () => {
		await handle.close();
		await admin.query(`drop database if exists ${name} with (force)`);
		await admin.end();
	};
	try {
		await migrateToLatest(handle.db);
	} catch (error) {
		await drop();
		throw error;
	}
	return { name, db: handle.db, databaseUrl: url.toString(), drop };
}
