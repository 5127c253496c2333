import { sql, type Kysely } from 'kysely';

// Every score save is journaled, and autosaves come by the hundred a second: taking the chain's
// head for each would make saves wait for one another. A save writes its row here instead, in its
// own transaction and without any lock; each server's chainer then appends the waiting rows to the
// chain, in order, within a second. A row here is written once: it may only be marked chained.
// A migration sees the schema as it was then, not the generated types of today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of [
		`create table score_journal (
				id bigserial primary key,
				at timestamptz not null default now(),
				actor_id uuid not null references users (id),
				defense_id uuid not null,
				changes jsonb not null,
				chained_at timestamptz
			)`,
		`create index score_journal_waiting on score_journal (id) where chained_at is null`,
		`create function score_journal_written_once() returns trigger language plpgsql as $$
			begin
				if tg_op = 'UPDATE' and old.chained_at is null and new.chained_at is not null
					and (new.id, new.at, new.actor_id, new.defense_id, new.changes)
						is not distinct from (old.id, old.at, old.actor_id, old.defense_id, old.changes) then
					return new;
				end if;
				raise exception 'score_journal rows are written once and only marked chained';
			end
		$$`,
		`create trigger score_journal_written_once before update or delete on score_journal
				for each row execute function score_journal_written_once()`,
		`create trigger score_journal_no_truncate before truncate on score_journal
				for each statement execute function score_journal_written_once()`
	]) {
		await sql.raw(statement).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are append-only and are never rolled back.');
}
