import { sql, type Kysely } from 'kysely';

// Deliberation and certification. The jury's decisions per candidate (each competency of the
// defended block, then the block), the procès-verbal of each jury in versions (a correction is a
// new version citing the previous one's hash) with its members' signatures, the results of the
// other blocks imported or entered by the coordination, the certification decisions (appended,
// so their history stays) and the publication of a session's results.
// A migration sees the schema as it was then, not the generated types of today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of [
		`create table deliberation_decisions (
				defense_id uuid not null references defenses (id) on delete cascade,
				candidate_id uuid not null references users (id) on delete cascade,
				kind text not null check (kind in ('competency', 'block')),
				code text not null,
				consolidated_level smallint,
				proposed boolean not null,
				decided boolean not null,
				justification text,
				decided_by uuid not null references users (id),
				decided_at timestamptz not null default now(),
				primary key (defense_id, candidate_id, code),
				check (decided = proposed or length(trim(coalesce(justification, ''))) > 0)
			)`,
		`create index deliberation_decisions_candidate on deliberation_decisions (candidate_id)`,
		`create table pv_versions (
				id uuid primary key default gen_random_uuid(),
				jury_id uuid not null references juries (id) on delete cascade,
				version integer not null check (version > 0),
				previous_sha256 text,
				correction_reason text,
				created_by uuid references users (id),
				created_at timestamptz not null default now(),
				content jsonb,
				content_sha256 text,
				pdf bytea,
				sha256 text,
				locked_at timestamptz,
				unique (jury_id, version),
				check ((locked_at is null) = (pdf is null) and (pdf is null) = (sha256 is null)),
				check (version = 1 or previous_sha256 is not null)
			)`,
		// At most one version of a jury's record is open for signature at a time.
		`create unique index pv_versions_one_open on pv_versions (jury_id) where locked_at is null`,
		`create table pv_signatures (
				pv_id uuid not null references pv_versions (id) on delete cascade,
				juror_id uuid not null references users (id),
				content_sha256 text not null,
				signed_at timestamptz not null default now(),
				primary key (pv_id, juror_id)
			)`,
		`create table block_results (
				id uuid primary key default gen_random_uuid(),
				session_id uuid not null references exam_sessions (id) on delete cascade,
				candidate_id uuid not null references users (id) on delete cascade,
				block_code text not null,
				validated boolean not null,
				obtained_on date,
				origin text not null default '',
				source text not null check (source in ('import', 'manual', 'demo')),
				recorded_by uuid references users (id),
				recorded_at timestamptz not null default now(),
				unique (session_id, candidate_id, block_code)
			)`,
		`create index block_results_candidate on block_results (candidate_id)`,
		`create table certification_decisions (
				id uuid primary key default gen_random_uuid(),
				session_id uuid not null references exam_sessions (id) on delete cascade,
				candidate_id uuid not null references users (id) on delete cascade,
				outcome text not null check (outcome in ('titre', 'partielle', 'non_admis', 'absent')),
				validated_blocks jsonb not null default '[]'::jsonb,
				blocks jsonb not null default '[]'::jsonb,
				reasons jsonb not null default '[]'::jsonb,
				cause text not null,
				decided_by uuid references users (id),
				decided_at timestamptz not null default now()
			)`,
		`create index certification_decisions_candidate on certification_decisions (session_id, candidate_id, decided_at)`,
		`create table results_publications (
				session_id uuid primary key references exam_sessions (id) on delete cascade,
				published_at timestamptz not null default now(),
				published_by uuid references users (id),
				appeal_until date not null
			)`
	]) {
		await sql.raw(statement).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are append-only and are never rolled back.');
}
