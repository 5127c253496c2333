import { sql } from 'kysely';
import type { Database } from './connect';

// The journal is append-only for the application's role: it may read and add rows, never change,
// delete or empty them, nor alter the table or its triggers (only the owner may, and it is another
// role). The chain's head row is locked and moved by every append, so that role updates it too: a
// head set by hand only makes the next row break the chain.
const JOURNAL = 'audit_log';
const JOURNAL_HEAD = 'audit_head';
// Score saves wait there for the chainer: added, read and marked chained, never changed otherwise.
const SCORE_JOURNAL = 'score_journal';
const MIGRATIONS = /^kysely_/;

/** The role a connection logs in as. */
export async function currentRole(db: Database): Promise<string> {
	return (await sql<{ role: string }>`select current_user as role`.execute(db)).rows[0].role;
}

/**
 * Run as the tables' owner after migrating, at every start: the application's role gets what the
 * app needs on every table (a table added by a later migration too), and only INSERT and SELECT on
 * the journal.
 */
export async function grantApplicationRole(owner: Database, role: string): Promise<void> {
	const tables = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(owner);
	const views = await sql<{ name: string }>`select viewname as name from pg_views where schemaname = 'public'`.execute(owner);
	const to = sql.id(role);
	await owner.transaction().execute(async (trx) => {
		await sql`grant usage on schema public to ${to}`.execute(trx);
		await sql`revoke all on all tables in schema public from ${to}`.execute(trx);
		await sql`revoke all on all sequences in schema public from ${to}`.execute(trx);
		// nextval for the ids; not UPDATE, which would let the role move a sequence back (setval).
		await sql`grant usage on all sequences in schema public to ${to}`.execute(trx);
		for (const { name } of tables.rows) {
			const table = sql.id(name);
			if (MIGRATIONS.test(name)) await sql`grant select on ${table} to ${to}`.execute(trx);
			else if (name === JOURNAL) await sql`grant select, insert on ${table} to ${to}`.execute(trx);
			else if (name === JOURNAL_HEAD) await sql`grant select, insert, update on ${table} to ${to}`.execute(trx);
			else if (name === SCORE_JOURNAL) await sql`grant select, insert, update (chained_at) on ${table} to ${to}`.execute(trx);
			else await sql`grant select, insert, update, delete on ${table} to ${to}`.execute(trx);
		}
		for (const { name } of views.rows) await sql`grant select on ${sql.id(name)} to ${to}`.execute(trx);
	});
}
