import { sql, type Kysely } from 'kysely';

// The shared timer of each defense (one row, written by the jury's president) and the actual
// length of each phase once it closes. Phase lengths are not stored on the timer: they follow
// from the session's durations and the candidates' extra time, so a timer row is just its state.
// A migration sees the schema as it was then, not the generated types of today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of [
		`create table defense_timers (
				defense_id uuid primary key references defenses (id) on delete cascade,
				phase text not null default 'accueil' check (phase in ('accueil', 'presentation', 'questions', 'deliberation', 'termine')),
				phase_started_at timestamptz,
				paused_at timestamptz,
				accumulated_pause_ms integer not null default 0 check (accumulated_pause_ms >= 0),
				started_at timestamptz,
				updated_at timestamptz not null default now(),
				updated_by uuid references users (id),
				check ((phase = 'accueil') = (phase_started_at is null)),
				check (paused_at is null or phase in ('presentation', 'questions', 'deliberation'))
			)`,
		`create table defense_phase_log (
				id bigint generated always as identity primary key,
				defense_id uuid not null references defenses (id) on delete cascade,
				phase text not null check (phase in ('presentation', 'questions', 'deliberation')),
				started_at timestamptz not null,
				ended_at timestamptz not null,
				planned_seconds integer not null,
				actual_seconds integer not null,
				paused_seconds integer not null default 0,
				recorded_by uuid references users (id),
				check (ended_at >= started_at)
			)`,
		`create index defense_phase_log_defense on defense_phase_log (defense_id, started_at)`
	]) {
		await sql.raw(statement).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are append-only and are never rolled back.');
}
