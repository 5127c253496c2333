import { sql, type Kysely } from 'kysely';

// The outbox becomes a queue that several server instances drain together: a message is claimed
// for a lease by one instance (claimed_by, claimed_until), sent with a Message-ID fixed when it
// was queued, retried with backoff (attempts, next_attempt_at) and given up after too many
// failures or a permanent refusal (failed_at). last_response keeps the SMTP server's last answer,
// success or failure (what `error` held for failures only).
// Forgotten-password requests are recorded as they come, whatever the address, and turned into a
// reset mail (or nothing) by the same background worker, so the request does the same work for
// an account and for an unknown address.
// A migration sees the schema as it was then, not the generated types of today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of [
		`alter table outbox rename column error to last_response`,
		`alter table outbox add column message_id text`,
		`update outbox set message_id = '<' || id || '@soutenance.invalid>'`,
		`alter table outbox alter column message_id set not null`,
		`alter table outbox add constraint outbox_message_id unique (message_id)`,
		`alter table outbox add column attempts integer not null default 0`,
		`alter table outbox add column next_attempt_at timestamptz not null default now()`,
		`alter table outbox add column claimed_by text`,
		`alter table outbox add column claimed_until timestamptz`,
		`alter table outbox add column failed_at timestamptz`,
		`create index outbox_due on outbox (next_attempt_at) where sent_at is null and failed_at is null`,
		`create table password_reset_requests (
				id uuid primary key default gen_random_uuid(),
				email text not null,
				origin text not null,
				requested_at timestamptz not null default now()
			)`
	]) {
		await sql.raw(statement).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are append-only and are never rolled back.');
}
