import { sql } from 'kysely';
import type { JurorProfile } from '$lib/domain/people/juror-profile';
import type { Executor } from '../db/transaction';

export interface SessionJurorRow extends JurorProfile {
	id: string;
	name: string;
	email: string;
	active: boolean;
	invitationPending: boolean;
	/** Labels of the session's juries this juror sits in. */
	juries: string[];
}

/** The jurors of a session with their profile (defaults when a profile row is missing). */
export async function listSessionJurors(db: Executor, sessionId: string, jurorId?: string): Promise<SessionJurorRow[]> {
	let query = db
		.selectFrom('session_jurors')
		.innerJoin('users', 'users.id', 'session_jurors.juror_id')
		.leftJoin('juror_profiles', 'juror_profiles.user_id', 'users.id')
		.select((eb) => [
			'users.id',
			'users.display_name as name',
			'users.email',
			'users.active',
			sql<boolean>`users.password_hash is null`.as('invitationPending'),
			'juror_profiles.company',
			sql<string[]>`coalesce(juror_profiles.expertise, '[]'::jsonb)`.as('expertise'),
			sql<boolean>`coalesce(juror_profiles.external, true)`.as('external'),
			sql<boolean>`coalesce(juror_profiles.president_eligible, false)`.as('presidentEligible'),
			eb
				.selectFrom('jury_members')
				.innerJoin('juries', 'juries.id', 'jury_members.jury_id')
				.select(sql<string[]>`coalesce(array_agg(juries.label order by juries.label), '{}')`.as('labels'))
				.whereRef('jury_members.juror_id', '=', 'users.id')
				.where('juries.session_id', '=', sessionId)
				.as('juries')
		])
		.where('session_jurors.session_id', '=', sessionId)
		.orderBy('users.display_name');
	if (jurorId) query = query.where('users.id', '=', jurorId);
	const rows = await query.execute();
	return rows.map((row) => ({ ...row, juries: row.juries ?? [] }));
}

/** Active juror accounts not yet serving in the session, to add them without a new invitation. */
export async function listJurorAccountsOutside(db: Executor, sessionId: string) {
	return db
		.selectFrom('users')
		.select(['id', 'display_name as name', 'email'])
		.where('role', '=', 'juror')
		.where('active', '=', true)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('session_jurors')
						.select('juror_id')
						.whereRef('session_jurors.juror_id', '=', 'users.id')
						.where('session_jurors.session_id', '=', sessionId)
				)
			)
		)
		.orderBy('display_name')
		.execute();
}

export async function isSessionJuror(db: Executor, sessionId: string, jurorId: string): Promise<boolean> {
	const row = await db
		.selectFrom('session_jurors')
		.select('juror_id')
		.where('session_id', '=', sessionId)
		.where('juror_id', '=', jurorId)
		.executeTakeFirst();
	return row !== undefined;
}

export async function linkJurorToSession(db: Executor, sessionId: string, jurorId: string) {
	await db.insertInto('session_jurors').values({ session_id: sessionId, juror_id: jurorId }).execute();
}

export async function unlinkJurorFromSession(db: Executor, sessionId: string, jurorId: string) {
	await db.deleteFrom('session_jurors').where('session_id', '=', sessionId).where('juror_id', '=', jurorId).execute();
}

/** Creates the profile, or keeps the existing one when `overwrite` is false (adding a known juror). */
export async function saveJurorProfile(db: Executor, userId: string, profile: JurorProfile, overwrite = true) {
	const values = {
		company: profile.company,
		expertise: JSON.stringify(profile.expertise),
		external: profile.external,
		president_eligible: profile.presidentEligible
	};
	await db
		.insertInto('juror_profiles')
		.values({ user_id: userId, ...values })
		.onConflict((conflict) => (overwrite ? conflict.column('user_id').doUpdateSet(values) : conflict.column('user_id').doNothing()))
		.execute();
}

export interface UnavailabilityRow {
	id: string;
	start: Date;
	end: Date;
	label: string | null;
}

export async function listUnavailability(db: Executor, userId: string): Promise<UnavailabilityRow[]> {
	return db
		.selectFrom('unavailability')
		.select(['id', 'starts_at as start', 'ends_at as end', 'label'])
		.where('user_id', '=', userId)
		.orderBy('starts_at')
		.execute();
}

export async function insertUnavailability(db: Executor, userId: string, range: { start: string; end: string; label: string | null }) {
	return db
		.insertInto('unavailability')
		.values({ user_id: userId, starts_at: range.start, ends_at: range.end, label: range.label })
		.returning('id')
		.executeTakeFirstOrThrow();
}

export async function deleteUnavailability(db: Executor, userId: string, id: string) {
	return db
		.deleteFrom('unavailability')
		.where('id', '=', id)
		.where('user_id', '=', userId)
		.returning(['starts_at', 'ends_at', 'label'])
		.executeTakeFirst();
}

/** Declared conflicts of a juror with the candidates of one session. */
export async function listJurorConflicts(db: Executor, sessionId: string, jurorId: string) {
	return db
		.selectFrom('conflicts')
		.innerJoin('registrations', (join) =>
			join.onRef('registrations.candidate_id', '=', 'conflicts.candidate_id').on('registrations.session_id', '=', sessionId)
		)
		.innerJoin('users', 'users.id', 'conflicts.candidate_id')
		.select(['conflicts.candidate_id as candidateId', 'users.display_name as candidateName', 'conflicts.reason'])
		.where('conflicts.juror_id', '=', jurorId)
		.orderBy('users.display_name')
		.execute();
}

/** Declared conflicts between the session's jurors and its candidates. */
export async function listSessionConflicts(db: Executor, sessionId: string) {
	return db
		.selectFrom('conflicts')
		.innerJoin('registrations', (join) =>
			join.onRef('registrations.candidate_id', '=', 'conflicts.candidate_id').on('registrations.session_id', '=', sessionId)
		)
		.innerJoin('session_jurors', (join) =>
			join.onRef('session_jurors.juror_id', '=', 'conflicts.juror_id').on('session_jurors.session_id', '=', sessionId)
		)
		.select(['conflicts.juror_id as jurorId', 'conflicts.candidate_id as candidateId', 'conflicts.reason'])
		.execute();
}

export async function findConflict(db: Executor, jurorId: string, candidateId: string) {
	return db
		.selectFrom('conflicts')
		.select('reason')
		.where('juror_id', '=', jurorId)
		.where('candidate_id', '=', candidateId)
		.executeTakeFirst();
}

export async function insertConflict(db: Executor, conflict: { jurorId: string; candidateId: string; reason: string }) {
	await db
		.insertInto('conflicts')
		.values({ juror_id: conflict.jurorId, candidate_id: conflict.candidateId, reason: conflict.reason })
		.execute();
}

export async function deleteConflict(db: Executor, jurorId: string, candidateId: string) {
	await db.deleteFrom('conflicts').where('juror_id', '=', jurorId).where('candidate_id', '=', candidateId).execute();
}
