import { sql } from 'kysely';
import type { JurySnapshot, PublishedPlan, RoomSnapshot } from '$lib/domain/publication/plan-diff';
import type { Schedule } from '$lib/domain/planning/types';
import type { Executor } from '../db/transaction';

export interface SessionForPublication {
	id: string;
	name: string;
	timezone: string;
	blockCode: string;
	place: string | null;
	presentation: number;
	questions: number;
	deliberation: number;
	certification: string;
}

export async function findSessionForPublication(db: Executor, sessionId: string): Promise<SessionForPublication | undefined> {
	return db
		.selectFrom('exam_sessions')
		.innerJoin('referentiels', 'referentiels.id', 'exam_sessions.referentiel_id')
		.select([
			'exam_sessions.id',
			'exam_sessions.name',
			'exam_sessions.timezone',
			'exam_sessions.block_code as blockCode',
			'exam_sessions.place',
			'exam_sessions.presentation_minutes as presentation',
			'exam_sessions.questions_minutes as questions',
			'exam_sessions.deliberation_minutes as deliberation',
			sql<string>`'RNCP ' || referentiels.rncp_code || ' — ' || referentiels.title`.as('certification')
		])
		.where('exam_sessions.id', '=', sessionId)
		.executeTakeFirst();
}

/** Serialises publications of one session: two coordinators clicking at once publish one version after the other. */
export async function lockSessionForPublication(db: Executor, sessionId: string): Promise<boolean> {
	const row = await db.selectFrom('exam_sessions').select('id').where('id', '=', sessionId).forUpdate().executeTakeFirst();
	return Boolean(row);
}

export interface CurrentDefense {
	id: string;
	juryId: string;
	roomId: string | null;
	start: Date;
	end: Date;
	status: string;
	candidates: string[];
}

/** The session's current plan (the planning's working rows), the juries and rooms as they stand. */
export async function loadCurrentPlan(db: Executor, sessionId: string) {
	const defenseRows = await db
		.selectFrom('defenses')
		.innerJoin('juries', 'juries.id', 'defenses.jury_id')
		.innerJoin('defense_candidates', 'defense_candidates.defense_id', 'defenses.id')
		.select([
			'defenses.id',
			'defenses.jury_id as juryId',
			'juries.room_id as roomId',
			'defenses.starts_at as start',
			'defenses.ends_at as end',
			'defenses.status',
			'defense_candidates.candidate_id as candidateId'
		])
		.where('defenses.session_id', '=', sessionId)
		.orderBy('defenses.starts_at')
		.execute();
	const defenses = new Map<string, CurrentDefense>();
	for (const row of defenseRows) {
		const defense = defenses.get(row.id) ?? {
			id: row.id,
			juryId: row.juryId,
			roomId: row.roomId,
			start: row.start,
			end: row.end,
			status: row.status,
			candidates: []
		};
		defense.candidates.push(row.candidateId);
		defenses.set(row.id, defense);
	}
	const juryRows = await db
		.selectFrom('juries')
		.leftJoin('jury_members', 'jury_members.jury_id', 'juries.id')
		.select(['juries.id', 'juries.label', 'juries.room_id as roomId', 'jury_members.juror_id as jurorId'])
		.where('juries.session_id', '=', sessionId)
		.orderBy('juries.label')
		.execute();
	const juries = new Map<string, JurySnapshot>();
	for (const row of juryRows) {
		const jury = juries.get(row.id) ?? { id: row.id, label: row.label, roomId: row.roomId, members: [] };
		if (row.jurorId) jury.members.push(row.jurorId);
		juries.set(row.id, jury);
	}
	for (const jury of juries.values()) jury.members.sort();
	const rooms: RoomSnapshot[] = await db
		.selectFrom('rooms')
		.select(['id', 'name', 'remote', 'video_url as videoUrl'])
		.where('session_id', '=', sessionId)
		.orderBy('name')
		.execute();
	const registrations = await db
		.selectFrom('registrations')
		.select(['candidate_id as candidateId', 'team', 'project_title as projectTitle'])
		.where('session_id', '=', sessionId)
		.execute();
	return { defenses: [...defenses.values()], juries: [...juries.values()], rooms, registrations };
}

export interface PlanVersion {
	version: number;
	publishedAt: Date;
	publishedBy: string | null;
	plan: PublishedPlan;
}

function toPlanVersion(row: {
	version: number;
	published_at: Date;
	published_by: string | null;
	schedule: unknown;
	juries: unknown;
	rooms: unknown;
}): PlanVersion {
	return {
		version: row.version,
		publishedAt: row.published_at,
		publishedBy: row.published_by,
		plan: { schedule: row.schedule as Schedule, juries: row.juries as JurySnapshot[], rooms: row.rooms as RoomSnapshot[] }
	};
}

