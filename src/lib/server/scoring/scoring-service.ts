import type { Transaction } from 'kysely';
import { referentiels, type Referentiel } from '$lib/domain/referentiel/referentiel';
import { changeClock, parseChanges, type GridState, type ScoreChange } from '$lib/domain/scoring/changes';
import { entryKey } from '$lib/domain/scoring/form-fields';
import { completeSheet, gridModel, missingCompetencies, type GridModel, type SheetValues } from '$lib/domain/scoring/grid';
import { fr } from '$lib/i18n/fr';
import { appendAudit, stageScoreSave } from '../audit/audit-repository';
import type { SessionUser } from '../auth/auth-repository';
import { sessionCheck, validateSessionToken } from '../auth/session-service';
import type { Database } from '../db/connect';
import type { DB } from '../db/schema';
import { inTransaction, type Executor } from '../db/transaction';
import { UserFacingError } from '../errors';
import { notifySubmission } from '../live/timer-service';
import { findReferentiel } from '../referentiel/referentiel-repository';
import {
	applyEntryChange,
	applyNotesChange,
	createSheets,
	defenseCandidates,
	entriesOf,
	findDefenseForScoring,
	insertReopening,
	juryMembers,
	notesOf,
	reopeningsOf,
	scorableDefenseIds,
	setSubmitted,
	sheetsOf,
	type DefenseCandidate,
	type DefenseForScoring,
	type ChangeResult,
	type ScoreWriter,
	type SheetRow
} from './scoring-repository';
import { isUuid } from '../../domain/ids';
import { hasSubmitted, jurorsWhoSubmitted } from '../../domain/scoring/submission';

const t = fr.scoring;
const models = new Map<string, GridModel>();

async function modelFor(db: Executor, referentielId: string, blockCode: string): Promise<GridModel> {
	const key = `${referentielId}/${blockCode}`;
	let model = models.get(key);
	if (!model) {
		const referentiel: Referentiel | undefined =
			referentiels.find((entry) => entry.id === referentielId) ?? (await findReferentiel(db, referentielId));
		if (!referentiel) throw new Error(`Référentiel ${referentielId} introuvable`);
		model = gridModel(referentiel, blockCode);
		models.set(key, model);
	}
	return model;
}

interface ScoringContext {
	defense: DefenseForScoring;
	candidates: DefenseCandidate[];
	model: GridModel;
}

/** The defense if this juror sits in its jury: 404 when it does not exist, 403 when it is not theirs. */
async function scoringContext(db: Executor, jurorId: string, defenseId: string): Promise<ScoringContext> {
	const defense = isUuid(defenseId) ? await findDefenseForScoring(db, defenseId) : undefined;
	if (!defense) throw new UserFacingError('scoring.defense-not-found', 404, t.defenseNotFound);
	if (!(await scorableDefenseIds(db, jurorId, [defenseId])).has(defenseId))
		throw new UserFacingError('scoring.not-your-jury', 403, t.notYourJury);
	return {
		defense,
		candidates: await defenseCandidates(db, defenseId),
		model: await modelFor(db, defense.referentielId, defense.blockCode)
	};
}

/** The juror's sheets for the defense, creating the missing ones (one per candidate). */
async function ensureSheets(db: Executor, jurorId: string, defenseId: string, candidateIds: string[]): Promise<SheetRow[]> {
	let sheets = await sheetsOf(db, defenseId, jurorId);
	if (candidateIds.some((candidateId) => !sheets.some((sheet) => sheet.candidateId === candidateId))) {
		await createSheets(db, defenseId, jurorId, candidateIds);
		sheets = await sheetsOf(db, defenseId, jurorId);
	}
	return sheets;
}

async function sheetValues(
	db: Executor,
	model: GridModel,
	sheets: SheetRow[]
): Promise<{ byCandidate: Record<string, SheetValues>; clocks: Record<string, string> }> {
	const entries = await entriesOf(
		db,
		sheets.map((sheet) => sheet.id)
	);
	const byCandidate: Record<string, SheetValues> = {};
	const clocks: Record<string, string> = {};
	for (const sheet of sheets) {
		const stored: SheetValues = {};
		for (const entry of entries.filter((row) => row.sheetId === sheet.id)) {
			stored[entry.code] = { level: entry.level, criteria: entry.criteria, comment: entry.comment };
			for (const [field, clock] of [
				['level', entry.levelClock],
				['criteria', entry.criteriaClock],
				['comment', entry.commentClock]
			] as const) {
				if (clock) clocks[`${sheet.candidateId}|${entry.code}|${field}`] = clock;
			}
		}
		byCandidate[sheet.candidateId] = completeSheet(model, stored);
	}
	return { byCandidate, clocks };
}

