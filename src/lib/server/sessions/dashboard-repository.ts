import { sql } from 'kysely';
import type { Executor } from '../db/transaction';
import type { SessionProgressCounts } from '../../domain/sessions/dashboard';

interface ProgressRow {
	jurors: string;
	candidates: string;
	placed: string;
	defenses: string;
	published_version: number | null;
	published_at: Date | null;
	planned: string;
	in_progress: string;
	done: string;
	absent: string;
	sheets_expected: string;
	sheets_submitted: string;
	juries_to_deliberate: string;
	juries_signed: string;
	results_published_at: Date | null;
}

/**
 * Every count of the session dashboard but the juries' (formed is the composition rule's to say)
 * in one round trip: one set-based sub-query per step (no
 * query per jury or per defense). Defenses, their juries and members are read as the day runs
 * them (the published plan once there is one: `live_defenses`, `live_jury_members`).
 */
export async function sessionProgressCounts(
	db: Executor,
	sessionId: string
): Promise<Omit<SessionProgressCounts, 'juries' | 'juriesFormed'>> {
	const { rows } = await sql<ProgressRow>`
		select
			(select count(*) from session_jurors where session_id = ${sessionId}) as jurors,
			(select count(*) from registrations where session_id = ${sessionId}) as candidates,
			(select count(distinct defense_candidates.candidate_id)
				from defense_candidates join defenses on defenses.id = defense_candidates.defense_id
				where defenses.session_id = ${sessionId}) as placed,
			(select count(*) from defenses where session_id = ${sessionId}) as defenses,
			(select max(version) from plan_versions where session_id = ${sessionId}) as published_version,
			(select max(published_at) from plan_versions where session_id = ${sessionId}) as published_at,
			(select count(*) from live_defenses where session_id = ${sessionId} and status = 'planned') as planned,
			(select count(*) from live_defenses where session_id = ${sessionId} and status = 'in_progress') as in_progress,
			(select count(*) from live_defenses where session_id = ${sessionId} and status = 'done') as done,
			(select count(*) from live_defenses where session_id = ${sessionId} and status = 'absent') as absent,
			(select count(*)
				from live_defenses
				join defense_candidates on defense_candidates.defense_id = live_defenses.id
				join live_jury_members on live_jury_members.jury_id = live_defenses.jury_id
				where live_defenses.session_id = ${sessionId} and live_defenses.status <> 'absent') as sheets_expected,
			(select count(*)
				from score_sheets join defenses on defenses.id = score_sheets.defense_id
				where defenses.session_id = ${sessionId} and score_sheets.submitted_at is not null) as sheets_submitted,
			(select count(distinct jury_id) from live_defenses where session_id = ${sessionId}) as juries_to_deliberate,
			(select count(distinct pv_versions.jury_id)
				from pv_versions join juries on juries.id = pv_versions.jury_id
				where juries.session_id = ${sessionId} and pv_versions.locked_at is not null) as juries_signed,
			(select published_at from results_publications where session_id = ${sessionId}) as results_published_at
	`.execute(db);
	const row = rows[0];
	const n = (value: string | number | null) => Number(value ?? 0);
	return {
		jurors: n(row.jurors),
		candidates: n(row.candidates),
		placed: n(row.placed),
		defenses: n(row.defenses),
		publishedVersion: row.published_version === null ? 0 : n(row.published_version),
		publishedAt: row.published_at ? new Date(row.published_at) : null,
		status: { planned: n(row.planned), in_progress: n(row.in_progress), done: n(row.done), absent: n(row.absent) },
		sheetsExpected: n(row.sheets_expected),
		sheetsSubmitted: n(row.sheets_submitted),
		juriesToDeliberate: n(row.juries_to_deliberate),
		juriesSigned: n(row.juries_signed),
		resultsPublishedAt: row.results_published_at ? new Date(row.results_published_at) : null
	};
}