export async function latestPlanVersion(db: Executor, sessionId: string): Promise<PlanVersion | undefined> {
	const row = await db
		.selectFrom('plan_versions')
		.selectAll()
		.where('session_id', '=', sessionId)
		.orderBy('version', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row && toPlanVersion(row);
}

export async function planVersion(db: Executor, sessionId: string, version: number): Promise<PlanVersion | undefined> {
	const row = await db
		.selectFrom('plan_versions')
		.selectAll()
		.where('session_id', '=', sessionId)
		.where('version', '=', version)
		.executeTakeFirst();
	return row && toPlanVersion(row);
}

export async function listPlanVersions(db: Executor, sessionId: string) {
	return db
		.selectFrom('plan_versions')
		.leftJoin('users', 'users.id', 'plan_versions.published_by')
		.select(['plan_versions.version', 'plan_versions.published_at as publishedAt', 'users.display_name as publishedBy'])
		.where('plan_versions.session_id', '=', sessionId)
		.orderBy('plan_versions.version', 'desc')
		.execute();
}

export async function insertPlanVersion(
	db: Executor,
	row: { sessionId: string; version: number; publishedBy: string; plan: PublishedPlan }
) {
	await db
		.insertInto('plan_versions')
		.values({
			session_id: row.sessionId,
			version: row.version,
			published_by: row.publishedBy,
			schedule: JSON.stringify(row.plan.schedule),
			juries: JSON.stringify(row.plan.juries),
			rooms: JSON.stringify(row.plan.rooms)
		})
		.execute();
}

/** Makes what the people of the day see (the `live_*` views) the plan just published. */
export async function replacePublishedPlacement(db: Executor, sessionId: string, defenses: CurrentDefense[], juries: JurySnapshot[]) {
	await db.deleteFrom('published_defenses').where('session_id', '=', sessionId).execute();
	await db.deleteFrom('published_jury_members').where('session_id', '=', sessionId).execute();
	if (defenses.length)
		await db
			.insertInto('published_defenses')
			.values(
				defenses.map((defense) => ({
					defense_id: defense.id,
					session_id: sessionId,
					jury_id: defense.juryId,
					room_id: defense.roomId,
					starts_at: defense.start,
					ends_at: defense.end
				}))
			)
			.execute();
	const members = juries.flatMap((jury) => jury.members.map((jurorId) => ({ session_id: sessionId, jury_id: jury.id, juror_id: jurorId })));
	if (members.length) await db.insertInto('published_jury_members').values(members).execute();
}

/** The latest published version of every session whose published juries count this juror. */
export async function latestVersionsHearingJuror(db: Executor, jurorId: string) {
	const latest = db
		.selectFrom('plan_versions')
		.distinctOn('session_id')
		.selectAll()
		.orderBy('session_id')
		.orderBy('version', 'desc')
		.as('latest');
	const rows = await db
		.selectFrom(latest)
		.selectAll()
		.where(sql<boolean>`latest.juries @> jsonb_build_array(jsonb_build_object('members', jsonb_build_array(${jurorId}::text)))`)
		.execute();
	return rows.map((row) => ({ sessionId: row.session_id, ...toPlanVersion(row) }));
}

/** Sessions a candidate is registered in, with the latest published version when there is one. */
export async function candidateRegistrations(db: Executor, candidateId: string) {
	return db
		.selectFrom('registrations')
		.innerJoin('exam_sessions', 'exam_sessions.id', 'registrations.session_id')
		.select((eb) => [
			'registrations.session_id as sessionId',
			'exam_sessions.name as sessionName',
			eb
				.selectFrom('plan_versions')
				.select((v) => v.fn.max('version').as('v'))
				.whereRef('plan_versions.session_id', '=', 'registrations.session_id')
				.as('publishedVersion'),
			eb
				.selectFrom('session_days')
				.select((d) => d.fn.min('day').as('d'))
				.whereRef('session_days.session_id', '=', 'registrations.session_id')
				.as('firstDay')
		])
		.where('registrations.candidate_id', '=', candidateId)
		.orderBy('firstDay', 'desc')
		.execute();
}

export interface Person {
	id: string;
	name: string;
	email: string;
	timezone: string | null;
	extraTimePercent: number;
}

export async function peopleByIds(db: Executor, ids: string[]): Promise<Map<string, Person>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.selectFrom('users')
		.leftJoin('candidate_profiles', 'candidate_profiles.user_id', 'users.id')
		.select([
			'users.id',
			'users.display_name as name',
			'users.email',
			'candidate_profiles.timezone',
			'candidate_profiles.extra_time_percent as extraTimePercent'
		])
		.where('users.id', 'in', ids)
		.execute();
	return new Map(rows.map((row) => [row.id, { ...row, extraTimePercent: row.extraTimePercent ?? 0 }]));
}

export async function registrationsOf(db: Executor, sessionId: string, candidateIds: string[]) {
	if (candidateIds.length === 0) return new Map<string, { projectTitle: string; team: string | null }>();
	const rows = await db
		.selectFrom('registrations')
		.select(['candidate_id as candidateId', 'project_title as projectTitle', 'team'])
		.where('session_id', '=', sessionId)
		.where('candidate_id', 'in', candidateIds)
		.execute();
	return new Map(rows.map((row) => [row.candidateId, row]));
}

/** Writes one defense of the working plan (tests and the demo use it; the planning area has its own editor). */
export async function insertDefense(
	db: Executor,
	defense: { sessionId: string; juryId: string; start: Date; end: Date; candidates: string[]; pinned?: boolean }
) {
	const { id } = await db
		.insertInto('defenses')
		.values({
			session_id: defense.sessionId,
			jury_id: defense.juryId,
			starts_at: defense.start,
			ends_at: defense.end,
			pinned: defense.pinned ?? false
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('defense_candidates')
		.values(defense.candidates.map((candidate_id) => ({ defense_id: id, candidate_id })))
		.execute();
	return id;
}