/** The juror's own state for the defense, with each field's clock, as the tablet merges it. */
export async function jurorGridState(db: Database, jurorId: string, defenseId: string): Promise<{ state: GridState; submitted: boolean }> {
	const { candidates, model } = await scoringContext(db, jurorId, defenseId);
	const sheets = await ensureSheets(
		db,
		jurorId,
		defenseId,
		candidates.map((candidate) => candidate.id)
	);
	const { byCandidate, clocks } = await sheetValues(db, model, sheets);
	const notes = await notesOf(db, defenseId, jurorId);
	if (notes?.clock) clocks.notes = notes.clock;
	return {
		state: { sheets: byCandidate, notes: notes?.body ?? '', clocks },
		submitted: hasSubmitted(sheets)
	};
}

export interface SaveOutcome {
	/** Changes the server holds (now or from an earlier send): the tablet may forget them. */
	stored: string[];
	/** Changes it will never hold (the grid is locked): the tablet drops them and says so. */
	rejected: { changeId: string; reason: string }[];
}

interface DefenseShape {
	model: GridModel;
	candidateIds: string[];
	readAt: number;
}

// What a defense's changes are checked against (its grid model and candidates) barely ever changes,
// so the autosave keeps it for a short while instead of reading it on every save. The statements
// that write check membership and candidates again in the database, so a stale entry grants nothing.
const shapes = new Map<string, DefenseShape>();
const SHAPE_TTL_MS = 30_000;

async function defenseShape(db: Executor, defenseId: string): Promise<DefenseShape | undefined> {
	const cached = shapes.get(defenseId);
	if (cached && Date.now() - cached.readAt < SHAPE_TTL_MS) return cached;
	const defense = isUuid(defenseId) ? await findDefenseForScoring(db, defenseId) : undefined;
	if (!defense) return undefined;
	if (shapes.size > 10_000) shapes.clear();
	const shape = {
		model: await modelFor(db, defense.referentielId, defense.blockCode),
		candidateIds: (await defenseCandidates(db, defenseId)).map((candidate) => candidate.id),
		readAt: Date.now()
	};
	shapes.set(defenseId, shape);
	return shape;
}

/** One change as one atomic statement; not stored when there is no sheet yet, the sheet is locked or access is missing. */
function applyOne(db: Executor, writer: ScoreWriter, defenseId: string, change: ScoreChange): Promise<ChangeResult> {
	const clock = changeClock(change);
	if (change.field === 'notes')
		return applyNotesChange(db, { changeId: change.changeId, writer, defenseId, body: change.value as string, clock });
	return applyEntryChange(db, {
		changeId: change.changeId,
		writer,
		defenseId,
		candidateId: change.candidateId!,
		code: change.competencyCode!,
		field: change.field,
		value: change.value,
		clock
	});
}

/**
 * Applies a batch of changes, each exactly once, the newest per field winning. Each change is one
 * atomic statement (see the repository). A change it could not store is looked at again: access is
 * checked (403/404), the juror's missing sheets are created (idempotent), and it is tried once more;
 * what still fails targets a submitted grid and is refused as locked.
 */
export async function saveChanges(db: Database, jurorId: string, defenseId: string, body: unknown, now = Date.now()): Promise<SaveOutcome> {
	const shape = await defenseShape(db, defenseId);
	if (!shape) throw new UserFacingError('scoring.defense-not-found', 404, t.defenseNotFound);
	const parsed = parseChanges(body, { model: shape.model, candidateIds: shape.candidateIds, now });
	if (!parsed.ok || parsed.changes.length === 0) {
		// The statements check access for each change; with none to write, or an invalid batch, it is
		// checked here, so someone outside the jury learns nothing, not even a validation message.
		await scoringContext(db, jurorId, defenseId);
		if (!parsed.ok) throw new UserFacingError('scoring.invalid-input', 400, parsed.message);
		return { stored: [], rejected: [] };
	}
	const writer = { jurorId };
	const outcome: SaveOutcome = { stored: [], rejected: [] };
	let remaining = await applyBatch(db, writer, defenseId, parsed.changes, outcome);
	if (remaining.length === 0) return outcome;
	const { candidates } = await scoringContext(db, jurorId, defenseId);
	await createSheets(
		db,
		defenseId,
		jurorId,
		candidates.map((candidate) => candidate.id)
	);
	remaining = await applyBatch(db, writer, defenseId, remaining, outcome);
	const sheets = await sheetsOf(db, defenseId, jurorId);
	for (const change of remaining) {
		if (!sheets.some((sheet) => sheet.candidateId === change.candidateId))
			throw new UserFacingError('scoring.candidate-not-in-defense', 400, t.candidateNotInDefense);
		outcome.rejected.push({ changeId: change.changeId, reason: t.locked });
	}
	return outcome;
}

