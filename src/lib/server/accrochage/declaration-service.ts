import { missingCivilStatus, type CivilStatus, type MissingField } from '$lib/domain/accrochage/civil-status';
import { daysLeft, declarationDeadline, declarationState, reminderDue, type AwardDeclaration } from '$lib/domain/accrochage/deadline';
import { buildFlux, type FluxPassage } from '$lib/domain/accrochage/flux';
import { readReceipt } from '$lib/domain/accrochage/receipt';
import { isUuid } from '$lib/domain/ids';
import { formatInTimeZone } from '$lib/domain/time/format';
import { fr } from '$lib/i18n/fr';
import type { Database } from '../db/connect';
import { inTransaction, type Executor } from '../db/transaction';
import { appendAudit } from '../audit/audit-repository';
import { UserFacingError } from '../errors';
import { isDatabaseUnavailable } from '../db/unavailable';
import { enqueueMail } from '../notifications/outbox-repository';
import { declarationSettings, type DeclarationSettings } from '../certifier/certifier-service';
import {
	activeCoordinators,
	answerPassages,
	declarePassages,
	findCivilStatuses,
	findExport,
	insertExport,
	juryDecisionTimes,
	listExports,
	latestTitleDecisions,
	passagesByIdTechnique,
	passagesOf,
	recordReminders
} from './accrochage-repository';
import { missingLabels, todayIn } from './civil-status-service';
import { sessionCandidates } from '../certification/results-repository';

const t = fr.accrochage;

/** A title awarded in a session (its latest certification decision), with its declaration to the CDC. */
export interface Award extends AwardDeclaration {
	idTechnique: string | null;
	civilStatus: CivilStatus;
	missing: MissingField[];
	/** What is missing, in French. */
	missingLabels: string[];
}

/**
 * Every title awarded in these sessions (all when null), with its declaration state and the days
 * left before the 3-month deadline, counted from `now` in the session's zone.
 */
export async function listAwards(db: Executor, sessionIds: string[] | null, now = new Date(), settings?: DeclarationSettings) {
	const decisions = await latestTitleDecisions(db, sessionIds);
	const { defaultAccessMode } = settings ?? (await declarationSettings(db));
	const decidedAt = await juryDecisionTimes(db, decisions);
	const passages = new Map(
		(await passagesOf(db, sessionIds ?? [...new Set(decisions.map((entry) => entry.sessionId))])).map((passage) => [
			`${passage.sessionId}|${passage.candidateId}`,
			passage
		])
	);
	const statuses = await findCivilStatuses(db, [...new Set(decisions.map((entry) => entry.candidateId))]);
	return decisions.map((decision): Award => {
		const key = `${decision.sessionId}|${decision.candidateId}`;
		const passage = passages.get(key);
		const awardedOn = formatInTimeZone(decidedAt.get(key) ?? new Date(decision.decidedAt), decision.timezone, 'yyyy-MM-dd');
		const deadline = declarationDeadline(passage?.awardedOn ?? awardedOn);
		const civilStatus = statuses.get(decision.candidateId)!;
		const missing = missingCivilStatus(civilStatus, defaultAccessMode);
		return {
			sessionId: decision.sessionId,
			sessionName: decision.sessionName,
			candidateId: decision.candidateId,
			candidateName: decision.candidateName,
			awardedOn: passage?.awardedOn ?? awardedOn,
			deadline,
			daysLeft: daysLeft(deadline, todayIn(now, decision.timezone)),
			state: declarationState(passage?.status ?? null),
			idTechnique: passage?.idTechnique ?? null,
			receiptMessage: passage?.receiptMessage ?? null,
			civilStatus,
			missing,
			missingLabels: missingLabels(missing)
		};
	});
}

/** Awards the next export would hold: new or rejected, civil status complete. */
export const exportable = (award: Award) => (award.state === 'to_declare' || award.state === 'rejected') && award.missing.length === 0;
/** Awards to (re)declare whose civil status is not complete: listed on the page, left out of the file. */
export const incomplete = (award: Award) => (award.state === 'to_declare' || award.state === 'rejected') && award.missing.length > 0;

