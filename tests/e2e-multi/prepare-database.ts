// A fresh PostgreSQL database holding the demo, shared by the two app instances of this suite.
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { MULTI_DATABASE, multiDatabaseUrl, serverUrl } from './settings';

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`drop database if exists ${MULTI_DATABASE} with (force)`);
await admin.query(`create database ${MULTI_DATABASE}`);
await admin.end();
execFileSync('npx', ['tsx', 'scripts/demo.ts', 'seed'], {
	stdio: ['ignore', 'ignore', 'inherit'],
	env: { ...process.env, DATABASE_URL: multiDatabaseUrl }
});
