// Regenerates src/lib/server/db/schema.ts from the migrated schema of a scratch PostgreSQL database.
import { execFileSync } from 'node:child_process';
import { migratedScratchDatabase } from './scratch-database';

const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scratch = await migratedScratchDatabase(adminUrl, 'soutenance_codegen', 1);
// PostgreSQL reports every column of a view as nullable; these are not null in the tables they come from.
const viewColumns = {
	...Object.fromEntries(['id', 'session_id', 'status', 'jury_id'].map((column) => [`live_defenses.${column}`, 'string'])),
	'live_defenses.starts_at': 'Timestamp',
	'live_defenses.ends_at': 'Timestamp',
	'live_jury_members.jury_id': 'string',
	'live_jury_members.juror_id': 'string'
};
try {
	execFileSync(
		'npx',
		[
			'kysely-codegen',
			'--dialect',
			'postgres',
			'--url',
			scratch.databaseUrl,
			'--out-file',
			'src/lib/server/db/schema.ts',
			'--exclude-pattern',
			'kysely_*',
			'--date-parser',
			'string',
			'--overrides',
			JSON.stringify({ columns: viewColumns }),
			...process.argv.slice(2)
		],
		{ stdio: 'inherit' }
	);
} finally {
	await scratch.drop();
}
