import { sql } from 'kysely';
import type { AuditAnchor } from '../audit/audit-repository';
import type { Executor } from '../db/transaction';
import { jurorsWhoSubmitted } from '../../domain/scoring/submission';
import type { JurySnapshot } from '../../domain/publication/plan-diff';

/** Each juror's submitted levels for the defense's candidates (only submitted sheets count). */
export async function submittedLevels(db: Executor, defenseIds: string[]) {
	if (defenseIds.length === 0) return [];
	return db
		.selectFrom('score_sheets')
		.innerJoin('score_entries', 'score_entries.sheet_id', 'score_sheets.id')
		.select([
			'score_sheets.defense_id as defenseId',
			'score_sheets.juror_id as jurorId',
			'score_sheets.candidate_id as candidateId',
			'score_entries.competency_code as code',
			'score_entries.level'
		])
		.where('score_sheets.defense_id', 'in', defenseIds)
		.where('score_sheets.submitted_at', 'is not', null)
		.where('score_entries.level', 'is not', null)
		.execute() as Promise<{ defenseId: string; jurorId: string; candidateId: string; code: string; level: number }[]>;
}

/** Who has submitted every sheet of the defense, among its jury's members. */
export async function submittedJurorIds(db: Executor, defenseId: string): Promise<Set<string>> {
	const sheets = await db
		.selectFrom('score_sheets')
		.select(['juror_id as jurorId', 'submitted_at as submittedAt'])
		.where('defense_id', '=', defenseId)
		.execute();
	return jurorsWhoSubmitted(sheets);
}

export interface DecisionRow {
	defenseId: string;
	candidateId: string;
	kind: 'competency' | 'block';
	code: string;
	consolidatedLevel: number | null;
	proposed: boolean;
	decided: boolean;
	justification: string | null;
	decidedAt: Date;
}

export async function decisionsOf(db: Executor, defenseIds: string[]): Promise<DecisionRow[]> {
	if (defenseIds.length === 0) return [];
	return db
		.selectFrom('deliberation_decisions')
		.select([
			'defense_id as defenseId',
			'candidate_id as candidateId',
			'kind',
			'code',
			'consolidated_level as consolidatedLevel',
			'proposed',
			'decided',
			'justification',
			'decided_at as decidedAt'
		])
		.where('defense_id', 'in', defenseIds)
		.orderBy('code')
		.execute() as Promise<DecisionRow[]>;
}

export async function upsertDecisions(db: Executor, decidedBy: string, rows: Omit<DecisionRow, 'decidedAt'>[]): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insertInto('deliberation_decisions')
		.values(
			rows.map((row) => ({
				defense_id: row.defenseId,
				candidate_id: row.candidateId,
				kind: row.kind,
				code: row.code,
				consolidated_level: row.consolidatedLevel,
				proposed: row.proposed,
				decided: row.decided,
				justification: row.justification,
				decided_by: decidedBy
			}))
		)
		.onConflict((conflict) =>
			conflict.columns(['defense_id', 'candidate_id', 'code']).doUpdateSet({
				consolidated_level: sql`excluded.consolidated_level`,
				proposed: sql`excluded.proposed`,
				decided: sql`excluded.decided`,
				justification: sql`excluded.justification`,
				decided_by: sql`excluded.decided_by`,
				decided_at: sql`now()`
			})
		)
		.execute();
}

export interface JuryDetails {
	id: string;
	label: string;
	sessionId: string;
	presidentId: string | null;
	roomName: string | null;
	roomRemote: boolean | null;
}

export async function findJuryDetails(db: Executor, juryId: string): Promise<JuryDetails | undefined> {
	return db
		.selectFrom('juries')
		.leftJoin('rooms', 'rooms.id', 'juries.room_id')
		.select([
			'juries.id',
			'juries.label',
			'juries.session_id as sessionId',
			'juries.president_id as presidentId',
			'rooms.name as roomName',
			'rooms.remote as roomRemote'
		])
		.where('juries.id', '=', juryId)
		.executeTakeFirst();
}

export async function juriesOfJuror(db: Executor, jurorId: string) {
	return db
		.selectFrom('live_jury_members as jury_members')
		.innerJoin('juries', 'juries.id', 'jury_members.jury_id')
		.innerJoin('exam_sessions', 'exam_sessions.id', 'juries.session_id')
		.select([
			'juries.id',
			'juries.label',
			'juries.president_id as presidentId',
			'exam_sessions.id as sessionId',
			'exam_sessions.name as sessionName',
			'exam_sessions.timezone',
			'exam_sessions.anonymous_deliberation as anonymousDeliberation'
		])
		.where('jury_members.juror_id', '=', jurorId)
		.orderBy('exam_sessions.created_at', 'desc')
		.orderBy('juries.label')
		.execute();
}

