import {
	mergeCivilStatus,
	missingCivilStatus,
	validateCivilStatus,
	type AccessMode,
	type CivilStatus,
	type CivilStatusForm,
	type MissingField
} from '$lib/domain/accrochage/civil-status';
import { formatInTimeZone } from '$lib/domain/time/format';
import { fr } from '$lib/i18n/fr';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { Database } from '../db/connect';
import { inTransaction, type Executor } from '../db/transaction';
import { appendAudit } from '../audit/audit-repository';
import { UserFacingError } from '../errors';
import { requireSessionCandidate } from '../people/candidate-service';
import { candidateSessionsPublication, findCivilStatuses, saveCivilStatus } from './accrochage-repository';

const t = fr.accrochage;

/** Today as the declaration counts days: in the certifier's zone (the app's sessions are French). */
export function todayIn(now: Date, timeZone = 'Europe/Paris'): string {
	return formatInTimeZone(now, timeZone, 'yyyy-MM-dd');
}

/** The French names of what is missing, in the order of the form. */
export function missingLabels(missing: MissingField[]): string[] {
	return missing.map((field) => t.fields[field]);
}

function validated(form: CivilStatusForm, now: Date): CivilStatus {
	const result = validateCivilStatus(form, todayIn(now));
	if (!result.ok) throw new UserFacingError('accrochage.civil-status-invalid', 400, result.message, result.field);
	return result.value;
}

async function save(trx: Transaction<DB>, userId: string, actorId: string, status: CivilStatus) {
	const before = (await findCivilStatuses(trx, [userId])).get(userId)!;
	await saveCivilStatus(trx, userId, actorId, status);
	await appendAudit(trx, { actorId, action: 'civil-status.update', entity: 'civil_status', entityId: userId, before, after: status });
}

/**
 * What a candidate import gives of a civil status, over what is known: a value in the file
 * replaces the known one, an empty cell keeps it. Without a first names column, the file's first
 * name is taken when none is known. Journalled when anything changes; a line giving no civil
 * status writes none.
 */
export async function completeCivilStatus(
	trx: Transaction<DB>,
	userId: string,
	actorId: string,
	given: CivilStatus,
	firstName: string
): Promise<void> {
	// A file without civil status columns (or with them all empty on this line) leaves it as it is.
	if (Object.values(given).every((value) => value === null)) return;
	const known = (await findCivilStatuses(trx, [userId])).get(userId)!;
	const merged = mergeCivilStatus(known, { ...given, firstNames: given.firstNames ?? (known.firstNames ? null : firstName || null) });
	if (JSON.stringify(merged) !== JSON.stringify(known)) await save(trx, userId, actorId, merged);
}

/** The coordinator enters or corrects a candidate's civil status from the candidate's page in a session. */
export async function updateCandidateCivilStatus(
	db: Database,
	actorId: string,
	sessionId: string,
	candidateId: string,
	form: CivilStatusForm,
	now = new Date()
): Promise<void> {
	const status = validated(form, now);
	await inTransaction(db, async (trx) => {
		await requireSessionCandidate(trx, sessionId, candidateId);
		await save(trx, candidateId, actorId, status);
	});
}

/** Whether the candidate may still complete it: one of their sessions has results not yet published. */
export async function candidateMayEdit(db: Executor, candidateId: string): Promise<boolean> {
	return (await candidateSessionsPublication(db, candidateId)).some((session) => session.publishedAt === null);
}

/** The candidate completes their own civil status on /candidat, until their results are published. */
export async function updateOwnCivilStatus(db: Database, candidateId: string, form: CivilStatusForm, now = new Date()): Promise<void> {
	const status = validated(form, now);
	await inTransaction(db, async (trx) => {
		if (!(await candidateMayEdit(trx, candidateId)))
			throw new UserFacingError('accrochage.civil-status-locked', 409, t.civilStatus.candidateLocked);
		await save(trx, candidateId, candidateId, status);
	});
}

/** A civil status as a form shows it, with what the declaration still lacks. */
export async function civilStatusView(db: Executor, userId: string, defaultAccessMode: AccessMode | null) {
	const status = (await findCivilStatuses(db, [userId])).get(userId)!;
	return { status: civilStatusFormValues(status), missing: missingLabels(missingCivilStatus(status, defaultAccessMode)) };
}

/** The stored values as the form's fields (strings), the birth place as France or abroad. */
function civilStatusFormValues(status: CivilStatus): Record<string, string> {
	return {
		birthName: status.birthName ?? '',
		usageName: status.usageName ?? '',
		firstNames: status.firstNames ?? '',
		birthDate: status.birthDate ?? '',
		sex: status.sex ?? '',
		bornIn: status.birthCountryCode ? 'abroad' : 'france',
		birthCommuneCode: status.birthCommuneCode ?? '',
		birthCountryCode: status.birthCountryCode ?? '',
		birthPlaceLabel: status.birthPlaceLabel ?? '',
		accessMode: status.accessMode ?? ''
	};
}
