import {
	applyTimerAction,
	defenseUnderWay,
	phaseDurations,
	TIMED_PHASES,
	type Phase,
	type TimerAction,
	type TimerState
} from '$lib/domain/live/timer';
import type { TimerRole, TimerSnapshot, TimerView } from '$lib/domain/live/snapshot';
import { fr } from '$lib/i18n/fr';
import { appendAudit } from '../audit/audit-repository';
import type { SessionUser } from '../auth/auth-repository';
import type { Database } from '../db/connect';
import { inTransaction, type Executor } from '../db/transaction';
import { UserFacingError } from '../errors';
import { notify } from './bus';
import {
	findDefenseContext,
	findTimers,
	insertPhaseRecord,
	isJuryMember,
	finishTimersAtPlannedEnd,
	juryDefensesUnderWay,
	lockJury,
	lockTimer,
	saveTimer,
	setDefenseStatus,
	type DefenseContext
} from './timer-repository';
import { isUuid } from '../../domain/ids';
import { defenseHasSignature } from '../attendance/attendance-repository';
import { formatInTimeZone } from '$lib/domain/time/format';

const t = fr.live;
export type { TimerRole, TimerView };

type Viewer = Pick<SessionUser, 'id' | 'role'>;

/** Who may see a jury's live state: its members (the president drives) and the coordination. */
export async function juryRole(db: Executor, viewer: Viewer, jury: { id: string; presidentId: string | null }): Promise<TimerRole | null> {
	if (viewer.role === 'coordinator') return 'coordinator';
	if (viewer.role !== 'juror' || !(await isJuryMember(db, jury.id, viewer.id))) return null;
	return jury.presidentId === viewer.id ? 'president' : 'juror';
}

/** The defense and the viewer's role on it; anything they may not see is "not found", like a defense that does not exist. */
export async function defenseForViewer(
	db: Executor,
	viewer: Viewer,
	defenseId: string
): Promise<{ defense: DefenseContext; role: TimerRole }> {
	const defense = isUuid(defenseId) ? await findDefenseContext(db, defenseId) : undefined;
	const role = defense ? await juryRole(db, viewer, { id: defense.juryId, presidentId: defense.presidentId }) : null;
	if (!defense || !role) throw new UserFacingError('live.not-found', 404, t.refusals['not-found']);
	return { defense, role };
}

export function snapshotOf(defense: DefenseContext, state: TimerState, status = defense.status): TimerSnapshot {
	return {
		defenseId: defense.id,
		juryId: defense.juryId,
		sessionId: defense.sessionId,
		status,
		state,
		durations: phaseDurations(defense.session, defense.candidates),
		candidates: defense.candidates.map((candidate) => candidate.name),
		plannedStart: defense.plannedStart.getTime()
	};
}

/**
 * Everything the DefenseTimer component needs, for a viewer allowed to see the defense. The
 * juror's defense page calls it in its load and passes the result as the component's `view`.
 */
export async function defenseTimerView(db: Database, viewer: Viewer, defenseId: string): Promise<TimerView> {
	const { defense, role } = await defenseForViewer(db, viewer, defenseId);
	const state = (await findTimers(db, [defense.id])).get(defense.id)!;
	const busy = state.phase === 'accueil' && defense.status === 'planned' ? await otherDefenseUnderWay(db, defense) : null;
	return { snapshot: snapshotOf(defense, state), role, canControl: role === 'president', serverTime: Date.now(), busyWith: busy };
}

/**
 * The jury's other defense under way, if any, with the French sentence saying what to do before
 * `defense` can start (naming it). The rule itself is the domain's `defenseUnderWay`.
 */
async function otherDefenseUnderWay(db: Executor, defense: DefenseContext): Promise<{ defenseId: string; message: string } | null> {
	const busy = defenseUnderWay(await juryDefensesUnderWay(db, defense.juryId), defense.id);
	if (!busy) return null;
	const current = await findDefenseContext(db, busy.id);
	if (!current) return null;
	const phase = (await findTimers(db, [current.id])).get(current.id)!.phase;
	return {
		defenseId: current.id,
		message: t.juryBusy(
			current.candidates.map((candidate) => candidate.name).join(', '),
			formatInTimeZone(current.plannedStart, current.timezone, 'HH:mm'),
			t.phases[phase] ?? phase
		)
	};
}

export interface TimerCommand {
	action: TimerAction;
	/** The phase the president saw when pressing: a second tap on a stale screen must not skip a phase. */
	expectedPhase?: Phase;
}

/**
 * The president's action on the timer, in one transaction: the new state, the closed phase's
 * actual length, the defense's status, an audit row, and one live event delivered on commit.
 */
