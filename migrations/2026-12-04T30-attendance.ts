import { sql, type Kysely } from 'kysely';

// The attendance sheets (« feuilles d'émargement »): each candidate signs their presence on the
// jury's tablet on the day of their defense, and each juror once per half-day (morning or
// afternoon of the session's time zone) for the jury they sit in. A signature is drawn on the
// tablet (kept as the PNG drawn) or, where the tablet cannot draw (no JavaScript), confirmed as
// given on the paper sheet. An absent candidate is the defense's own status, not a row here.
// A migration sees the schema as it was then, not the generated types of today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of [
		`create table attendance_signatures (
				id uuid primary key default gen_random_uuid(),
				jury_id uuid not null references juries (id) on delete cascade,
				day date not null,
				half_day text not null check (half_day in ('morning', 'afternoon')),
				person_id uuid not null references users (id) on delete cascade,
				kind text not null check (kind in ('candidate', 'juror')),
				defense_id uuid references defenses (id) on delete cascade,
				method text not null check (method in ('drawn', 'paper')),
				image bytea check (image is null or length(image) <= 204800),
				signed_at timestamptz not null,
				collected_by uuid references users (id) on delete set null,
				check ((method = 'drawn') = (image is not null)),
				check ((kind = 'candidate') = (defense_id is not null)),
				unique (jury_id, person_id, day, half_day)
			)`,
		`create index attendance_signatures_defense on attendance_signatures (defense_id)`
	]) {
		await sql.raw(statement).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are append-only and are never rolled back.');
}
