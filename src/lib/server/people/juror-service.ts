import type { Transaction } from 'kysely';
import { fr } from '$lib/i18n/fr';
import { jurorProfileFromForm } from '$lib/domain/people/juror-profile';
import { checkHalfDay, checkLocalRange } from '$lib/domain/sessions/session-rules';
import type { Database } from '../db/connect';
import type { DB } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { appendAudit } from '../audit/audit-repository';
import { UserFacingError } from '../errors';
import { accepted, lockExistingSession } from '../sessions/session-service';
import { isUuid } from '../../domain/ids';
import { listDays, listSessionCandidates } from '../sessions/session-repository';
import { createUserWithInvitation } from '../auth/account-service';
import { findUserById } from '../auth/user-repository';
import {
	deleteConflict,
	deleteUnavailability,
	findConflict,
	insertConflict,
	insertUnavailability,
	isSessionJuror,
	linkJurorToSession,
	listJurorConflicts,
	listUnavailability,
	listSessionJurors,
	saveJurorProfile,
	unlinkJurorFromSession
} from './juror-repository';

const messages = fr.people.juror;

export interface JurorForm {
	email?: string;
	displayName?: string;
	company?: string;
	expertise?: string;
	external?: string;
	presidentEligible?: string;
}

async function requireSessionJuror(trx: Transaction<DB>, sessionId: string, jurorId: string) {
	const [juror] = isUuid(jurorId) ? await listSessionJurors(trx, sessionId, jurorId) : [];
	if (!juror) throw new UserFacingError('people.not-found', 404, messages.notFound);
	return juror;
}

/** Creates the juror's account, profile and link to the session, and queues the invitation, at once. */
export async function inviteJuror(db: Database, actorId: string, sessionId: string, form: JurorForm, origin: string) {
	const profile = jurorProfileFromForm(form);
	return inTransaction(db, async (trx) => {
		await lockExistingSession(trx, sessionId);
		const { user } = await createUserWithInvitation(
			trx,
			actorId,
			{ email: form.email ?? '', displayName: form.displayName ?? '', role: 'juror' },
			origin
		);
		await saveJurorProfile(trx, user.id, profile);
		await linkJurorToSession(trx, sessionId, user.id);
		await appendAudit(trx, {
			actorId,
			action: 'session.juror.invite',
			entity: 'session_juror',
			entityId: `${sessionId}/${user.id}`,
			after: { email: user.email, ...profile }
		});
		return user.id;
	});
}

/** Brings a juror who already has an account (from another session) into this one. */
export async function addExistingJuror(db: Database, actorId: string, sessionId: string, jurorId: string) {
	return inTransaction(db, async (trx) => {
		await lockExistingSession(trx, sessionId);
		const user = isUuid(jurorId) ? await findUserById(trx, jurorId) : undefined;
		if (!user) throw new UserFacingError('people.choose-account', 400, messages.chooseAccount, 'jurorId');
		if (user.role !== 'juror') throw new UserFacingError('people.account-not-juror', 400, messages.accountNotJuror, 'jurorId');
		if (await isSessionJuror(trx, sessionId, jurorId))
			throw new UserFacingError('people.already-in-session', 409, messages.alreadyInSession, 'jurorId');
		await saveJurorProfile(trx, jurorId, { company: null, expertise: [], external: true, presidentEligible: false }, false);
		await linkJurorToSession(trx, sessionId, jurorId);
		await appendAudit(trx, { actorId, action: 'session.juror.add', entity: 'session_juror', entityId: `${sessionId}/${jurorId}` });
	});
}

export async function updateJurorProfile(db: Database, actorId: string, sessionId: string, jurorId: string, form: JurorForm) {
	const profile = jurorProfileFromForm(form);
	await inTransaction(db, async (trx) => {
		await lockExistingSession(trx, sessionId);
		const juror = await requireSessionJuror(trx, sessionId, jurorId);
		await saveJurorProfile(trx, jurorId, profile);
		const before = {
			company: juror.company,
			expertise: juror.expertise,
			external: juror.external,
			presidentEligible: juror.presidentEligible
		};
		await appendAudit(trx, { actorId, action: 'juror.profile.update', entity: 'juror_profile', entityId: jurorId, before, after: profile });
	});
}

/** Refused while the juror sits in one of the session's juries: the jury would lose a member unseen. */
export async function removeJurorFromSession(db: Database, actorId: string, sessionId: string, jurorId: string) {
	await inTransaction(db, async (trx) => {
		await lockExistingSession(trx, sessionId);
		const juror = await requireSessionJuror(trx, sessionId, jurorId);
		if (juror.juries.length > 0) throw new UserFacingError('people.sits-in-jury', 409, messages.sitsInJury(juror.juries.join(', ')));
		await unlinkJurorFromSession(trx, sessionId, jurorId);
		await appendAudit(trx, {
			actorId,
			action: 'session.juror.remove',
			entity: 'session_juror',
			entityId: `${sessionId}/${jurorId}`,
			before: { email: juror.email }
		});
	});
}

