import { sql, type Kysely } from 'kysely';

// What the procès-verbal must record beside the decisions: the arrangements granted to a candidate
// other than extra time (free text the coordinator enters or imports, kept with the extra time on
// the candidate's profile), and the candidate's number in the session, shown instead of the name
// in the deliberation view when the session deliberates on anonymised files. The number is the
// order of registration in the session: given once, by a trigger, and never reused or renumbered
// (a removed candidate's number stays unused), so a number read on a file or a screen always
// names the same candidate.
// A migration sees the schema as it was then, not the generated types of today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of [
		`alter table candidate_profiles add column other_arrangements text
				check (other_arrangements is null or length(other_arrangements) between 1 and 1000)`,
		`alter table exam_sessions add column anonymous_deliberation boolean not null default false`,
		`alter table registrations add column number integer check (number > 0)`,
		`update registrations set number = numbered.number
			from (
				select registrations.session_id, registrations.candidate_id,
					row_number() over (partition by registrations.session_id order by users.created_at, users.display_name, users.id) as number
				from registrations join users on users.id = registrations.candidate_id
			) numbered
			where numbered.session_id = registrations.session_id and numbered.candidate_id = registrations.candidate_id`,
		`alter table registrations alter column number set not null`,
		// Whatever an insert says, the trigger below gives the number (the default only tells the types it need not be given).
		`alter table registrations alter column number set default 0`,
		`create unique index registrations_number on registrations (session_id, number)`,
		// The session row counts the numbers given: the update locks it, so two registrations at once queue up.
		`alter table exam_sessions add column candidate_numbers integer not null default 0`,
		`update exam_sessions set candidate_numbers = coalesce((select max(number) from registrations where session_id = exam_sessions.id), 0)`,
		`create function registrations_number() returns trigger language plpgsql as $$
			begin
				update exam_sessions set candidate_numbers = candidate_numbers + 1 where id = new.session_id
					returning candidate_numbers into new.number;
				return new;
			end $$`,
		`create trigger registrations_number before insert on registrations for each row execute function registrations_number()`
	]) {
		await sql.raw(statement).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are append-only and are never rolled back.');
}
