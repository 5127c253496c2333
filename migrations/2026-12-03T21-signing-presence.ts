import { sql, type Kysely } from 'kysely';

// A signature must prove that the member is there, not only that someone knows the password: a
// coordinator can have a reset link sent and read it where mail is not delivered. So the moment a
// password was last set through a reset link is kept, and where mail is delivered a one-time code
// goes to the member's own mailbox at signing time (kept as a hash, for ten minutes, used once).
// A migration sees the schema as it was then, not the generated types of today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of [
		`alter table users add column password_reset_at timestamptz`,
		`create table signing_codes (
				id text primary key,
				user_id uuid not null references users (id) on delete cascade,
				jury_id uuid not null references juries (id) on delete cascade,
				created_at timestamptz not null default now(),
				expires_at timestamptz not null,
				used_at timestamptz
			)`,
		`create index signing_codes_user on signing_codes (user_id, jury_id, created_at)`
	]) {
		await sql.raw(statement).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are append-only and are never rolled back.');
}