export async function juryMembersWithProfile(db: Executor, juryId: string) {
	return db
		.selectFrom('live_jury_members as jury_members')
		.innerJoin('users', 'users.id', 'jury_members.juror_id')
		.leftJoin('juror_profiles', 'juror_profiles.user_id', 'users.id')
		.select([
			'users.id',
			'users.email',
			'users.display_name as name',
			'users.password_hash as passwordHash',
			'users.password_reset_at as passwordResetAt',
			'juror_profiles.external'
		])
		.where('jury_members.jury_id', '=', juryId)
		.orderBy('users.display_name')
		.execute();
}

/** The defenses of some juries with their candidates, in planned order. */
export async function defensesOfJuries(db: Executor, juryIds: string[]) {
	if (juryIds.length === 0) return [];
	const rows = await db
		.selectFrom('live_defenses as defenses')
		.innerJoin('defense_candidates', 'defense_candidates.defense_id', 'defenses.id')
		.innerJoin('users', 'users.id', 'defense_candidates.candidate_id')
		.leftJoin('registrations', (join) =>
			join.onRef('registrations.candidate_id', '=', 'users.id').onRef('registrations.session_id', '=', 'defenses.session_id')
		)
		.select([
			'defenses.id',
			'defenses.jury_id as juryId',
			'defenses.session_id as sessionId',
			'defenses.status',
			'defenses.starts_at as start',
			'defenses.ends_at as end',
			'users.id as candidateId',
			'users.display_name as candidateName',
			'users.email as candidateEmail',
			'registrations.project_title as projectTitle',
			'registrations.number as candidateNumber'
		])
		.where('defenses.jury_id', 'in', juryIds)
		.orderBy('defenses.starts_at')
		.orderBy('users.display_name')
		.execute();
	const defenses = new Map<
		string,
		{
			id: string;
			juryId: string;
			sessionId: string;
			status: string;
			start: Date;
			end: Date;
			/** number: the candidate's number in the session (null for one no longer registered). */
			candidates: { id: string; name: string; email: string; projectTitle: string | null; number: number | null }[];
		}
	>();
	for (const row of rows) {
		const defense = defenses.get(row.id) ?? {
			id: row.id,
			juryId: row.juryId,
			sessionId: row.sessionId,
			status: row.status,
			start: row.start,
			end: row.end,
			candidates: []
		};
		defense.candidates.push({
			id: row.candidateId,
			name: row.candidateName,
			email: row.candidateEmail,
			projectTitle: row.projectTitle,
			number: row.candidateNumber
		});
		defenses.set(row.id, defense);
	}
	return [...defenses.values()];
}

export type JuryDefense = Awaited<ReturnType<typeof defensesOfJuries>>[number];

export interface PvVersionRow {
	id: string;
	juryId: string;
	version: number;
	previousSha256: string | null;
	correctionReason: string | null;
	createdAt: Date;
	contentSha256: string | null;
	sha256: string | null;
	lockedAt: Date | null;
}

const versionColumns = [
	'id',
	'jury_id as juryId',
	'version',
	'previous_sha256 as previousSha256',
	'correction_reason as correctionReason',
	'created_at as createdAt',
	'content_sha256 as contentSha256',
	'sha256',
	'locked_at as lockedAt'
] as const;

export async function pvVersionsOf(db: Executor, juryIds: string[]): Promise<PvVersionRow[]> {
	if (juryIds.length === 0) return [];
	return db.selectFrom('pv_versions').select(versionColumns).where('jury_id', 'in', juryIds).orderBy('version').execute();
}

/** Locks the jury's versions for the rest of the transaction: signatures and corrections queue up. */
export async function lockPvVersions(db: Executor, juryId: string): Promise<PvVersionRow[]> {
	await sql`select pg_advisory_xact_lock(hashtext(${'pv:' + juryId}))`.execute(db);
	return pvVersionsOf(db, [juryId]);
}