/**
 * The tablet's autosave, authenticated by its session token inside the write statements: a save
 * the juror may make is its writes and its journal row, in one transaction. Anything else (an empty batch, an invalid one, a change not
 * stored) takes the full path: the session is validated (401, 403), the route's access check `admit`s the
 * user, then saveChanges answers, and
 * the changes stored on the way are replays there.
 */
export async function saveChangesWithSession(
	db: Database,
	token: string,
	defenseId: string,
	body: unknown,
	now = Date.now(),
	admit: (user: SessionUser) => Promise<unknown> = async () => undefined
): Promise<SaveOutcome> {
	const shape = await defenseShape(db, defenseId);
	const parsed = shape && parseChanges(body, { model: shape.model, candidateIds: shape.candidateIds, now });
	if (parsed?.ok && parsed.changes.length > 0) {
		const outcome: SaveOutcome = { stored: [], rejected: [] };
		const remaining = await applyBatch(db, { session: sessionCheck(token, 'juror', new Date(now)) }, defenseId, parsed.changes, outcome);
		if (remaining.length === 0) return outcome;
	}
	const validated = await validateSessionToken(db, token, new Date(now));
	if (!validated) throw new UserFacingError('scoring.not-logged-in', 401, t.notLoggedIn);
	if (validated.user.role !== 'juror') throw new UserFacingError('scoring.forbidden', 403, fr.auth.forbidden);
	await admit(validated.user);
	return saveChanges(db, validated.user.id, defenseId, body, now);
}

/**
 * A batch from the tablet, all or nothing, in one transaction with the journal's row for what it
 * changed. Returns the changes not stored.
 */
async function applyBatch(db: Database, writer: ScoreWriter, defenseId: string, changes: ScoreChange[], outcome: SaveOutcome) {
	let attempt: SaveOutcome = { stored: [], rejected: [] };
	const remaining = await inTransaction(db, async (trx) => {
		attempt = { stored: [], rejected: [] };
		const applied = await applyAll(trx, writer, defenseId, changes, attempt);
		await auditScoreChanges(trx, applied, defenseId);
		return applied.remaining;
	});
	outcome.stored.push(...attempt.stored);
	return remaining;
}

interface Applied {
	/** The changes not stored. */
	remaining: ScoreChange[];
	/** The changes that changed a field now (not replays, not older than what the field held). */
	written: ScoreChange[];
	writerId: string | null;
}

/** Applies each change. */
async function applyAll(
	db: Executor,
	writer: ScoreWriter,
	defenseId: string,
	changes: ScoreChange[],
	outcome: SaveOutcome
): Promise<Applied> {
	const applied: Applied = { remaining: [], written: [], writerId: null };
	for (const change of changes) {
		const result = await applyOne(db, writer, defenseId, change);
		applied.writerId ??= result.writerId;
		if (result.written) applied.written.push(change);
		if (result.stored) outcome.stored.push(change.changeId);
		else applied.remaining.push(change);
	}
	return applied;
}

/**
 * One journal row per save: the juror, and each level, criteria and comment it changed on which
 * candidate's grid, staged in the save's transaction and chained within a second (journal-service).
 * The private notes are not scores and the journal is read by the coordination: they stay out.
 */
async function auditScoreChanges(trx: Transaction<DB>, applied: Applied, defenseId: string): Promise<void> {
	const changes = applied.written.filter((change) => change.field !== 'notes');
	if (changes.length === 0 || !applied.writerId) return;
	await stageScoreSave(trx, {
		actorId: applied.writerId,
		defenseId,
		changes: changes.map((change) => ({
			candidate: change.candidateId,
			competency: change.competencyCode,
			field: change.field,
			value: change.value
		}))
	});
}

