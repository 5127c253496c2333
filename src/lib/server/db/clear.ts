import { sql } from 'kysely';
import type { Database } from './connect';

/**
 * Removes every row the app owns, keeping the schema and the référentiels (`npm run demo:reset`).
 * The journal refuses TRUNCATE: starting the demo over lifts that for this one transaction, which
 * only the tables' owner may do (with two roles, MIGRATION_DATABASE_URL's).
 */
export async function clearAllData(db: Database): Promise<void> {
	const tables = await sql<{ tablename: string }>`
		select tablename from pg_tables
		where schemaname = 'public' and tablename not like 'kysely_%' and tablename <> 'referentiels'`.execute(db);
	if (tables.rows.length === 0) return;
	await db.transaction().execute(async (trx) => {
		await sql`alter table audit_log disable trigger audit_log_no_truncate`.execute(trx);
		await sql`alter table score_journal disable trigger score_journal_no_truncate`.execute(trx);
		await sql.raw(`truncate ${tables.rows.map((row) => `"${row.tablename}"`).join(', ')} restart identity cascade`).execute(trx);
		await sql`alter table audit_log enable trigger audit_log_no_truncate`.execute(trx);
		await sql`alter table score_journal enable trigger score_journal_no_truncate`.execute(trx);
	});
}