export async function insertPvVersion(
	db: Executor,
	row: { juryId: string; version: number; previousSha256: string | null; correctionReason: string | null; createdBy: string }
): Promise<string> {
	const { id } = await db
		.insertInto('pv_versions')
		.values({
			jury_id: row.juryId,
			version: row.version,
			previous_sha256: row.previousSha256,
			correction_reason: row.correctionReason,
			created_by: row.createdBy
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function lockPvVersion(
	db: Executor,
	id: string,
	locked: { content: unknown; contentSha256: string; pdf: Buffer; sha256: string; anchor: AuditAnchor; lockedAt: Date }
): Promise<void> {
	await db
		.updateTable('pv_versions')
		.set({
			content: JSON.stringify(locked.content),
			content_sha256: locked.contentSha256,
			pdf: locked.pdf,
			sha256: locked.sha256,
			audit_anchor_id: locked.anchor.id,
			audit_anchor_hash: locked.anchor.hash,
			locked_at: locked.lockedAt
		})
		.where('id', '=', id)
		.where('locked_at', 'is', null)
		.execute();
}

export async function pvPdf(db: Executor, juryId: string, version: number): Promise<{ pdf: Buffer; sha256: string } | undefined> {
	const row = await db
		.selectFrom('pv_versions')
		.select(['pdf', 'sha256'])
		.where('jury_id', '=', juryId)
		.where('version', '=', version)
		.where('locked_at', 'is not', null)
		.executeTakeFirst();
	if (!row?.pdf || !row.sha256) return undefined;
	return { pdf: Buffer.from(row.pdf as Uint8Array), sha256: row.sha256 };
}

/** The content of each jury's latest signed version. */
export async function latestLockedContents(
	db: Executor,
	juryIds: string[]
): Promise<
	{ juryId: string; version: number; sha256: string; contentSha256: string; anchor: AuditAnchor | null; lockedAt: Date; content: unknown }[]
> {
	if (juryIds.length === 0) return [];
	const rows = await db
		.selectFrom('pv_versions')
		.select([
			'jury_id as juryId',
			'version',
			'sha256',
			'content_sha256 as contentSha256',
			'audit_anchor_id as anchorId',
			'audit_anchor_hash as anchorHash',
			'locked_at as lockedAt',
			'content'
		])
		.where('jury_id', 'in', juryIds)
		.where('locked_at', 'is not', null)
		.orderBy('version', 'desc')
		.execute();
	const latest = new Map<string, (typeof rows)[number]>();
	for (const row of rows) if (!latest.has(row.juryId)) latest.set(row.juryId, row);
	return [...latest.values()].map((row) => ({
		juryId: row.juryId,
		version: row.version,
		sha256: row.sha256!,
		contentSha256: row.contentSha256!,
		anchor: row.anchorId && row.anchorHash ? { id: row.anchorId, hash: row.anchorHash } : null,
		lockedAt: row.lockedAt!,
		content: row.content
	}));
}

/** The journal's head printed in each signed version, newest first: what the journal page checks again. */
export async function printedAnchors(db: Executor) {
	const rows = await db
		.selectFrom('pv_versions')
		.innerJoin('juries', 'juries.id', 'pv_versions.jury_id')
		.innerJoin('exam_sessions', 'exam_sessions.id', 'juries.session_id')
		.select([
			'exam_sessions.name as sessionName',
			'juries.label as juryLabel',
			'pv_versions.version',
			'pv_versions.locked_at as lockedAt',
			'pv_versions.audit_anchor_id as id',
			'pv_versions.audit_anchor_hash as hash'
		])
		.where('pv_versions.audit_anchor_id', 'is not', null)
		.orderBy('pv_versions.audit_anchor_id', 'desc')
		.execute();
	return rows.map((row) => ({ ...row, id: row.id!, hash: row.hash!, lockedAt: row.lockedAt! }));
}

export async function signaturesOf(db: Executor, pvIds: string[]) {
	if (pvIds.length === 0) return [];
	return db
		.selectFrom('pv_signatures')
		.innerJoin('users', 'users.id', 'pv_signatures.juror_id')
		.select([
			'pv_signatures.pv_id as pvId',
			'pv_signatures.juror_id as jurorId',
			'users.display_name as name',
			'pv_signatures.content_sha256 as contentSha256',
			'pv_signatures.signed_at as signedAt'
		])
		.where('pv_signatures.pv_id', 'in', pvIds)
		.orderBy('pv_signatures.signed_at')
		.execute();
}

/** A member signs (or signs again, after the content changed) the open version. */
export async function upsertSignature(db: Executor, pvId: string, jurorId: string, contentSha256: string, signedAt: Date): Promise<void> {
	await db
		.insertInto('pv_signatures')
		.values({ pv_id: pvId, juror_id: jurorId, content_sha256: contentSha256, signed_at: signedAt })
		.onConflict((conflict) => conflict.columns(['pv_id', 'juror_id']).doUpdateSet({ content_sha256: contentSha256, signed_at: signedAt }))
		.execute();
}

/** Incidents of the defenses: phases that overran their planned length, and reopened grids. */
export async function phaseOverruns(db: Executor, defenseIds: string[]) {
	if (defenseIds.length === 0) return [];
	return db
		.selectFrom('defense_phase_log')
		.select(['defense_id as defenseId', 'phase', 'planned_seconds as plannedSeconds', 'actual_seconds as actualSeconds'])
		.where('defense_id', 'in', defenseIds)
		.whereRef('actual_seconds', '>', 'planned_seconds')
		.orderBy('started_at')
		.execute();
}

export async function phaseDurations(db: Executor, defenseIds: string[]) {
	if (defenseIds.length === 0) return [];
	return db
		.selectFrom('defense_phase_log')
		.select(['defense_id as defenseId', 'phase', 'planned_seconds as plannedSeconds', 'actual_seconds as actualSeconds'])
		.where('defense_id', 'in', defenseIds)
		.orderBy('started_at')
		.orderBy('id')
		.execute();
}

export async function reopeningsOfDefenses(db: Executor, defenseIds: string[]) {
	if (defenseIds.length === 0) return [];
	return db
		.selectFrom('score_reopenings')
		.innerJoin('users as juror', 'juror.id', 'score_reopenings.juror_id')
		.innerJoin('users as president', 'president.id', 'score_reopenings.reopened_by')
		.select([
			'score_reopenings.defense_id as defenseId',
			'juror.display_name as juror',
			'president.display_name as by',
			'score_reopenings.reason',
			'score_reopenings.reopened_at as at'
		])
		.where('score_reopenings.defense_id', 'in', defenseIds)
		.orderBy('score_reopenings.reopened_at')
		.execute();
}

export async function insertSigningCode(
	db: Executor,
	code: { id: string; userId: string; juryId: string; createdAt: Date; expiresAt: Date }
) {
	await db
		.insertInto('signing_codes')
		.values({ id: code.id, user_id: code.userId, jury_id: code.juryId, created_at: code.createdAt, expires_at: code.expiresAt })
		.execute();
}

export async function latestSigningCodeAt(db: Executor, userId: string, juryId: string): Promise<Date | null> {
	const row = await db
		.selectFrom('signing_codes')
		.select((eb) => eb.fn.max('created_at').as('at'))
		.where('user_id', '=', userId)
		.where('jury_id', '=', juryId)
		.executeTakeFirst();
	return (row?.at as Date | null) ?? null;
}

type SigningCodeKey = { id: string; userId: string; juryId: string };

/** Spends a live code; false when it was spent or expired meanwhile. */
export async function spendSigningCode(db: Executor, code: SigningCodeKey, now: Date): Promise<boolean> {
	const spent = await db
		.updateTable('signing_codes')
		.set({ used_at: now })
		.where('id', '=', code.id)
		.where('user_id', '=', code.userId)
		.where('jury_id', '=', code.juryId)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return Number(spent.numUpdatedRows) === 1;
}

/** Each candidate's number in the session and the accommodations their profile grants. */
export async function accommodationsOf(db: Executor, sessionId: string, candidateIds: string[]) {
	if (candidateIds.length === 0) return [];
	return db
		.selectFrom('registrations')
		.leftJoin('candidate_profiles', 'candidate_profiles.user_id', 'registrations.candidate_id')
		.select([
			'registrations.candidate_id as candidateId',
			'registrations.number',
			'candidate_profiles.extra_time_percent as extraTimePercent',
			'candidate_profiles.other_arrangements as otherArrangements'
		])
		.where('registrations.session_id', '=', sessionId)
		.where('registrations.candidate_id', 'in', candidateIds)
		.execute();
}

/** The jurors who submitted a grid for each defense: those who sat and scored. */
export async function jurorsPresent(db: Executor, defenseIds: string[]) {
	if (defenseIds.length === 0) return [];
	return db
		.selectFrom('score_sheets')
		.innerJoin('users', 'users.id', 'score_sheets.juror_id')
		.select(['score_sheets.defense_id as defenseId', 'users.display_name as name'])
		.distinct()
		.where('score_sheets.defense_id', 'in', defenseIds)
		.where('score_sheets.submitted_at', 'is not', null)
		.orderBy('users.display_name')
		.execute();
}

/** The session's published plans, oldest first, with each jury's members as published. */
export async function publishedCompositions(db: Executor, sessionId: string) {
	const rows = await db
		.selectFrom('plan_versions')
		.select(['published_at as publishedAt', 'juries'])
		.where('session_id', '=', sessionId)
		.orderBy('version')
		.execute();
	return rows.map((row) => ({ publishedAt: row.publishedAt, juries: row.juries as unknown as JurySnapshot[] }));
}

export async function userNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map();
	const rows = await db.selectFrom('users').select(['id', 'display_name as name']).where('id', 'in', ids).execute();
	return new Map(rows.map((row) => [row.id, row.name]));
}
