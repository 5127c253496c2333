import { sql } from 'kysely';
import { ACCESS_MODES, EMPTY_CIVIL_STATUS, type CivilStatus } from '$lib/domain/accrochage/civil-status';
import type { Executor } from '../db/transaction';

const dateText = (value: unknown): string | null =>
	value === null || value === undefined ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);

export async function findCivilStatuses(db: Executor, userIds: string[]): Promise<Map<string, CivilStatus>> {
	const statuses = new Map<string, CivilStatus>(userIds.map((id) => [id, { ...EMPTY_CIVIL_STATUS }]));
	if (userIds.length === 0) return statuses;
	const rows = await db.selectFrom('civil_status').selectAll().where('user_id', 'in', userIds).execute();
	for (const row of rows)
		statuses.set(row.user_id, {
			birthName: row.birth_name,
			usageName: row.usage_name,
			firstNames: row.first_names,
			birthDate: dateText(row.birth_date),
			sex: row.sex === 'M' || row.sex === 'F' ? row.sex : null,
			birthCommuneCode: row.birth_commune_code,
			birthCountryCode: row.birth_country_code,
			birthPlaceLabel: row.birth_place_label,
			accessMode: ACCESS_MODES.find((mode) => mode === row.access_mode) ?? null
		});
	return statuses;
}

export async function saveCivilStatus(db: Executor, userId: string, actorId: string, status: CivilStatus): Promise<void> {
	const columns = {
		birth_name: status.birthName,
		usage_name: status.usageName,
		first_names: status.firstNames,
		birth_date: status.birthDate,
		sex: status.sex,
		birth_commune_code: status.birthCommuneCode,
		birth_country_code: status.birthCountryCode,
		birth_place_label: status.birthPlaceLabel,
		access_mode: status.accessMode,
		updated_by: actorId,
		updated_at: new Date()
	};
	await db
		.insertInto('civil_status')
		.values({ user_id: userId, ...columns })
		.onConflict((conflict) => conflict.column('user_id').doUpdateSet(columns))
		.execute();
}

/** The latest certification decision of each candidate that is a title, in these sessions (every session when null). */
export async function latestTitleDecisions(db: Executor, sessionIds: string[] | null) {
	if (sessionIds && sessionIds.length === 0) return [];
	let latest = db
		.selectFrom('certification_decisions')
		.distinctOn(['session_id', 'candidate_id'])
		.select(['session_id', 'candidate_id', 'outcome', 'decided_at'])
		.orderBy('session_id')
		.orderBy('candidate_id')
		.orderBy('decided_at', 'desc')
		.orderBy('id', 'desc');
	if (sessionIds) latest = latest.where('session_id', 'in', sessionIds);
	return db
		.selectFrom(latest.as('latest'))
		.innerJoin('users', 'users.id', 'latest.candidate_id')
		.innerJoin('exam_sessions', 'exam_sessions.id', 'latest.session_id')
		.select([
			'latest.session_id as sessionId',
			'exam_sessions.name as sessionName',
			'exam_sessions.timezone',
			'latest.candidate_id as candidateId',
			'users.display_name as candidateName',
			'latest.decided_at as decidedAt'
		])
		.where('latest.outcome', '=', 'titre')
		.orderBy('exam_sessions.name')
		.orderBy('users.display_name')
		.execute();
}

/** When each candidate's jury in the session last signed its procès-verbal: the decision in force. */
export async function juryDecisionTimes(db: Executor, pairs: { sessionId: string; candidateId: string }[]) {
	if (pairs.length === 0) return new Map<string, Date>();
	const rows = await db
		.selectFrom('defense_candidates')
		.innerJoin('live_defenses as defenses', 'defenses.id', 'defense_candidates.defense_id')
		.innerJoin('pv_versions', 'pv_versions.jury_id', 'defenses.jury_id')
		.select(['defenses.session_id as sessionId', 'defense_candidates.candidate_id as candidateId'])
		.select((eb) => eb.fn.max('pv_versions.locked_at').as('lockedAt'))
		.where('defense_candidates.candidate_id', 'in', [...new Set(pairs.map((pair) => pair.candidateId))])
		.where('defenses.session_id', 'in', [...new Set(pairs.map((pair) => pair.sessionId))])
		.where('pv_versions.locked_at', 'is not', null)
		.groupBy(['defenses.session_id', 'defense_candidates.candidate_id'])
		.execute();
	return new Map(rows.filter((row) => row.lockedAt).map((row) => [`${row.sessionId}|${row.candidateId}`, new Date(row.lockedAt!)]));
}

export interface PassageRow {
	id: string;
	idTechnique: string;
	sessionId: string;
	candidateId: string;
	awardedOn: string;
	status: 'declared' | 'accepted' | 'rejected';
	exportId: string;
	receiptMessage: string | null;
}

