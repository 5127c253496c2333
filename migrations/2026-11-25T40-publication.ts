import { sql, type Kysely } from 'kysely';

// A published version also keeps the juries and rooms it was published with, so the next
// publication can tell who is affected (a juror who left a jury, a room whose link changed).
// A migration sees the schema as it was then, not the generated types of today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of [
		`alter table plan_versions add column juries jsonb not null default '[]'::jsonb`,
		`alter table plan_versions add column rooms jsonb not null default '[]'::jsonb`
	]) {
		await sql.raw(statement).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are append-only and are never rolled back.');
}
