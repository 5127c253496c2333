import type { Executor } from '../db/transaction';
import { isUuid } from '../../domain/ids';
import { listJuries } from '../juries/jury-repository';

/** Everything the planning problem of one session is made of, read in a handful of queries. */
export async function readProblemRows(db: Executor, sessionId: string) {
	const session = await db
		.selectFrom('exam_sessions')
		.select([
			'id',
			'name',
			'timezone',
			'presentation_minutes as presentation',
			'questions_minutes as questions',
			'deliberation_minutes as deliberation',
			'changeover_minutes as changeover',
			'extra_minutes_per_team_member as extraPerTeamMember'
		])
		.where('id', '=', sessionId)
		.executeTakeFirst();
	if (!session) return null;

	const [days, rooms, juries, registrations, defenses] = await Promise.all([
		db
			.selectFrom('session_days')
			.select(['day', 'opens_at as opensAt', 'closes_at as closesAt', 'breaks'])
			.where('session_id', '=', sessionId)
			.orderBy('day')
			.execute(),
		db
			.selectFrom('rooms')
			.select(['id', 'name', 'remote', 'video_url as videoUrl', 'unavailable'])
			.where('session_id', '=', sessionId)
			.orderBy('name')
			.execute(),
		listJuries(db, sessionId),
		db
			.selectFrom('registrations')
			.innerJoin('users', 'users.id', 'registrations.candidate_id')
			.leftJoin('candidate_profiles', 'candidate_profiles.user_id', 'registrations.candidate_id')
			.select([
				'users.id',
				'users.display_name as name',
				'users.email',
				'candidate_profiles.company',
				'candidate_profiles.timezone',
				'candidate_profiles.extra_time_percent as extraTimePercent',
				'registrations.team',
				'registrations.tags',
				'registrations.project_title as projectTitle'
			])
			.where('registrations.session_id', '=', sessionId)
			.orderBy('users.display_name')
			.orderBy('users.id')
			.execute(),
		db
			.selectFrom('defenses')
			.select(['id', 'jury_id as juryId', 'starts_at as startsAt', 'ends_at as endsAt', 'pinned', 'status'])
			.where('session_id', '=', sessionId)
			.orderBy('starts_at')
			.execute()
	]);

	// Jurors of the session: those invited to it and those sitting in one of its juries.
	const jurorIds = await db
		.selectFrom('session_jurors')
		.select('juror_id as id')
		.where('session_id', '=', sessionId)
		.union(
			db
				.selectFrom('jury_members')
				.innerJoin('juries', 'juries.id', 'jury_members.jury_id')
				.select('jury_members.juror_id as id')
				.where('juries.session_id', '=', sessionId)
		)
		.execute();
	const jurorIdList = jurorIds.map((row) => row.id);
	const candidateIds = registrations.map((row) => row.id);
	const peopleIds = [...jurorIdList, ...candidateIds];

	const [jurors, unavailability, conflicts, defenseCandidates] = await Promise.all([
		jurorIdList.length
			? db
					.selectFrom('users')
					.leftJoin('juror_profiles', 'juror_profiles.user_id', 'users.id')
					.select([
						'users.id',
						'users.display_name as name',
						'users.email',
						'juror_profiles.company',
						'juror_profiles.external',
						'juror_profiles.president_eligible as presidentEligible',
						'juror_profiles.expertise'
					])
					.where('users.id', 'in', jurorIdList)
					.orderBy('users.display_name')
					.orderBy('users.id')
					.execute()
			: [],
		peopleIds.length
			? db
					.selectFrom('unavailability')
					.select(['user_id as userId', 'starts_at as startsAt', 'ends_at as endsAt'])
					.where('user_id', 'in', peopleIds)
					.orderBy('starts_at')
					.execute()
			: [],
		jurorIdList.length && candidateIds.length
			? db
					.selectFrom('conflicts')
					.select(['juror_id as jurorId', 'candidate_id as candidateId'])
					.where('juror_id', 'in', jurorIdList)
					.where('candidate_id', 'in', candidateIds)
					.execute()
			: [],
		defenses.length
			? db
					.selectFrom('defense_candidates')
					.select(['defense_id as defenseId', 'candidate_id as candidateId'])
					.where(
						'defense_id',
						'in',
						defenses.map((defense) => defense.id)
					)
					.execute()
			: []
	]);

	return { session, days, rooms, juries, registrations, jurors, unavailability, conflicts, defenses, defenseCandidates };
}

export type ProblemRows = NonNullable<Awaited<ReturnType<typeof readProblemRows>>>;

export async function sessionExists(db: Executor, sessionId: string): Promise<boolean> {
	if (!isUuid(sessionId)) return false;
	return (await db.selectFrom('exam_sessions').select('id').where('id', '=', sessionId).executeTakeFirst()) !== undefined;
}