function passageRow(row: {
	id: string;
	id_technique: string;
	session_id: string;
	candidate_id: string;
	awarded_on: unknown;
	status: string;
	export_id: string;
	receipt_message: string | null;
}): PassageRow {
	return {
		id: row.id,
		idTechnique: row.id_technique,
		sessionId: row.session_id,
		candidateId: row.candidate_id,
		awardedOn: dateText(row.awarded_on)!,
		status: row.status as PassageRow['status'],
		exportId: row.export_id,
		receiptMessage: row.receipt_message
	};
}

export async function passagesOf(db: Executor, sessionIds: string[] | null): Promise<PassageRow[]> {
	if (sessionIds && sessionIds.length === 0) return [];
	let query = db.selectFrom('cdc_passages').selectAll();
	if (sessionIds) query = query.where('session_id', 'in', sessionIds);
	return (await query.execute()).map(passageRow);
}

export async function passagesByIdTechnique(db: Executor, ids: string[]): Promise<PassageRow[]> {
	if (ids.length === 0) return [];
	return (await db.selectFrom('cdc_passages').selectAll().where('id_technique', 'in', ids).forUpdate().execute()).map(passageRow);
}

export async function insertExport(
	db: Executor,
	row: { id: string; fluxId: string; sessionId: string | null; passages: number; xml: string; createdBy: string; createdAt: Date }
): Promise<void> {
	await db
		.insertInto('cdc_exports')
		.values({
			id: row.id,
			flux_id: row.fluxId,
			session_id: row.sessionId,
			passages: row.passages,
			xml: row.xml,
			created_by: row.createdBy,
			created_at: row.createdAt
		})
		.execute();
}

/** A passage declared in this export: new, or a rejected one sent again under its idTechnique. */
export async function declarePassages(
	db: Executor,
	exportId: string,
	passages: { idTechnique: string; sessionId: string; candidateId: string; awardedOn: string }[]
): Promise<void> {
	if (passages.length === 0) return;
	await db
		.insertInto('cdc_passages')
		.values(
			passages.map((passage) => ({
				id_technique: passage.idTechnique,
				session_id: passage.sessionId,
				candidate_id: passage.candidateId,
				awarded_on: passage.awardedOn,
				status: 'declared',
				export_id: exportId
			}))
		)
		.onConflict((conflict) =>
			conflict.columns(['session_id', 'candidate_id']).doUpdateSet({
				status: 'declared',
				export_id: exportId,
				awarded_on: sql`excluded.awarded_on`,
				receipt_message: null,
				answered_at: null
			})
		)
		.execute();
}

export async function answerPassages(
	db: Executor,
	answers: { id: string; status: 'accepted' | 'rejected'; message: string | null }[],
	at: Date
): Promise<void> {
	for (const answer of answers)
		await db
			.updateTable('cdc_passages')
			.set({ status: answer.status, receipt_message: answer.message, answered_at: at })
			.where('id', '=', answer.id)
			.execute();
}

export async function listExports(db: Executor, sessionId: string | null, limit = 20) {
	let query = db
		.selectFrom('cdc_exports')
		.select(['id', 'flux_id as fluxId', 'session_id as sessionId', 'passages', 'created_at as createdAt'])
		.orderBy('created_at', 'desc')
		.limit(limit);
	if (sessionId) query = query.where('session_id', '=', sessionId);
	return query.execute();
}

export async function findExport(db: Executor, id: string) {
	return db.selectFrom('cdc_exports').select(['id', 'flux_id as fluxId', 'xml']).where('id', '=', id).executeTakeFirst();
}

/** Records the reminders of these awards for their deadline; returns those not reminded before (the others conflict). */
export async function recordReminders(db: Executor, reminders: { sessionId: string; candidateId: string; deadline: string }[]) {
	if (reminders.length === 0) return [];
	const rows = await db
		.insertInto('cdc_reminders')
		.values(reminders.map((entry) => ({ session_id: entry.sessionId, candidate_id: entry.candidateId, deadline: entry.deadline })))
		.onConflict((conflict) => conflict.columns(['session_id', 'candidate_id', 'deadline']).doNothing())
		.returning(['session_id as sessionId', 'candidate_id as candidateId'])
		.execute();
	return rows;
}

export async function activeCoordinators(db: Executor) {
	return db
		.selectFrom('users')
		.select(['id', 'email', 'display_name as name'])
		.where('role', '=', 'coordinator')
		.where('active', '=', true)
		.orderBy('email')
		.execute();
}

/** The sessions this candidate is registered in, and whether each one's results are published. */
export async function candidateSessionsPublication(db: Executor, candidateId: string) {
	return db
		.selectFrom('registrations')
		.leftJoin('results_publications', 'results_publications.session_id', 'registrations.session_id')
		.select(['registrations.session_id as sessionId', 'results_publications.published_at as publishedAt'])
		.where('registrations.candidate_id', '=', candidateId)
		.execute();
}
