import { sql, type Kysely } from 'kysely';

// Certification sessions, their days and rooms, jurors and candidates, juries and defenses.
// A migration sees the schema as it was then, not the generated types of today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of [
		`create table exam_sessions (
				id uuid primary key default gen_random_uuid(),
				referentiel_id text not null references referentiels (id),
				block_code text not null default 'BC06',
				name text not null,
				timezone text not null default 'Europe/Paris',
				presentation_minutes integer not null default 10 check (presentation_minutes > 0),
				questions_minutes integer not null default 10 check (questions_minutes between 5 and 10),
				deliberation_minutes integer not null default 5 check (deliberation_minutes >= 0),
				changeover_minutes integer not null default 5 check (changeover_minutes >= 0),
				extra_minutes_per_team_member integer not null default 10 check (extra_minutes_per_team_member >= 0),
				place text,
				created_at timestamptz not null default now()
			)`,
		`create table session_days (
				id uuid primary key default gen_random_uuid(),
				session_id uuid not null references exam_sessions (id) on delete cascade,
				day date not null,
				opens_at text not null check (opens_at ~ '^[0-2][0-9]:[0-5][0-9]$'),
				closes_at text not null check (closes_at ~ '^[0-2][0-9]:[0-5][0-9]$'),
				breaks jsonb not null default '[]'::jsonb,
				unique (session_id, day),
				check (closes_at > opens_at)
			)`,
		`create table rooms (
				id uuid primary key default gen_random_uuid(),
				session_id uuid not null references exam_sessions (id) on delete cascade,
				name text not null,
				remote boolean not null default false,
				video_url text,
				unavailable jsonb not null default '[]'::jsonb,
				unique (session_id, name)
			)`,
		`create table juror_profiles (
				user_id uuid primary key references users (id) on delete cascade,
				company text,
				expertise jsonb not null default '[]'::jsonb,
				external boolean not null default true,
				president_eligible boolean not null default false
			)`,
		`create table candidate_profiles (
				user_id uuid primary key references users (id) on delete cascade,
				cohort text,
				company text,
				timezone text not null default 'Europe/Paris',
				extra_time_percent integer not null default 0 check (extra_time_percent between 0 and 100)
			)`,
		`create table unavailability (
				id uuid primary key default gen_random_uuid(),
				user_id uuid not null references users (id) on delete cascade,
				starts_at timestamptz not null,
				ends_at timestamptz not null,
				label text,
				check (ends_at > starts_at)
			)`,
		`create index unavailability_user on unavailability (user_id)`,
		`create table registrations (
				session_id uuid not null references exam_sessions (id) on delete cascade,
				candidate_id uuid not null references users (id) on delete cascade,
				project_title text not null,
				project_abstract text,
				tags jsonb not null default '[]'::jsonb,
				team text,
				primary key (session_id, candidate_id)
			)`,
		`create table conflicts (
				juror_id uuid not null references users (id) on delete cascade,
				candidate_id uuid not null references users (id) on delete cascade,
				reason text not null,
				primary key (juror_id, candidate_id)
			)`,
		`create table session_jurors (
				session_id uuid not null references exam_sessions (id) on delete cascade,
				juror_id uuid not null references users (id) on delete cascade,
				primary key (session_id, juror_id)
			)`,
		`create table juries (
				id uuid primary key default gen_random_uuid(),
				session_id uuid not null references exam_sessions (id) on delete cascade,
				label text not null,
				room_id uuid references rooms (id) on delete set null,
				president_id uuid references users (id),
				unique (session_id, label)
			)`,
		`create table jury_members (
				jury_id uuid not null references juries (id) on delete cascade,
				juror_id uuid not null references users (id) on delete cascade,
				primary key (jury_id, juror_id)
			)`,
		`create table defenses (
				id uuid primary key default gen_random_uuid(),
				session_id uuid not null references exam_sessions (id) on delete cascade,
				jury_id uuid not null references juries (id) on delete cascade,
				starts_at timestamptz not null,
				ends_at timestamptz not null,
				pinned boolean not null default false,
				status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'absent')),
				check (ends_at > starts_at)
			)`,
		`create index defenses_session on defenses (session_id, starts_at)`,
		`create index defenses_jury on defenses (jury_id, starts_at)`,
		`create table defense_candidates (
				defense_id uuid not null references defenses (id) on delete cascade,
				candidate_id uuid not null references users (id) on delete cascade,
				primary key (defense_id, candidate_id)
			)`,
		`create index defense_candidates_candidate on defense_candidates (candidate_id)`,
		`create table plan_versions (
				id uuid primary key default gen_random_uuid(),
				session_id uuid not null references exam_sessions (id) on delete cascade,
				version integer not null,
				published_at timestamptz not null default now(),
				published_by uuid references users (id),
				schedule jsonb not null,
				unique (session_id, version)
			)`
	]) {
		await sql.raw(statement).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are append-only and are never rolled back.');
}
