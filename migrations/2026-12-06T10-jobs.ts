import { sql, type Kysely } from 'kysely';

// Heavy work (imports, publications) runs as jobs on the database, outside the request that asks
// for it. A job is claimed for a lease by one server instance (claimed_by, claimed_until), as the
// outbox's messages are: several instances share the queue, and a job whose instance died is taken
// over once its lease ends. `done` counts the items written; it moves in the same transaction as
// each batch, so a job taken over goes on from the first item not written, never twice.
// `failures` lists the items refused one by one (a line of a file, with its message), `counts`
// what the batches counted (accounts created), `result` what the job ends with. An outbox message
// queued by a job names it, so the job's page counts its messages sent.
// A migration sees the schema as it was then, not the generated types of today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of [
		`create table jobs (
				id uuid primary key default gen_random_uuid(),
				kind text not null,
				session_id uuid not null references exam_sessions (id) on delete cascade,
				actor_id uuid references users (id) on delete set null,
				payload jsonb not null,
				total integer not null check (total >= 0),
				done integer not null default 0 check (done >= 0 and done <= total),
				failures jsonb not null default '[]',
				counts jsonb not null default '{}',
				result jsonb,
				status text not null default 'pending' check (status in ('pending', 'done', 'failed')),
				error text,
				attempts integer not null default 0,
				claimed_by text,
				claimed_until timestamptz,
				created_at timestamptz not null default now(),
				finished_at timestamptz
			)`,
		`create index jobs_pending on jobs (created_at) where status = 'pending'`,
		`create index jobs_session on jobs (session_id, created_at)`,
		`alter table outbox add column job_id uuid references jobs (id) on delete set null`,
		`create index outbox_job on outbox (job_id) where job_id is not null`
	]) {
		await sql.raw(statement).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are append-only and are never rolled back.');
}
