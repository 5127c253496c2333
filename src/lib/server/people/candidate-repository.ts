import { sql } from 'kysely';
import type { Executor } from '../db/transaction';
import { isUuid } from '../../domain/ids';
import { paginate } from '../../domain/pagination/pagination';

export async function findSession(db: Executor, sessionId: string) {
	if (!isUuid(sessionId)) return undefined;
	return db
		.selectFrom('exam_sessions')
		.select((eb) => ['id', 'name', 'timezone', eb('presentation_minutes', '+', eb.ref('questions_minutes')).as('examMinutes')])
		.where('id', '=', sessionId)
		.executeTakeFirst();
}

export interface CandidateProfileValues {
	cohort: string | null;
	company: string | null;
	timezone: string;
	extraTimePercent: number;
	otherArrangements: string | null;
}

export interface RegistrationValues {
	projectTitle: string;
	projectAbstract: string | null;
	tags: string[];
	team: string | null;
}

/**
 * One page of the session's candidates, teams together then by name, matching `search` (name,
 * e-mail, cohort, company, project, team) when given: the page's rows only, with how many match, how
 * many teams they form, and each row's team size in the whole session.
 */
export async function sessionCandidatePage(db: Executor, sessionId: string, options: { search?: string; page: number }) {
	let matching = db
		.selectFrom('registrations')
		.innerJoin('users', 'users.id', 'registrations.candidate_id')
		.leftJoin('candidate_profiles', 'candidate_profiles.user_id', 'users.id')
		.where('registrations.session_id', '=', sessionId);
	if (options.search) {
		const pattern = `%${options.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
		matching = matching.where((eb) =>
			eb.or([
				eb('users.display_name', 'ilike', pattern),
				eb('users.email', 'ilike', pattern),
				eb('candidate_profiles.cohort', 'ilike', pattern),
				eb('candidate_profiles.company', 'ilike', pattern),
				eb('registrations.project_title', 'ilike', pattern),
				eb('registrations.team', 'ilike', pattern)
			])
		);
	}
	const counts = await matching
		.select((eb) => [eb.fn.countAll<string>().as('total'), eb.fn.count<string>('registrations.team').distinct().as('teams')])
		.executeTakeFirstOrThrow();
	const pagination = paginate(options.page, Number(counts.total));
	const rows = await matching
		.select((eb) => [
			'users.id',
			'users.display_name as displayName',
			'users.email',
			'users.active',
			'candidate_profiles.cohort',
			'candidate_profiles.company',
			'candidate_profiles.timezone',
			'candidate_profiles.extra_time_percent as extraTimePercent',
			'registrations.project_title as projectTitle',
			'registrations.tags',
			'registrations.team',
			eb
				.selectFrom('unavailability')
				.select((u) => u.fn.countAll<string>().as('n'))
				.whereRef('unavailability.user_id', '=', 'users.id')
				.as('unavailabilityCount'),
			eb
				.selectFrom('registrations as mates')
				.select((m) => m.fn.countAll<string>().as('n'))
				.whereRef('mates.session_id', '=', 'registrations.session_id')
				.whereRef('mates.team', '=', 'registrations.team')
				.as('teamSize')
		])
		.orderBy(sql`lower(coalesce(registrations.team, ''))`)
		.orderBy('users.display_name')
		.orderBy('users.id')
		.limit(pagination.size)
		.offset(pagination.offset)
		.execute();
	return { pagination, teams: Number(counts.teams), rows };
}

export async function findSessionCandidate(db: Executor, sessionId: string, candidateId: string) {
	if (!isUuid(candidateId)) return undefined;
	return db
		.selectFrom('registrations')
		.innerJoin('users', 'users.id', 'registrations.candidate_id')
		.leftJoin('candidate_profiles', 'candidate_profiles.user_id', 'users.id')
		.where('registrations.session_id', '=', sessionId)
		.where('registrations.candidate_id', '=', candidateId)
		.select([
			'users.id',
			'users.display_name as displayName',
			'users.email',
			'candidate_profiles.cohort',
			'candidate_profiles.company',
			'candidate_profiles.timezone',
			'candidate_profiles.extra_time_percent as extraTimePercent',
			'candidate_profiles.other_arrangements as otherArrangements',
			'registrations.number',
			'registrations.project_title as projectTitle',
			'registrations.project_abstract as projectAbstract',
			'registrations.tags',
			'registrations.team'
		])
		.executeTakeFirst();
}

/** Accounts holding these e-mails, and whether each is already registered in the session. */
export async function findAccountsByEmail(db: Executor, sessionId: string, emails: string[]) {
	if (emails.length === 0) return [];
	return db
		.selectFrom('users')
		.select((eb) => [
			'users.id',
			'users.email',
			'users.role',
			eb
				.exists(
					eb
						.selectFrom('registrations')
						.select('registrations.candidate_id')
						.whereRef('registrations.candidate_id', '=', 'users.id')
						.where('registrations.session_id', '=', sessionId)
				)
				.as('registeredInSession')
		])
		.where('users.email', 'in', emails)
		.execute();
}

export async function listSessionTeams(db: Executor, sessionId: string) {
	return db
		.selectFrom('registrations')
		.innerJoin('users', 'users.id', 'registrations.candidate_id')
		.select(['users.id', 'users.email', 'registrations.team', 'registrations.project_title as projectTitle'])
		.where('registrations.session_id', '=', sessionId)
		.where('registrations.team', 'is not', null)
		.execute();
}

export async function saveCandidateProfile(db: Executor, userId: string, profile: CandidateProfileValues) {
	const values = {
		cohort: profile.cohort,
		company: profile.company,
		timezone: profile.timezone,
		extra_time_percent: profile.extraTimePercent,
		other_arrangements: profile.otherArrangements
	};
	await db
		.insertInto('candidate_profiles')
		.values({ user_id: userId, ...values })
		.onConflict((oc) => oc.column('user_id').doUpdateSet(values))
		.execute();
}

export async function insertRegistration(db: Executor, sessionId: string, candidateId: string, registration: RegistrationValues) {
	await db
		.insertInto('registrations')
		.values({
			session_id: sessionId,
			candidate_id: candidateId,
			project_title: registration.projectTitle,
			project_abstract: registration.projectAbstract,
			tags: JSON.stringify(registration.tags),
			team: registration.team
		})
		.execute();
}

export async function updateRegistration(db: Executor, sessionId: string, candidateId: string, registration: RegistrationValues) {
	await db
		.updateTable('registrations')
		.set({
			project_title: registration.projectTitle,
			project_abstract: registration.projectAbstract,
			tags: JSON.stringify(registration.tags),
			team: registration.team
		})
		.where('session_id', '=', sessionId)
		.where('candidate_id', '=', candidateId)
		.execute();
}

export async function deleteRegistration(db: Executor, sessionId: string, candidateId: string) {
	await db.deleteFrom('registrations').where('session_id', '=', sessionId).where('candidate_id', '=', candidateId).execute();
}

export async function updateCandidateIdentity(db: Executor, userId: string, identity: { email: string; displayName: string }) {
	await db.updateTable('users').set({ email: identity.email, display_name: identity.displayName }).where('id', '=', userId).execute();
}

export async function hasDefenseInSession(db: Executor, sessionId: string, candidateId: string): Promise<boolean> {
	const row = await db
		.selectFrom('defense_candidates')
		.innerJoin('defenses', 'defenses.id', 'defense_candidates.defense_id')
		.select('defenses.id')
		.where('defenses.session_id', '=', sessionId)
		.where('defense_candidates.candidate_id', '=', candidateId)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

export async function listUnavailability(db: Executor, userId: string) {
	return db
		.selectFrom('unavailability')
		.select(['id', 'starts_at as startsAt', 'ends_at as endsAt', 'label'])
		.where('user_id', '=', userId)
		.orderBy('starts_at')
		.execute();
}

/** Adds ranges, skipping any the person already has with the same bounds (a re-import adds nothing twice). */
export async function addUnavailability(db: Executor, userId: string, ranges: { startsAt: Date; endsAt: Date; label: string | null }[]) {
	if (ranges.length === 0) return [];
	const existing = await listUnavailability(db, userId);
	const known = new Set(existing.map((range) => `${range.startsAt.getTime()}-${range.endsAt.getTime()}`));
	const fresh = ranges.filter((range) => !known.has(`${range.startsAt.getTime()}-${range.endsAt.getTime()}`));
	if (fresh.length === 0) return [];
	return db
		.insertInto('unavailability')
		.values(fresh.map((range) => ({ user_id: userId, starts_at: range.startsAt, ends_at: range.endsAt, label: range.label })))
		.returning(['id', 'starts_at as startsAt', 'ends_at as endsAt', 'label'])
		.execute();
}

export async function deleteUnavailability(db: Executor, userId: string, unavailabilityId: string) {
	if (!isUuid(unavailabilityId)) return undefined;
	return db
		.deleteFrom('unavailability')
		.where('id', '=', unavailabilityId)
		.where('user_id', '=', userId)
		.returning(['id', 'starts_at as startsAt', 'ends_at as endsAt', 'label'])
		.executeTakeFirst();
}
