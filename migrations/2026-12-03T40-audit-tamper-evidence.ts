import { sql, type Kysely } from 'kysely';

// The journal's row trigger lets TRUNCATE through (it fires per row, TRUNCATE deletes none one by
// one): a statement trigger refuses it, here and through `truncate … cascade` from another table.
// Each signed procès-verbal keeps the journal's head (row id and hash) as it stood when its last
// signature was appended: the PDF prints it, so a chain later shortened or rewritten no longer
// matches a document already handed out.
// The chain's head also lives in one row of its own, which each append updates: the update waits for
// a concurrent append and reads what it wrote, or, in a repeatable-read or serializable transaction
// whose snapshot predates that append, fails with a serialization error that is retried. (An
// advisory lock alone let such a transaction chain its row to a head it could not see: a fork.)
// A migration sees the schema as it was then, not the generated types of today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of [
		`create trigger audit_log_no_truncate before truncate on audit_log
				for each statement execute function audit_log_is_append_only()`,
		`create table audit_head (
				singleton boolean primary key default true check (singleton),
				hash text not null
			)`,
		`insert into audit_head (hash)
				values (coalesce((select hash from audit_log order by id desc limit 1), repeat('0', 64)))`,
		`alter table pv_versions add column audit_anchor_id bigint`,
		`alter table pv_versions add column audit_anchor_hash text`,
		`alter table pv_versions add constraint pv_versions_audit_anchor_whole
				check ((audit_anchor_id is null) = (audit_anchor_hash is null))`
	]) {
		await sql.raw(statement).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are append-only and are never rolled back.');
}
