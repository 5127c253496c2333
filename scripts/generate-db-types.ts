// Regenerates src/lib/server/db/schema.ts from the migrated schema of a scratch PostgreSQL database.
import { execFileSync } from 'node:child_process';
import { migratedScratchDatabase } from './scratch-database';

const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scratch = await migratedScratchDatabase(adminUrl, 'soutenance_codegen', 1);
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
			...process.argv.slice(2)
		],
		{ stdio: 'inherit' }
	);
} finally {
	await scratch.drop();
}