export async function actOnTimer(
	db: Database,
	actor: Viewer,
	defenseId: string,
	command: TimerCommand,
	now = () => Date.now()
): Promise<TimerSnapshot> {
	return inTransaction(db, async (trx) => {
		const { defense, role } = await defenseForViewer(trx, actor, defenseId);
		if (role !== 'president') throw new UserFacingError('live.president-only', 403, t.refusals['president-only']);
		// One defense at a time per jury: a start waits for any other start of the same jury (the
		// jury's row is locked first, always in this order) and then sees it under way.
		if (command.action === 'start') await lockJury(trx, defense.juryId);
		const before = await lockTimer(trx, defense.id);
		const status = (await trx.selectFrom('defenses').select('status').where('id', '=', defense.id).executeTakeFirstOrThrow()).status;
		if (command.expectedPhase && command.expectedPhase !== before.phase) throw new UserFacingError('live.stale', 409, t.refusals.stale);
		const durations = phaseDurations(defense.session, defense.candidates);
		// The instant is read after the lock, so two actions on one timer are stamped in order.
		const transition = applyTimerAction(before, command.action, now(), durations, status);
		if (!transition.ok) throw new UserFacingError(`live.${transition.reason}`, 409, t.refusals[transition.reason]);
		// A candidate who signed the attendance sheet came: the sheet and the record must not disagree.
		if (command.action === 'absent' && (await defenseHasSignature(trx, defense.id)))
			throw new UserFacingError('live.signed-present', 409, t.refusals['signed-present']);
		if (command.action === 'start') {
			const busy = await otherDefenseUnderWay(trx, defense);
			if (busy) throw new UserFacingError('live.jury-busy', 409, busy.message, undefined, { busyWith: busy.defenseId });
		}
		await saveTimer(trx, defense.id, transition.state, actor.id);
		if (transition.record) await insertPhaseRecord(trx, defense.id, transition.record, actor.id);
		if (transition.status !== status) await setDefenseStatus(trx, defense.id, transition.status);
		await appendAudit(trx, {
			actorId: actor.id,
			action: `timer.${command.action}`,
			entity: 'defense',
			entityId: defense.id,
			before: { phase: before.phase, status, paused: before.pausedAt !== null },
			after: {
				phase: transition.state.phase,
				status: transition.status,
				paused: transition.state.pausedAt !== null,
				record: transition.record
			}
		});
		const snapshot = snapshotOf(defense, transition.state, transition.status);
		await notify(trx, { type: 'timer', sessionId: defense.sessionId, juryId: defense.juryId, defenseId: defense.id, data: snapshot });
		return snapshot;
	});
}

/**
 * For the demo and tests: a defense whose presentation began at `startedAt`, as if its president
 * had pressed "Démarrer" then. Runs inside the caller's transaction.
 */
export async function startTimerForDemo(
	trx: Executor,
	defenseId: string,
	startedAt: Date,
	/** The phase it is in now, when past the presentation (the questions, begun at `phaseStartedAt`). */
	current: { phase: 'presentation' | 'questions'; phaseStartedAt: Date } = { phase: 'presentation', phaseStartedAt: startedAt }
): Promise<void> {
	await trx
		.insertInto('defense_timers')
		.values({ defense_id: defenseId, phase: current.phase, phase_started_at: current.phaseStartedAt, started_at: startedAt })
		.onConflict((oc) =>
			oc.column('defense_id').doUpdateSet({
				phase: current.phase,
				phase_started_at: current.phaseStartedAt,
				started_at: startedAt,
				paused_at: null,
				accumulated_pause_ms: 0
			})
		)
		.execute();
	await setDefenseStatus(trx, defenseId, 'in_progress');
}

/**
 * For the demo: defenses held in the past, over as if their presidents had closed them. With
 * `actualSeconds`, the timer also recorded each timed phase from the planned start, lasting what it
 * says for the phase's planned length (extra time included), as the president's "next" would have.
 */
export async function markDefensesDoneForDemo(
	db: Database,
	defenseIds: string[],
	actualSeconds?: (plannedSeconds: number, defenseId: string) => number
): Promise<void> {
	if (defenseIds.length === 0) return;
	await inTransaction(db, async (trx) => {
		for (const defenseId of defenseIds) await setDefenseStatus(trx, defenseId, 'done');
		// Their timers say so too: a tablet opening one shows it over, not ready to start.
		await finishTimersAtPlannedEnd(trx, defenseIds);
		if (!actualSeconds) return;
		for (const defenseId of defenseIds) {
			const context = (await findDefenseContext(trx, defenseId))!;
			const planned = phaseDurations(context.session, context.candidates);
			let at = context.plannedStart.getTime();
			for (const phase of TIMED_PHASES) {
				const actual = actualSeconds(planned[phase], defenseId);
				const record = {
					phase,
					startedAt: at,
					endedAt: at + actual * 1000,
					plannedSeconds: planned[phase],
					actualSeconds: actual,
					pausedSeconds: 0
				};
				await insertPhaseRecord(trx, defenseId, record, context.presidentId);
				at = record.endedAt;
			}
		}
	});
}

/**
 * Tells the jury's tablets and the coordination's board that a grid was submitted (or reopened).
 * The scoring area calls it inside its own transaction; the event leaves on commit.
 */
export async function notifySubmission(trx: Executor, defenseId: string): Promise<void> {
	const defense = await trx
		.selectFrom('live_defenses')
		.select(['id', 'session_id', 'jury_id'])
		.where('id', '=', defenseId)
		.executeTakeFirst();
	if (defense) await notify(trx, { type: 'submission', sessionId: defense.session_id, juryId: defense.jury_id, defenseId: defense.id });
}