/** A flux id the CDC can tell apart: the app, the day and time, and a random part. */
function newFluxId(now: Date): string {
	return `SOUTENANCE-${formatInTimeZone(now, 'Europe/Paris', "yyyyMMdd'T'HHmmss")}-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
}

/**
 * Prepares the XML flux of the awards to (re)declare, in one session or in every session: new
 * titles get their idTechnique, rejected ones are sent again under theirs; awards whose civil
 * status is incomplete stay out (the page lists them). The file is kept, to download again.
 */
export async function exportDeclaration(db: Database, actorId: string, sessionId: string | null, now = new Date()) {
	if (sessionId !== null && !isUuid(sessionId)) throw new UserFacingError('accrochage.session-not-found', 404, t.errors.sessionNotFound);
	return inTransaction(db, async (trx) => {
		// One export at a time: a passage declared by two files at once would get two idTechnique.
		const settings = await declarationSettings(trx, true);
		if (!settings.clientId || !settings.contractId) throw new UserFacingError('accrochage.settings-missing', 409, t.pages.settingsMissing);
		const awards = (await listAwards(trx, sessionId ? [sessionId] : null, now, settings)).filter(exportable);
		if (awards.length === 0) throw new UserFacingError('accrochage.nothing-to-export', 409, t.errors.nothingToExport);
		const passages = awards.map((award) => ({
			idTechnique: award.idTechnique ?? crypto.randomUUID(),
			sessionId: award.sessionId,
			candidateId: award.candidateId,
			awardedOn: award.awardedOn
		}));
		const fluxPassages = awards.map((award, index): FluxPassage => {
			const status = award.civilStatus;
			return {
				idTechnique: passages[index].idTechnique,
				awardedOn: award.awardedOn,
				accessMode: (status.accessMode ?? settings.defaultAccessMode)!,
				holder: {
					birthName: status.birthName!,
					usageName: status.usageName,
					firstNames: status.firstNames!,
					birthDate: status.birthDate!,
					sex: status.sex!,
					birthCommuneCode: status.birthCommuneCode,
					birthCountryCode: status.birthCountryCode,
					birthPlaceLabel: status.birthPlaceLabel!
				}
			};
		});
		const exportId = crypto.randomUUID();
		const fluxId = newFluxId(now);
		const xml = buildFlux({
			idFlux: fluxId,
			createdAt: now,
			timezone: 'Europe/Paris',
			emitterClientId: settings.clientId,
			certifier: { clientId: settings.clientId, contractId: settings.contractId },
			certification: { type: settings.certificationType, code: settings.certificationCode },
			passages: fluxPassages
		});
		await insertExport(trx, { id: exportId, fluxId, sessionId, passages: passages.length, xml, createdBy: actorId, createdAt: now });
		await declarePassages(trx, exportId, passages);
		await appendAudit(trx, {
			actorId,
			action: 'declaration.export',
			entity: 'cdc_export',
			entityId: exportId,
			after: {
				fluxId,
				sessionId,
				passages: passages.map((passage, index) => ({
					idTechnique: passage.idTechnique,
					candidateId: passage.candidateId,
					sessionId: passage.sessionId,
					again: awards[index].state === 'rejected'
				}))
			}
		});
		return { exportId, fluxId, passages: passages.length };
	});
}

/** A prepared file, as sent. */
export async function exportFile(db: Executor, exportId: string) {
	const found = isUuid(exportId) ? await findExport(db, exportId) : undefined;
	if (!found) throw new UserFacingError('accrochage.export-not-found', 404, t.errors.exportNotFound);
	return found;
}

export const MAX_RECEIPT_BYTES = 5 * 1024 * 1024;

/**
 * Imports the CDC's « accusé de traitement »: each passage it names becomes accepted or rejected
 * with the CDC's reason. A file that cannot be read, that names a passage Soutenance never sent,
 * or (imported from one session's page, `sessionId`) a passage of another session, is refused
 * whole and nothing is written.
 */
export async function importReceipt(
	db: Database,
	actorId: string,
	bytes: Uint8Array,
	fileName: string,
	sessionId: string | null,
	now = new Date()
) {
	if (bytes.length === 0) throw new UserFacingError('accrochage.receipt-missing', 400, t.errors.receiptMissing, 'file');
	if (bytes.length > MAX_RECEIPT_BYTES) throw new UserFacingError('accrochage.receipt-too-large', 400, t.errors.receiptTooLarge, 'file');
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new UserFacingError('accrochage.receipt-unreadable', 400, t.errors.receiptNotXml('encodage autre que UTF-8'), 'file');
	}
	const reading = readReceipt(text);
	if (!reading.ok) throw new UserFacingError('accrochage.receipt-unreadable', 400, reading.message, 'file');
	return inTransaction(db, async (trx) => {
		const known = new Map(
			(
				await passagesByIdTechnique(
					trx,
					reading.passages.map((passage) => passage.idTechnique)
				)
			).map((passage) => [passage.idTechnique, passage])
		);
		const unknown = reading.passages.filter((passage) => !known.has(passage.idTechnique)).map((passage) => passage.idTechnique);
		if (unknown.length > 0) throw new UserFacingError('accrochage.receipt-unknown', 400, t.errors.receiptUnknown(unknown), 'file');
		const elsewhere = sessionId
			? reading.passages.filter((passage) => known.get(passage.idTechnique)!.sessionId !== sessionId).map((passage) => passage.idTechnique)
			: [];
		if (elsewhere.length > 0)
			throw new UserFacingError('accrochage.receipt-other-session', 400, t.errors.receiptOtherSession(elsewhere), 'file');
		const answers = reading.passages.map((passage) => ({ id: known.get(passage.idTechnique)!.id, ...passage }));
		await answerPassages(trx, answers, now);
		const accepted = answers.filter((answer) => answer.status === 'accepted').length;
		await appendAudit(trx, {
			actorId,
			action: 'declaration.receipt',
			entity: 'cdc_receipt',
			after: {
				fileName,
				passages: answers.map(({ idTechnique, status, message }) => ({ idTechnique, status, message }))
			}
		});
		return { accepted, rejected: answers.length - accepted };
	});
}

function publicOrigin(): string {
	return process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/**
 * The deadline check: every award still to (re)declare whose deadline is 30 days away or less gets
 * one reminder to every active coordinator, through the outbox, once per award and deadline (the
 * reminder rows are the memory of what was sent, written in the same transaction as the mail).
 * Returns how many awards were reminded.
 */
export async function remindDeclarationDeadlines(db: Database, now = new Date(), origin = publicOrigin()): Promise<number> {
	return inTransaction(db, async (trx) => {
		const due = (await listAwards(trx, null, now)).filter((award) => reminderDue(award.state, award.deadline, todayIn(now)));
		const fresh = await recordReminders(trx, due);
		if (fresh.length === 0) return 0;
		const remindedNow = new Set(fresh.map((row) => `${row.sessionId}/${row.candidateId}`));
		const remind = due.filter((award) => remindedNow.has(`${award.sessionId}/${award.candidateId}`));
		const lines = remind.map((award) =>
			t.reminder.line(award.candidateName, award.sessionName, frenchDate(award.deadline), t.states[award.state])
		);
		for (const coordinator of await activeCoordinators(trx))
			await enqueueMail(trx, {
				to: coordinator.email,
				subject: t.reminder.subject(remind.length),
				text: t.reminder.body(coordinator.name, lines, `${origin}/coordination/declaration`)
			});
		await appendAudit(trx, {
			actorId: null,
			action: 'declaration.reminder',
			entity: 'cdc_reminder',
			after: { awards: remind.map((award) => ({ sessionId: award.sessionId, candidateId: award.candidateId, deadline: award.deadline })) }
		});
		return remind.length;
	});
}

const REMINDER_INTERVAL_MS = 60 * 60_000;

/** The server's periodic deadline check: once at start, then every hour. */
export function startDeclarationReminders(db: Database, intervalMs = REMINDER_INTERVAL_MS) {
	let round: Promise<unknown> = Promise.resolve();
	const check = () => {
		round = round.then(() =>
			remindDeclarationDeadlines(db).catch((error: unknown) => {
				if (!isDatabaseUnavailable(error)) console.error('Déclaration CDC : échec du contrôle des échéances', error);
			})
		);
	};
	check();
	const timer = setInterval(check, intervalMs);
	return {
		async stop() {
			clearInterval(timer);
			await round;
		}
	};
}

const frenchDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * What the declaration pages show, for one session or every session: each award with its state
 * and days left, the holders left out for an incomplete civil status (and, for a session, its other
 * candidates still incomplete), how many passages the next file would hold, the files prepared.
 */
export async function declarationPage(db: Executor, sessionId: string | null, now = new Date()) {
	const settings = await declarationSettings(db);
	const awards = await listAwards(db, sessionId ? [sessionId] : null, now, settings);
	let others: { candidateId: string; candidateName: string; missingLabels: string[] }[] = [];
	if (sessionId) {
		const holders = new Set(awards.map((award) => award.candidateId));
		const candidates = (await sessionCandidates(db, sessionId)).filter((candidate) => !holders.has(candidate.id));
		const statuses = await findCivilStatuses(
			db,
			candidates.map((candidate) => candidate.id)
		);
		others = candidates
			.map((candidate) => ({
				candidateId: candidate.id,
				candidateName: candidate.name,
				missingLabels: missingLabels(missingCivilStatus(statuses.get(candidate.id)!, settings.defaultAccessMode))
			}))
			.filter((candidate) => candidate.missingLabels.length > 0);
	}
	const files = await listExports(db, sessionId);
	return {
		settingsReady: Boolean(settings.clientId && settings.contractId),
		exportable: awards.filter(exportable).length,
		awards: awards.map((award) => ({
			sessionId: award.sessionId,
			sessionName: award.sessionName,
			candidateId: award.candidateId,
			candidateName: award.candidateName,
			awardedOn: frenchDate(award.awardedOn),
			deadline: frenchDate(award.deadline),
			daysLeft: award.daysLeft,
			state: award.state,
			receiptMessage: award.receiptMessage
		})),
		incomplete: awards.filter(incomplete).map((award) => ({
			sessionId: award.sessionId,
			candidateId: award.candidateId,
			candidateName: award.candidateName,
			sessionName: award.sessionName,
			missingLabels: award.missingLabels
		})),
		others,
		files: files.map((file) => ({
			id: file.id,
			fluxId: file.fluxId,
			passages: file.passages,
			createdAt: formatInTimeZone(file.createdAt, 'Europe/Paris', "dd/MM/yyyy 'à' HH:mm")
		}))
	};
}

/** The awards of these sessions for the dashboards, soonest deadline first; `pendingOnly` leaves the accepted ones out. */
export async function awardSummaries(db: Executor, sessionIds: string[] | null, now = new Date(), pendingOnly = false) {
	return (await listAwards(db, sessionIds, now))
		.filter((award) => !pendingOnly || award.state !== 'accepted')
		.sort((a, b) => Number(a.state === 'accepted') - Number(b.state === 'accepted') || a.daysLeft - b.daysLeft)
		.map((award) => ({
			sessionId: award.sessionId,
			sessionName: award.sessionName,
			candidateId: award.candidateId,
			candidateName: award.candidateName,
			deadline: frenchDate(award.deadline),
			daysLeft: award.daysLeft,
			state: award.state
		}));
}
