import { allowedStartsOnDay, checkPlacement, type AllowedStarts } from '../../domain/planning/move-check';
import { checkSchedule } from '../../domain/planning/check';
import { scheduleMetrics, type PlanMetrics } from '../../domain/planning/metrics';
import { isIsoInstant, isLocalDate, isLocalTime, localToInstant, MOVE_STEP_MINUTES } from '../../domain/planning/time';
import { isUuid } from '../../domain/ids';
import { SCHEDULE_FORMAT, type Schedule } from '../../domain/planning/types';
import { fr } from '../../i18n/fr';
import { appendAudit } from '../audit/audit-repository';
import type { Database } from '../db';
import { inTransaction } from '../db/transaction';
import { UserFacingError } from '../errors';
import { INSTANCE_ID } from '../instance';
import { humanize, loadPlanningContext, problemErrors, type PlanningContext } from './problem-service';
import { candidateSetKey, replaceDefenses, updateDefensePinned, updateDefensePlacement } from './schedule-repository';
import {
	failRun,
	failSilentRuns,
	finishRun,
	insertRun,
	latestRun,
	touchRun,
	updateRunProgress,
	type PlanningRun,
	type RunMode,
	type RunOutcome
} from './schedule-runs-repository';

/** A refusal with the list of every reason, each in French. */
export class PlanningRefusal extends UserFacingError {
	constructor(
		code: string,
		message: string,
		readonly details: string[],
		status: 400 | 404 | 409 = 400
	) {
		super(code, status, message, undefined, { details });
	}
}

const RUN_TIME_LIMIT_MS = 20_000;
/**
 * The solving instance touches its run this often; a run silent for several beats belongs to a
 * server that stopped (a live one's worker ends by its own watchdog), so it will never finish.
 */
const HEARTBEAT_MS = 2_000;
const SILENT_RUN_MS = 5 * HEARTBEAT_MS;
const PROGRESS_WRITE_INTERVAL_MS = 250;
const ENGINE_SEED = 1;

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505';

/**
 * Starts the engine on the session's problem in a worker thread. `finished` settles when the
 * result is saved (or the run marked failed); it never rejects. "plan" places everything anew
 * around the pinned defenses; "reoptimise" also passes the current plan as `previous`, so the
 * engine moves as few defenses as it can.
 */
export async function startPlanningRun(
	db: Database,
	actorId: string,
	sessionId: string,
	mode: RunMode
): Promise<{ runId: string; finished: Promise<void> }> {
	const context = await loadPlanningContext(db, sessionId);
	const errors = problemErrors(context);
	if (errors.length) throw new PlanningRefusal('planning.problem-invalid', fr.planning.problemInvalid, errors);
	await failInterruptedRuns(db, sessionId);
	let runId: string;
	try {
		runId = await inTransaction(db, async (trx) => {
			const id = await insertRun(trx, {
				sessionId,
				mode,
				startedBy: actorId,
				total: context.problem.candidates.length,
				instanceId: INSTANCE_ID
			});
			await appendAudit(trx, { actorId, action: 'planning.run.start', entity: 'planning_run', entityId: id, after: { sessionId, mode } });
			return id;
		});
	} catch (error) {
		if (isUniqueViolation(error)) throw new UserFacingError('planning.run-already-running', 409, fr.planning.runAlreadyRunning);
		throw error;
	}
	return { runId, finished: solveAndSave(db, actorId, context, runId, mode) };
}

async function solveAndSave(db: Database, actorId: string, context: PlanningContext, runId: string, mode: RunMode): Promise<void> {
	// Progress rows are written one after the other, at most every PROGRESS_WRITE_INTERVAL_MS.
	let progressWrites = Promise.resolve();
	let lastWrite = 0;
	const onProgress = (progress: { phase: string; fraction: number; placed: number }) => {
		if (Date.now() - lastWrite < PROGRESS_WRITE_INTERVAL_MS) return;
		lastWrite = Date.now();
		progressWrites = progressWrites.then(() => updateRunProgress(db, runId, progress)).catch(() => undefined);
	};
	const heartbeat = setInterval(() => void touchRun(db, runId).catch(() => undefined), HEARTBEAT_MS);
	try {
		const previous = mode === 'reoptimise' ? context.schedule : undefined;
		// Imported on demand so that the bundler gives the worker module a chunk of its own, which
		// the worker thread loads without the rest of the server.
		const { solveInWorker } = await import('./solver-worker');
		const schedule = await solveInWorker(context.problem, { seed: ENGINE_SEED, timeLimitMs: RUN_TIME_LIMIT_MS, previous }, onProgress);
		await progressWrites;
		await inTransaction(db, async (trx) => {
			// The plan may have changed while the engine ran (a pin, a move): never save over it blindly.
			const now = await loadPlanningContext(trx, context.sessionId);
			const invalid = problemErrors(now);
			const violations = invalid.length ? invalid : checkSchedule(now.problem, schedule).map((text) => humanize(now.labels, text));
			if (violations.length) throw new Error(violations.slice(0, 3).join(' ; '));
			const changes = await replaceDefenses(trx, context.sessionId, schedule.defenses);
			const outcome: RunOutcome = {
				placed: schedule.defenses.reduce((sum, defense) => sum + defense.candidates.length, 0),
				total: context.problem.candidates.length,
				unplaced: schedule.unplaced.map((group) => ({
					candidates: group.candidates,
					names: group.candidates.map((id) => context.labels.get(id) ?? id),
					reasons: group.reasons.map((reason) => humanize(context.labels, reason))
				})),
				stats: schedule.stats,
				changes
			};
			await finishRun(trx, runId, outcome);
			await appendAudit(trx, {
				actorId,
				action: mode === 'plan' ? 'planning.solve' : 'planning.reoptimise',
				entity: 'exam_session',
				entityId: context.sessionId,
				after: { runId, placed: outcome.placed, total: outcome.total, changes }
			});
		});
	} catch (error) {
		await progressWrites;
		await failRun(db, runId, fr.planning.runFailed(error instanceof Error ? error.message : String(error))).catch(() => undefined);
	} finally {
		clearInterval(heartbeat);
	}
}

