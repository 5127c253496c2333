import { sql, type Kysely } from 'kysely';

// Jurors' scoring grids. One sheet per (defense, juror, candidate): a team defense gives each
// juror one sheet per candidate. Each field of an entry keeps the clock of the change that last
// wrote it ("<client time, zero-padded>:<change id>", compared byte-wise), so the newest change
// per field wins whatever order the changes arrive in; applied_changes remembers every change id
// so a change replayed by a tablet's outbox is applied once.
// A migration sees the schema as it was then, not the generated types of today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of [
		`create table score_sheets (
				id uuid primary key default gen_random_uuid(),
				defense_id uuid not null references defenses (id) on delete cascade,
				juror_id uuid not null references users (id) on delete cascade,
				candidate_id uuid not null references users (id) on delete cascade,
				created_at timestamptz not null default now(),
				submitted_at timestamptz,
				reopened_at timestamptz,
				unique (defense_id, juror_id, candidate_id)
			)`,
		`create index score_sheets_juror on score_sheets (juror_id)`,
		`create table score_entries (
				sheet_id uuid not null references score_sheets (id) on delete cascade,
				competency_code text not null,
				level smallint,
				level_clock text collate "C",
				criteria jsonb not null default '[]'::jsonb,
				criteria_clock text collate "C",
				comment text not null default '',
				comment_clock text collate "C",
				updated_at timestamptz not null default now(),
				client_change_id uuid,
				primary key (sheet_id, competency_code)
			)`,
		`create table scoring_notes (
				defense_id uuid not null references defenses (id) on delete cascade,
				juror_id uuid not null references users (id) on delete cascade,
				body text not null default '',
				body_clock text collate "C",
				updated_at timestamptz not null default now(),
				primary key (defense_id, juror_id)
			)`,
		`create table applied_changes (
				change_id uuid primary key,
				juror_id uuid not null references users (id) on delete cascade,
				defense_id uuid not null references defenses (id) on delete cascade,
				applied_at timestamptz not null default now()
			)`,
		`create table score_reopenings (
				id uuid primary key default gen_random_uuid(),
				defense_id uuid not null references defenses (id) on delete cascade,
				juror_id uuid not null references users (id) on delete cascade,
				reopened_by uuid not null references users (id),
				reason text not null check (length(trim(reason)) > 0),
				reopened_at timestamptz not null default now()
			)`,
		`create index score_reopenings_defense on score_reopenings (defense_id, reopened_at)`
	]) {
		await sql.raw(statement).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are append-only and are never rolled back.');
}