export interface GridForm {
	/** The "<candidate>|<competency>" keys the form showed editable: only those are saved. */
	keys: Set<string>;
	levels: Record<string, string>;
	criteria: Record<string, number[]>;
	comments: Record<string, string>;
	notes: string | null;
}

/** The whole grid posted by the page without JavaScript ("Enregistrer"), as changes stamped with the server's clock. */
function formChanges(context: ScoringContext, form: GridForm, now: number): ScoreChange[] {
	const changes: ScoreChange[] = [];
	const stamp = () => ({ changeId: crypto.randomUUID(), clientTime: now });
	for (const candidate of context.candidates) {
		for (const competency of context.model.competencies) {
			const key = entryKey(candidate.id, competency.code);
			if (!form.keys.has(key)) continue;
			const target = { candidateId: candidate.id, competencyCode: competency.code };
			if (form.levels[key] !== undefined && form.levels[key] !== '')
				changes.push({ ...stamp(), ...target, field: 'level', value: Number(form.levels[key]) });
			changes.push({ ...stamp(), ...target, field: 'criteria', value: form.criteria[key] ?? [] });
			if (form.comments[key] !== undefined) changes.push({ ...stamp(), ...target, field: 'comment', value: form.comments[key] });
		}
	}
	if (form.notes !== null) changes.push({ ...stamp(), candidateId: null, competencyCode: null, field: 'notes', value: form.notes });
	return changes;
}

export async function saveGridForm(
	db: Database,
	jurorId: string,
	defenseId: string,
	form: GridForm,
	now = Date.now()
): Promise<SaveOutcome> {
	return inTransaction(
		db,
		async (trx) => {
			const context = await scoringContext(trx, jurorId, defenseId);
			const parsed = parseChanges(
				{ changes: formChanges(context, form, now) },
				{ model: context.model, candidateIds: context.candidates.map((candidate) => candidate.id), now }
			);
			if (!parsed.ok) throw new UserFacingError('scoring.invalid-input', 400, parsed.message);
			await ensureSheets(
				trx,
				jurorId,
				defenseId,
				context.candidates.map((candidate) => candidate.id)
			);
			const outcome: SaveOutcome = { stored: [], rejected: [] };
			const applied = await applyAll(trx, { jurorId }, defenseId, parsed.changes, outcome);
			for (const change of applied.remaining) outcome.rejected.push({ changeId: change.changeId, reason: t.locked });
			await auditScoreChanges(trx, applied, defenseId);
			return outcome;
		},
		{ serializable: true }
	);
}

/**
 * Submits the juror's grids for the defense (one per candidate): refused, naming what is missing,
 * until every competency has a level; afterwards the grids are locked.
 */
export async function submitGrids(db: Database, jurorId: string, defenseId: string, form?: GridForm): Promise<void> {
	await inTransaction(
		db,
		async (trx) => {
			const context = await scoringContext(trx, jurorId, defenseId);
			const candidateIds = context.candidates.map((candidate) => candidate.id);
			if (form) {
				const parsed = parseChanges(
					{ changes: formChanges(context, form, Date.now()) },
					{ model: context.model, candidateIds, now: Date.now() }
				);
				if (!parsed.ok) throw new UserFacingError('scoring.invalid-input', 400, parsed.message);
				await ensureSheets(trx, jurorId, defenseId, candidateIds);
				await auditScoreChanges(trx, await applyAll(trx, { jurorId }, defenseId, parsed.changes, { stored: [], rejected: [] }), defenseId);
			}
			const sheets = await ensureSheets(trx, jurorId, defenseId, candidateIds);
			if (sheets.every((sheet) => sheet.submittedAt)) throw new UserFacingError('scoring.already-submitted', 409, t.alreadySubmitted);
			const { byCandidate } = await sheetValues(trx, context.model, sheets);
			const missing = context.candidates
				.map((candidate) => ({ candidate, codes: missingCompetencies(context.model, byCandidate[candidate.id]) }))
				.filter((entry) => entry.codes.length > 0);
			if (missing.length > 0) {
				const text =
					context.candidates.length === 1
						? missing[0].codes.join(', ')
						: missing.map((entry) => t.missingFor(entry.candidate.name, entry.codes)).join(' ; ');
				throw new UserFacingError('scoring.missing-levels', 400, t.missingLevels(text), 'grid', {
					missing: missing.map((entry) => ({ candidateId: entry.candidate.id, codes: entry.codes }))
				});
			}
			await setSubmitted(trx, defenseId, jurorId, new Date());
			await notifySubmission(trx, defenseId);
			await appendAudit(trx, {
				actorId: jurorId,
				action: 'scores.submit',
				entity: 'defense',
				entityId: defenseId,
				after: {
					juror: jurorId,
					sheets: Object.fromEntries(
						Object.entries(byCandidate).map(([candidateId, sheet]) => [
							candidateId,
							Object.fromEntries(Object.entries(sheet).map(([code, entry]) => [code, entry.level]))
						])
					)
				}
			});
		},
		{ serializable: true }
	);
}