function failInterruptedRuns(db: Database, sessionId: string): Promise<void> {
	return failSilentRuns(db, sessionId, new Date(Date.now() - SILENT_RUN_MS), fr.planning.runInterrupted);
}

/** The session's latest run; one left running by a stopped server is first marked failed. */
export async function currentRun(db: Database, sessionId: string): Promise<PlanningRun | null> {
	await failInterruptedRuns(db, sessionId);
	return (await latestRun(db, sessionId)) ?? null;
}

/** Waits for a run at most `timeoutMs`; the run goes on in the background after that. */
export async function waitForRun(finished: Promise<void>, timeoutMs: number): Promise<void> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	await Promise.race([finished, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
	clearTimeout(timer);
}

export interface PlanView {
	context: PlanningContext;
	/** The current plan, each unplaced group with the engine's reasons from the latest run. */
	schedule: Schedule;
	metrics: PlanMetrics | null;
	problemErrors: string[];
	run: PlanningRun | null;
}

export async function loadPlanView(db: Database, sessionId: string): Promise<PlanView> {
	const context = await loadPlanningContext(db, sessionId);
	const run = await currentRun(db, sessionId);
	const errors = problemErrors(context);
	const reasonsByKey = new Map<string, string[]>();
	const outcome = run?.status === 'done' ? (run.result as unknown as RunOutcome | null) : null;
	for (const group of outcome?.unplaced ?? []) reasonsByKey.set(candidateSetKey(group.candidates), group.reasons);
	const schedule: Schedule = {
		...context.schedule,
		unplaced: context.schedule.unplaced.map((group) => ({
			candidates: group.candidates,
			reasons: reasonsByKey.get(candidateSetKey(group.candidates)) ?? [fr.planning.unplacedWithoutReason]
		}))
	};
	return {
		context,
		schedule,
		metrics: errors.length ? null : scheduleMetrics(context.problem, context.schedule),
		problemErrors: errors,
		run
	};
}

function findDefense(context: PlanningContext, defenseId: string) {
	const row = context.rows.defenses.find((defense) => defense.id === defenseId);
	if (!row) throw new UserFacingError('planning.defense-not-found', 404, fr.planning.defenseNotFound);
	const defense = context.schedule.defenses[context.rows.defenses.indexOf(row)];
	return { row, defense };
}

/**
 * Moves one defense to another jury or start after checking every hard rule against the rest of
 * the plan; a refusal lists each reason and changes nothing.
 */
export async function moveDefense(
	db: Database,
	actorId: string,
	sessionId: string,
	defenseId: string,
	target: { juryId: string; date: string; time: string }
): Promise<void> {
	await inTransaction(db, async (trx) => {
		const context = await loadPlanningContext(trx, sessionId);
		const { row, defense } = findDefense(context, defenseId);
		if (!context.problem.juries.some((jury) => jury.id === target.juryId))
			throw new UserFacingError('planning.unknown-jury', 400, fr.planning.move.unknownJury, 'juryId');
		if (!isLocalDate(target.date) || !isLocalTime(target.time) || !context.problem.days.some((day) => day.date === target.date))
			throw new UserFacingError('planning.start-invalid', 400, fr.planning.move.startInvalid, 'time');
		const start = localToInstant(target.date, target.time, context.timezone);
		const others = context.schedule.defenses.filter((other) => other !== defense);
		const check = checkPlacement(context.problem, others, { candidates: defense.candidates, jury: target.juryId, start });
		if (!check.defense) throw new PlanningRefusal('planning.refused', fr.planning.move.refused, check.reasons, 409);
		await updateDefensePlacement(trx, row.id, {
			juryId: target.juryId,
			startsAt: new Date(check.defense.start),
			endsAt: new Date(check.defense.end)
		});
		await appendAudit(trx, {
			actorId,
			action: 'planning.defense.move',
			entity: 'defense',
			entityId: row.id,
			before: { jury: defense.jury, start: defense.start },
			after: { jury: check.defense.jury, start: check.defense.start }
		});
	});
}

/** Where on `date` a defense of the plan may be moved, per jury: what the grid shades while it is dragged. */
export async function allowedStartsOfDefense(
	db: Database,
	sessionId: string,
	defenseId: string,
	date: string
): Promise<{ step: number; allowed: AllowedStarts[] }> {
	if (!isUuid(defenseId)) throw new UserFacingError('planning.defense-required', 400, fr.planning.move.defenseRequired, 'soutenance');
	const context = await loadPlanningContext(db, sessionId);
	const { defense } = findDefense(context, defenseId);
	if (!isLocalDate(date) || !context.problem.days.some((day) => day.date === date))
		throw new UserFacingError('planning.start-invalid', 400, fr.planning.move.startInvalid, 'jour');
	const others = context.schedule.defenses.filter((other) => other !== defense);
	return { step: MOVE_STEP_MINUTES, allowed: allowedStartsOnDay(context.problem, others, defense.candidates, date, MOVE_STEP_MINUTES) };
}

export async function setDefensePinned(
	db: Database,
	actorId: string,
	sessionId: string,
	defenseId: string,
	pinned: boolean
): Promise<void> {
	await inTransaction(db, async (trx) => {
		const context = await loadPlanningContext(trx, sessionId);
		const { row } = findDefense(context, defenseId);
		if (row.pinned === pinned) return;
		await updateDefensePinned(trx, row.id, pinned);
		await appendAudit(trx, {
			actorId,
			action: pinned ? 'planning.defense.pin' : 'planning.defense.unpin',
			entity: 'defense',
			entityId: row.id,
			before: { pinned: row.pinned },
			after: { pinned }
		});
	});
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isIdList = (value: unknown): value is string[] =>
	Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string');

/** Shape of a `soutenance.schedule/1` document; every malformed entry is reported. */
function parseScheduleDocument(text: string): Schedule {
	let input: unknown;
	try {
		input = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		throw new UserFacingError('planning.import-invalid-json', 400, fr.planning.importInvalidJson);
	}
	if (!isObject(input) || input.format !== SCHEDULE_FORMAT || !Array.isArray(input.defenses) || !Array.isArray(input.unplaced))
		throw new UserFacingError('planning.import-wrong-format', 400, fr.planning.importWrongFormat);
	const problems: string[] = [];
	input.defenses.forEach((defense, index) => {
		if (
			!isObject(defense) ||
			!isIdList(defense.candidates) ||
			typeof defense.jury !== 'string' ||
			typeof defense.room !== 'string' ||
			!isIsoInstant(defense.start) ||
			!isIsoInstant(defense.end)
		)
			problems.push(`soutenance n°${index + 1} : candidates, jury, room, start et end (instants ISO 8601 avec décalage) attendus`);
	});
	input.unplaced.forEach((group, index) => {
		if (!isObject(group) || !isIdList(group.candidates)) problems.push(`non placé n°${index + 1} : candidates (liste non vide) attendu`);
	});
	if (problems.length) throw new PlanningRefusal('planning.import-refused', fr.planning.importRefused, problems);
	return {
		format: SCHEDULE_FORMAT,
		defenses: input.defenses as Schedule['defenses'],
		unplaced: (input.unplaced as Record<string, unknown>[]).map((group) => ({
			candidates: group.candidates as string[],
			reasons: Array.isArray(group.reasons) ? group.reasons.filter((reason): reason is string => typeof reason === 'string') : []
		})),
		stats: { elapsedMs: 0 }
	};
}

/** Replaces the plan by an uploaded schedule once the checker finds no violation at all. */
export async function importSchedule(db: Database, actorId: string, sessionId: string, text: string): Promise<{ defenses: number }> {
	const schedule = parseScheduleDocument(text);
	return inTransaction(db, async (trx) => {
		const context = await loadPlanningContext(trx, sessionId);
		const errors = problemErrors(context);
		if (errors.length) throw new PlanningRefusal('planning.problem-invalid', fr.planning.problemInvalid, errors);
		const violations = checkSchedule(context.problem, schedule).map((text) => humanize(context.labels, text));
		if (violations.length) throw new PlanningRefusal('planning.import-refused', fr.planning.importRefused, violations);
		const changes = await replaceDefenses(trx, sessionId, schedule.defenses);
		await appendAudit(trx, {
			actorId,
			action: 'planning.import',
			entity: 'exam_session',
			entityId: sessionId,
			after: { defenses: schedule.defenses.length, changes }
		});
		return { defenses: schedule.defenses.length };
	});
}
