import { sql, type Kysely } from 'kysely';

// One row per run of the scheduling engine for a session: its progress while the worker thread
// solves, then its outcome (placed and unplaced candidates with the engine's reasons).
// A migration sees the schema as it was then, not the generated types of today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of [
		`create table planning_runs (
				id uuid primary key default gen_random_uuid(),
				session_id uuid not null references exam_sessions (id) on delete cascade,
				mode text not null check (mode in ('plan', 'reoptimise')),
				status text not null default 'running' check (status in ('running', 'done', 'failed')),
				phase text,
				progress real not null default 0,
				placed integer not null default 0,
				total integer not null default 0,
				started_by uuid references users (id),
				started_at timestamptz not null default now(),
				finished_at timestamptz,
				error text,
				result jsonb
			)`,
		`create index planning_runs_session on planning_runs (session_id, started_at desc)`,
		// At most one run at a time per session.
		`create unique index planning_runs_one_running on planning_runs (session_id) where status = 'running'`
	]) {
		await sql.raw(statement).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are append-only and are never rolled back.');
}
