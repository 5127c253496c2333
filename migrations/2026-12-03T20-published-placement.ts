import { sql, type Kysely } from 'kysely';

// What jurors, rooms and candidates were told: each defense's jury, room and times, and each jury's
// members, as of the last publication. The planning keeps editing `defenses` and `jury_members`;
// the `live_*` views answer the published placement for a published session and the working one
// before the first publication, so an unpublished move changes nothing for the people of the day.
// Sessions published before this migration are taken as published the way they stand now.
// A migration sees the schema as it was then, not the generated types of today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of [
		`create table published_defenses (
				defense_id uuid primary key references defenses (id) on delete cascade,
				session_id uuid not null references exam_sessions (id) on delete cascade,
				jury_id uuid not null references juries (id) on delete cascade,
				room_id uuid references rooms (id) on delete set null,
				starts_at timestamptz not null,
				ends_at timestamptz not null
			)`,
		`create index published_defenses_session on published_defenses (session_id)`,
		`create index published_defenses_jury on published_defenses (jury_id, starts_at)`,
		`create table published_jury_members (
				session_id uuid not null references exam_sessions (id) on delete cascade,
				jury_id uuid not null references juries (id) on delete cascade,
				juror_id uuid not null references users (id) on delete cascade,
				primary key (jury_id, juror_id)
			)`,
		`create index published_jury_members_juror on published_jury_members (juror_id)`,
		`insert into published_defenses (defense_id, session_id, jury_id, room_id, starts_at, ends_at)
			select defenses.id, defenses.session_id, defenses.jury_id, juries.room_id, defenses.starts_at, defenses.ends_at
			from defenses join juries on juries.id = defenses.jury_id
			where exists (select 1 from plan_versions where plan_versions.session_id = defenses.session_id)`,
		`insert into published_jury_members (session_id, jury_id, juror_id)
			select juries.session_id, jury_members.jury_id, jury_members.juror_id
			from jury_members join juries on juries.id = jury_members.jury_id
			where exists (select 1 from plan_versions where plan_versions.session_id = juries.session_id)`,
		`create view live_defenses as
			select defenses.id, defenses.session_id, defenses.status, published.jury_id, published.room_id,
				published.starts_at, published.ends_at
			from defenses join published_defenses published on published.defense_id = defenses.id
			union all
			select defenses.id, defenses.session_id, defenses.status, defenses.jury_id, juries.room_id,
				defenses.starts_at, defenses.ends_at
			from defenses join juries on juries.id = defenses.jury_id
			where not exists (select 1 from plan_versions where plan_versions.session_id = defenses.session_id)`,
		`create view live_jury_members as
			select jury_id, juror_id from published_jury_members
			union all
			select jury_members.jury_id, jury_members.juror_id
			from jury_members join juries on juries.id = jury_members.jury_id
			where not exists (select 1 from plan_versions where plan_versions.session_id = juries.session_id)`
	]) {
		await sql.raw(statement).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are append-only and are never rolled back.');
}