/** The president reopens a juror's submitted grids for the defense, with a reason kept in the log. */
export async function reopenGrids(db: Database, presidentId: string, defenseId: string, jurorId: string, reason: string): Promise<void> {
	const trimmed = reason.trim();
	if (!trimmed) throw new UserFacingError('scoring.reason-required', 400, t.reasonRequired, 'reason');
	if (trimmed.length > 500) throw new UserFacingError('scoring.reason-too-long', 400, t.reasonTooLong, 'reason');
	await inTransaction(
		db,
		async (trx) => {
			const { defense } = await scoringContext(trx, presidentId, defenseId);
			if (defense.presidentId !== presidentId) throw new UserFacingError('scoring.not-president', 403, t.notPresident);
			if (!isUuid(jurorId) || !(await scorableDefenseIds(trx, jurorId, [defenseId])).has(defenseId))
				throw new UserFacingError('scoring.not-a-member', 404, t.notAMember, 'juror');
			const sheets = await sheetsOf(trx, defenseId, jurorId);
			if (sheets.length === 0 || !sheets.some((sheet) => sheet.submittedAt))
				throw new UserFacingError('scoring.not-submitted', 409, t.notSubmitted, 'juror');
			await setSubmitted(trx, defenseId, jurorId, null);
			await insertReopening(trx, { defenseId, jurorId, reopenedBy: presidentId, reason: trimmed });
			await notifySubmission(trx, defenseId);
			await appendAudit(trx, {
				actorId: presidentId,
				action: 'scores.reopen',
				entity: 'defense',
				entityId: defenseId,
				before: { juror: jurorId, submitted: true },
				after: { juror: jurorId, submitted: false, reason: trimmed }
			});
		},
		{ serializable: true }
	);
}

export interface OtherJurorScores {
	jurorId: string;
	name: string;
	byCandidate: Record<string, SheetValues>;
}

export interface DefensePage {
	defense: DefenseForScoring;
	candidates: DefenseCandidate[];
	model: GridModel;
	own: { state: GridState; submitted: boolean };
	isPresident: boolean;
	/** Each member's submission status (no scores): what the president needs to reopen a grid. */
	members: { id: string; name: string; submitted: boolean; isSelf: boolean }[];
	/** Other members' submitted scores: empty until this juror has submitted. */
	others: OtherJurorScores[];
	reopenings: Awaited<ReturnType<typeof reopeningsOf>>;
}

export async function defensePage(db: Database, jurorId: string, defenseId: string): Promise<DefensePage> {
	const context = await scoringContext(db, jurorId, defenseId);
	const own = await jurorGridState(db, jurorId, defenseId);
	const members = await juryMembers(db, context.defense.juryId);
	const allSheets = await sheetsOf(db, defenseId);
	const submitted = jurorsWhoSubmitted(allSheets);
	const others: OtherJurorScores[] = [];
	if (own.submitted) {
		for (const member of members.filter((entry) => entry.id !== jurorId && submitted.has(entry.id))) {
			const { byCandidate } = await sheetValues(
				db,
				context.model,
				allSheets.filter((sheet) => sheet.jurorId === member.id)
			);
			others.push({ jurorId: member.id, name: member.name, byCandidate });
		}
	}
	return {
		...context,
		own,
		isPresident: context.defense.presidentId === jurorId,
		members: members.map((member) => ({ ...member, submitted: submitted.has(member.id), isSelf: member.id === jurorId })),
		others,
		reopenings: await reopeningsOf(db, defenseId)
	};
}