export type UnavailabilityInput = { kind: 'halfDay'; halfDay?: string } | { kind: 'range'; date?: string; start?: string; end?: string };

/** A half-day of a session day, or a custom range; both typed in the session's time zone. */
export async function addJurorUnavailability(
	db: Database,
	actorId: string,
	sessionId: string,
	jurorId: string,
	input: UnavailabilityInput
) {
	await inTransaction(db, async (trx) => {
		const session = await lockExistingSession(trx, sessionId);
		await requireSessionJuror(trx, sessionId, jurorId);
		const range =
			input.kind === 'halfDay'
				? accepted(
						checkHalfDay(
							input.halfDay,
							(await listDays(trx, sessionId)).map((day) => day.date),
							session.timezone
						)
					)
				: { ...accepted(checkLocalRange(input, session.timezone)), label: null };
		const { id } = await insertUnavailability(trx, jurorId, range);
		await appendAudit(trx, {
			actorId,
			action: 'juror.unavailability.add',
			entity: 'unavailability',
			entityId: id,
			after: { jurorId, ...range }
		});
	});
}

export async function removeJurorUnavailability(
	db: Database,
	actorId: string,
	sessionId: string,
	jurorId: string,
	unavailabilityId: string
) {
	await inTransaction(db, async (trx) => {
		await lockExistingSession(trx, sessionId);
		await requireSessionJuror(trx, sessionId, jurorId);
		const removed = isUuid(unavailabilityId) ? await deleteUnavailability(trx, jurorId, unavailabilityId) : undefined;
		if (!removed) throw new UserFacingError('people.range-not-found', 404, fr.sessions.rangeNotFound);
		await appendAudit(trx, {
			actorId,
			action: 'juror.unavailability.remove',
			entity: 'unavailability',
			entityId: unavailabilityId,
			before: { jurorId, ...removed }
		});
	});
}

export async function declareConflict(
	db: Database,
	actorId: string,
	sessionId: string,
	jurorId: string,
	input: { candidateId?: string; reason?: string }
) {
	const reason = (input.reason ?? '').trim().replace(/\s+/g, ' ');
	await inTransaction(db, async (trx) => {
		await lockExistingSession(trx, sessionId);
		await requireSessionJuror(trx, sessionId, jurorId);
		const candidates = await listSessionCandidates(trx, sessionId);
		const candidate = candidates.find((registered) => registered.id === input.candidateId);
		if (!candidate) throw new UserFacingError('people.candidate-not-in-session', 400, messages.candidateNotInSession, 'candidateId');
		if (!reason) throw new UserFacingError('people.conflict-reason-required', 400, messages.conflictReasonRequired, 'reason');
		if (await findConflict(trx, jurorId, candidate.id))
			throw new UserFacingError('people.conflict-exists', 409, messages.conflictExists, 'candidateId');
		await insertConflict(trx, { jurorId, candidateId: candidate.id, reason });
		await appendAudit(trx, {
			actorId,
			action: 'conflict.declare',
			entity: 'conflict',
			entityId: `${jurorId}/${candidate.id}`,
			after: { reason }
		});
	});
}

export async function removeConflict(db: Database, actorId: string, sessionId: string, jurorId: string, candidateId: string) {
	await inTransaction(db, async (trx) => {
		await lockExistingSession(trx, sessionId);
		await requireSessionJuror(trx, sessionId, jurorId);
		const existing = isUuid(candidateId) ? await findConflict(trx, jurorId, candidateId) : undefined;
		if (!existing) throw new UserFacingError('people.conflict-not-found', 404, messages.conflictNotFound);
		await deleteConflict(trx, jurorId, candidateId);
		await appendAudit(trx, {
			actorId,
			action: 'conflict.remove',
			entity: 'conflict',
			entityId: `${jurorId}/${candidateId}`,
			before: existing
		});
	});
}

/** The juror page of a session: profile, unavailability, declared conflicts and what to pick from. */
export async function jurorDetail(db: Database, sessionId: string, jurorId: string) {
	const [juror] = isUuid(jurorId) ? await listSessionJurors(db, sessionId, jurorId) : [];
	if (!juror) return undefined;
	const [unavailability, conflicts, candidates, days] = await Promise.all([
		listUnavailability(db, jurorId),
		listJurorConflicts(db, sessionId, jurorId),
		listSessionCandidates(db, sessionId),
		listDays(db, sessionId)
	]);
	return { juror, unavailability, conflicts, candidates, days };
}
