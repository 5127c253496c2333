import type { Transaction } from 'kysely';
import { fr } from '$lib/i18n/fr';
import { compositionProblems, juryConflicts, type JurorFacts } from '$lib/domain/juries/composition';
import type { Database } from '../db/connect';
import type { DB } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { appendAudit } from '../audit/audit-repository';
import { UserFacingError } from '../errors';
import { listSessionConflicts, listSessionJurors } from '../people/juror-repository';
import { lockExistingSession } from '../sessions/session-service';
import { isUuid } from '../../domain/ids';
import { listRooms, listSessionCandidates } from '../sessions/session-repository';
import {
	countJuryDefenses,
	deleteJury,
	insertJury,
	jurorsWhoSubmittedForJury,
	listJuries,
	updateJury,
	type JuryColumns
} from './jury-repository';

const messages = fr.juries;

/** A jury the composition rules refuse; `reasons` lists every broken rule, in French. */
export class CompositionRefused extends UserFacingError {
	constructor(readonly reasons: string[]) {
		super('juries.composition-refused', 400, `${messages.invalid} ${reasons.join(' ')}`, 'members', { reasons });
	}
}

export interface JuryForm {
	label?: string;
	roomId?: string;
	presidentId?: string;
	memberIds?: string[];
}

/** Everything the juries page shows: each jury with its rule problems and the candidates it cannot hear. */
export async function juryBoard(db: Database, sessionId: string) {
	const [jurors, rooms, juries, candidates, declared] = await Promise.all([
		listSessionJurors(db, sessionId),
		listRooms(db, sessionId),
		listJuries(db, sessionId),
		listSessionCandidates(db, sessionId),
		listSessionConflicts(db, sessionId)
	]);
	const facts: JurorFacts[] = jurors.map(({ id, name, company, external, presidentEligible }) => ({
		id,
		name,
		company,
		external,
		presidentEligible
	}));
	return {
		jurors: facts,
		rooms: rooms.map(({ id, name, remote }) => ({ id, name, remote })),
		candidates,
		declared,
		juries: juries.map((jury) => {
			const members = facts.filter((juror) => jury.memberIds.includes(juror.id));
			return {
				...jury,
				room: rooms.find((room) => room.id === jury.roomId)?.name ?? null,
				members,
				problems: compositionProblems(members, jury.presidentId),
				conflicts: juryConflicts(members, candidates, declared)
			};
		})
	};
}

/** Checks a jury against the session's own jurors and rooms, then against the composition rules. */
async function checkJury(trx: Transaction<DB>, sessionId: string, form: JuryForm, exceptJuryId?: string): Promise<JuryColumns> {
	const label = (form.label ?? '').trim().replace(/\s+/g, ' ');
	if (!label) throw new UserFacingError('juries.label-required', 400, messages.labelRequired, 'label');
	const juries = await listJuries(trx, sessionId);
	if (juries.some((jury) => jury.id !== exceptJuryId && jury.label.toLocaleLowerCase('fr') === label.toLocaleLowerCase('fr'))) {
		throw new UserFacingError('juries.label-taken', 409, messages.labelTaken, 'label');
	}
	const rooms = await listRooms(trx, sessionId);
	if (!rooms.some((room) => room.id === form.roomId))
		throw new UserFacingError('juries.room-required', 400, messages.roomRequired, 'roomId');
	const jurors = await listSessionJurors(trx, sessionId);
	const memberIds = [...new Set(form.memberIds ?? [])];
	const members = jurors.filter((juror) => memberIds.includes(juror.id));
	if (members.length !== memberIds.length)
		throw new UserFacingError('juries.member-not-in-session', 400, messages.memberNotInSession, 'members');
	const presidentId = form.presidentId || null;
	const problems = compositionProblems(members, presidentId);
	if (problems.length > 0) throw new CompositionRefused(problems);
	return { label, roomId: form.roomId!, presidentId: presidentId!, memberIds };
}

async function requireJury(trx: Transaction<DB>, sessionId: string, juryId: string) {
	const jury = isUuid(juryId) ? (await listJuries(trx, sessionId)).find((candidate) => candidate.id === juryId) : undefined;
	if (!jury) throw new UserFacingError('juries.not-found', 404, messages.notFound);
	return jury;
}

export async function createJury(db: Database, actorId: string, sessionId: string, form: JuryForm): Promise<string> {
	return inTransaction(db, async (trx) => {
		await lockExistingSession(trx, sessionId);
		const jury = await checkJury(trx, sessionId, form);
		const id = await insertJury(trx, sessionId, jury);
		await appendAudit(trx, { actorId, action: 'jury.create', entity: 'jury', entityId: id, after: { sessionId, ...jury } });
		return id;
	});
}

export async function editJury(db: Database, actorId: string, sessionId: string, juryId: string, form: JuryForm): Promise<void> {
	return inTransaction(db, async (trx) => {
		await lockExistingSession(trx, sessionId);
		const before = await requireJury(trx, sessionId, juryId);
		// A submitted grid is part of the deliberation: its author stays a member of the jury.
		const removed = before.memberIds.filter((memberId) => !(form.memberIds ?? []).includes(memberId));
		const submitted = await jurorsWhoSubmittedForJury(trx, juryId, removed);
		if (submitted.length > 0)
			throw new UserFacingError('juries.member-has-submitted', 409, messages.memberHasSubmitted(submitted), 'members');
		const jury = await checkJury(trx, sessionId, form, juryId);
		await updateJury(trx, juryId, jury);
		await appendAudit(trx, { actorId, action: 'jury.update', entity: 'jury', entityId: juryId, before, after: jury });
	});
}

/** Refused while defenses are planned for the jury: deleting it would silently delete them too. */
export async function removeJury(db: Database, actorId: string, sessionId: string, juryId: string): Promise<void> {
	return inTransaction(db, async (trx) => {
		await lockExistingSession(trx, sessionId);
		const jury = await requireJury(trx, sessionId, juryId);
		if ((await countJuryDefenses(trx, juryId)) > 0) throw new UserFacingError('juries.has-defenses', 409, messages.hasDefenses);
		await deleteJury(trx, juryId);
		await appendAudit(trx, { actorId, action: 'jury.delete', entity: 'jury', entityId: juryId, before: jury });
	});
}
