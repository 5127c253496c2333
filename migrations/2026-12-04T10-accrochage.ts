import { sql, type Kysely } from 'kysely';

// Declaring holders to the Caisse des Dépôts (« accrochage », docs/cdc-accrochage.md). The
// certifier's identifiers at the CDC beside its name and logo; each person's civil status as the
// declaration needs it (every field may be missing until someone completes it); each declared
// passage with the idTechnique it keeps from one export to the next and the CDC's answer; each
// XML file produced, kept as sent; and the deadline reminders already queued, one per award and deadline.
// A migration sees the schema as it was then, not the generated types of today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const accessModes = `('FORMATION_INITIALE_HORS_APPRENTISSAGE', 'FORMATION_INITIALE_APPRENTISSAGE',
		'FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION', 'FORMATION_CONTINUE_CONTRAT_DE_PROFESSIONNALISATION',
		'VAE', 'EQUIVALENCE', 'CANDIDAT_LIBRE')`;
	for (const statement of [
		`alter table certifier_settings
				add column cdc_client_id text check (cdc_client_id ~ '^[A-Z0-9]{8}$'),
				add column cdc_contract_id text check (length(cdc_contract_id) between 1 and 50),
				add column certification_type text not null default 'RNCP' check (certification_type in ('RNCP', 'RS')),
				add column certification_code text check (certification_code ~ '^(RNCP|RS)[0-9]{1,6}$'),
				add column default_access_mode text check (default_access_mode in ${accessModes})`,
		`create table civil_status (
				user_id uuid primary key references users (id) on delete cascade,
				birth_name text check (length(birth_name) between 1 and 100),
				usage_name text check (length(usage_name) between 1 and 100),
				first_names text check (length(first_names) between 1 and 200),
				birth_date date,
				sex text check (sex in ('M', 'F')),
				birth_commune_code text check (birth_commune_code ~ '^([0-9]{2}|2[AB])[0-9]{3}$'),
				birth_country_code text check (birth_country_code ~ '^99[0-9]{3}$'),
				birth_place_label text check (length(birth_place_label) between 1 and 100),
				access_mode text check (access_mode in ${accessModes}),
				updated_at timestamptz not null default now(),
				updated_by uuid references users (id) on delete set null,
				check (birth_commune_code is null or birth_country_code is null)
			)`,
		`create table cdc_exports (
				id uuid primary key default gen_random_uuid(),
				flux_id text not null unique,
				session_id uuid references exam_sessions (id) on delete set null,
				passages integer not null check (passages > 0),
				xml text not null,
				created_by uuid references users (id) on delete set null,
				created_at timestamptz not null default now()
			)`,
		`create table cdc_passages (
				id uuid primary key default gen_random_uuid(),
				id_technique text not null unique,
				session_id uuid not null references exam_sessions (id) on delete cascade,
				candidate_id uuid not null references users (id) on delete cascade,
				awarded_on date not null,
				status text not null check (status in ('declared', 'accepted', 'rejected')),
				export_id uuid not null references cdc_exports (id),
				receipt_message text,
				answered_at timestamptz,
				unique (session_id, candidate_id)
			)`,
		`create table cdc_reminders (
				session_id uuid not null references exam_sessions (id) on delete cascade,
				candidate_id uuid not null references users (id) on delete cascade,
				deadline date not null,
				sent_at timestamptz not null default now(),
				primary key (session_id, candidate_id, deadline)
			)`
	]) {
		await sql.raw(statement).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are append-only and are never rolled back.');
}
