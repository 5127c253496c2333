import { sql, type Kysely } from 'kysely';

// A run carries the instance that solves it and that instance's last sign of life: a run whose
// heartbeat stopped belongs to a server that stopped, and is failed at once instead of blocking
// « Planifier » until it is old.
// A migration sees the schema as it was then, not the generated types of today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of [
		`alter table planning_runs add column instance_id text`,
		`alter table planning_runs add column heartbeat_at timestamptz not null default now()`
	]) {
		await sql.raw(statement).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are append-only and are never rolled back.');
}
