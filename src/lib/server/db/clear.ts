import { sql } from 'kysely';
import type { Database } from './connect';

/** Removes every row the app owns, keeping the schema and the référentiels (`npm run demo:reset`). */
export async function clearAllData(db: Database): Promise<void> {
	const tables = await sql<{ tablename: string }>`
		select tablename from pg_tables
		where schemaname = 'public' and tablename not like 'kysely_%' and tablename <> 'referentiels'`.execute(db);
	if (tables.rows.length === 0) return;
	await sql.raw(`truncate ${tables.rows.map((row) => `"${row.tablename}"`).join(', ')} restart identity cascade`).execute(db);
}
