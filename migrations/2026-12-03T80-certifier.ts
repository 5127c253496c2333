import { sql, type Kysely } from 'kysely';

// The certifier as its documents show it: its name and logo at the top of every convocation,
// attestation and procès-verbal. One row at most; without it the documents use the référentiel's
// certifier and a drawn mark. The logo is kept as the bytes uploaded (PNG or JPEG, checked).
// A migration sees the schema as it was then, not the generated types of today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of [
		`create table certifier_settings (
				id boolean primary key default true check (id),
				name text not null check (length(name) between 1 and 120),
				logo bytea,
				logo_type text check (logo_type in ('image/png', 'image/jpeg')),
				updated_at timestamptz not null default now(),
				updated_by uuid references users (id) on delete set null,
				check ((logo is null) = (logo_type is null))
			)`
	]) {
		await sql.raw(statement).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are append-only and are never rolled back.');
}
