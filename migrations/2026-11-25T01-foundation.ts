import { sql, type Kysely } from 'kysely';

// Accounts, sessions, invitations, throttling, audit trail, outbox and the référentiels.
// A migration sees the schema as it was then, not the generated types of today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of [
		`create table users (
				id uuid primary key default gen_random_uuid(),
				email text not null unique check (email = lower(email)),
				display_name text not null,
				role text not null check (role in ('coordinator', 'juror', 'candidate')),
				password_hash text,
				active boolean not null default true,
				created_at timestamptz not null default now()
			)`,
		`create table auth_sessions (
				id text primary key,
				user_id uuid not null references users (id) on delete cascade,
				created_at timestamptz not null default now(),
				expires_at timestamptz not null
			)`,
		`create index auth_sessions_user on auth_sessions (user_id)`,
		`create table user_tokens (
				id text primary key,
				user_id uuid not null references users (id) on delete cascade,
				purpose text not null check (purpose in ('invitation', 'password_reset')),
				created_at timestamptz not null default now(),
				expires_at timestamptz not null,
				used_at timestamptz
			)`,
		`create index user_tokens_user on user_tokens (user_id)`,
		`create table login_failures (
				id bigserial primary key,
				email text not null,
				ip text not null,
				failed_at timestamptz not null default now()
			)`,
		`create index login_failures_email on login_failures (email, failed_at)`,
		`create index login_failures_ip on login_failures (ip, failed_at)`,
		`create table audit_log (
				id bigserial primary key,
				at timestamptz not null default now(),
				actor_id uuid references users (id),
				action text not null,
				entity text not null,
				entity_id text,
				before jsonb,
				after jsonb,
				previous_hash text not null,
				hash text not null unique
			)`,
		`create table outbox (
				id uuid primary key default gen_random_uuid(),
				created_at timestamptz not null default now(),
				recipient text not null,
				subject text not null,
				text_body text not null,
				html_body text,
				attachments jsonb not null default '[]'::jsonb,
				sent_at timestamptz,
				error text
			)`,
		`create table referentiels (
				id text primary key,
				rncp_code text not null,
				version integer not null,
				title text not null,
				document jsonb not null,
				loaded_at timestamptz not null default now(),
				unique (rncp_code, version)
			)`
	]) {
		await sql.raw(statement).execute(db);
	}

	// Append-only: the audit trail is evidence, so even the application role cannot rewrite it.
	for (const statement of [
		`create function audit_log_is_append_only() returns trigger language plpgsql as $$
			begin
				raise exception 'audit_log is append-only';
			end $$`,
		`create trigger audit_log_no_update before update or delete on audit_log
				for each row execute function audit_log_is_append_only()`
	]) {
		await sql.raw(statement).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are append-only and are never rolled back.');
}
