// The shared defense timer, as pure state transitions over instants in milliseconds. The server's
// clock stamps every transition; clients only compute what an instant shows.

import { spokenMinutes } from '../planning/constraints';

export const PHASES = ['accueil', 'presentation', 'questions', 'deliberation', 'termine'] as const;
export type Phase = (typeof PHASES)[number];
export type TimedPhase = 'presentation' | 'questions' | 'deliberation';
export const TIMED_PHASES: readonly TimedPhase[] = ['presentation', 'questions', 'deliberation'];

export function isTimedPhase(phase: Phase): phase is TimedPhase {
	return (TIMED_PHASES as readonly string[]).includes(phase);
}

export function isPhase(value: unknown): value is Phase {
	return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}

/** Planned length of each timed phase, in seconds. */
export type PhaseDurations = Record<TimedPhase, number>;

export interface SessionDurations {
	/** Minutes, as stored on the session. */
	presentation: number;
	questions: number;
	deliberation: number;
	extraPerTeamMember: number;
}

/**
 * The phases of a defense by n candidates whose largest extra time is e %. They add up to the
 * length of docs/planning-v1.md exactly: ceil((P + Q) × (1 + e/100)) + (n − 1) × extraPerTeamMember + D
 * minutes. The presentation gets P × (1 + e/100) (to the second); the questions get the rest of
 * the spoken time, which carries the rounding up and the team's extra minutes.
 */
export function phaseDurations(session: SessionDurations, candidates: { extraTimePercent: number }[]): PhaseDurations {
	const extraPercent = Math.max(0, ...candidates.map((candidate) => candidate.extraTimePercent));
	const teamSize = Math.max(1, candidates.length);
	const spoken = spokenMinutes(session, extraPercent);
	const presentation = Math.round((session.presentation * 60 * (100 + extraPercent)) / 100);
	const questions = spoken * 60 - presentation + (teamSize - 1) * session.extraPerTeamMember * 60;
	return { presentation, questions, deliberation: session.deliberation * 60 };
}

export interface TimerState {
	phase: Phase;
	/** When the current phase began; null while nobody has started (accueil). */
	phaseStartedAt: number | null;
	/** Set while paused. */
	pausedAt: number | null;
	/** Paused time already closed within the current phase. */
	accumulatedPauseMs: number;
	/** When the presentation began: the defense's actual start. */
	startedAt: number | null;
}

export const initialTimerState = (): TimerState => ({
	phase: 'accueil',
	phaseStartedAt: null,
	pausedAt: null,
	accumulatedPauseMs: 0,
	startedAt: null
});

export type TimerAction = 'start' | 'next' | 'pause' | 'resume' | 'absent';
export const TIMER_ACTIONS: readonly TimerAction[] = ['start', 'next', 'pause', 'resume', 'absent'];

export function isTimerAction(value: unknown): value is TimerAction {
	return typeof value === 'string' && (TIMER_ACTIONS as readonly string[]).includes(value);
}

/** What a phase lasted, written when it closes. */
export interface PhaseRecord {
	phase: TimedPhase;
	startedAt: number;
	endedAt: number;
	plannedSeconds: number;
	/** Running time, pauses excluded. */
	actualSeconds: number;
	pausedSeconds: number;
}

export type TransitionRefusal =
	'already-started' | 'not-started' | 'finished' | 'already-paused' | 'not-paused' | 'started-cannot-be-absent' | 'absent';

export type Transition =
	| { ok: true; state: TimerState; record: PhaseRecord | null; status: 'in_progress' | 'done' | 'absent' }
	| { ok: false; reason: TransitionRefusal };

function pausedMs(state: TimerState, now: number): number {
	return state.accumulatedPauseMs + (state.pausedAt === null ? 0 : Math.max(0, now - state.pausedAt));
}

/** Running time of the current phase at `now`, pauses excluded. */
export function elapsedMs(state: TimerState, now: number): number {
	if (state.phaseStartedAt === null || !isTimedPhase(state.phase)) return 0;
	return Math.max(0, now - state.phaseStartedAt - pausedMs(state, now));
}

function closePhase(state: TimerState, durations: PhaseDurations, now: number): PhaseRecord | null {
	if (!isTimedPhase(state.phase) || state.phaseStartedAt === null) return null;
	return {
		phase: state.phase,
		startedAt: state.phaseStartedAt,
		endedAt: now,
		plannedSeconds: durations[state.phase],
		actualSeconds: Math.round(elapsedMs(state, now) / 1000),
		pausedSeconds: Math.round(pausedMs(state, now) / 1000)
	};
}

/**
 * Applies the president's action. `absent` is for a candidate who never came: once the
 * presentation has started the defense happened and cannot be marked absent.
 */
export function applyTimerAction(
	state: TimerState,
	action: TimerAction,
	now: number,
	durations: PhaseDurations,
	currentStatus = 'planned'
): Transition {
	if (currentStatus === 'absent') return { ok: false, reason: 'absent' };
	// The status is the record: a defense recorded as done is over even if its timer never ran.
	if (currentStatus === 'done') return { ok: false, reason: 'finished' };
	const running = (phase: Phase): TimerState => ({ ...state, phase, phaseStartedAt: now, pausedAt: null, accumulatedPauseMs: 0 });
	switch (action) {
		case 'start':
			if (state.phase !== 'accueil') return { ok: false, reason: state.phase === 'termine' ? 'finished' : 'already-started' };
			return { ok: true, state: { ...running('presentation'), startedAt: now }, record: null, status: 'in_progress' };
		case 'next': {
			if (state.phase === 'accueil') return { ok: false, reason: 'not-started' };
			if (state.phase === 'termine') return { ok: false, reason: 'finished' };
			const following = PHASES[PHASES.indexOf(state.phase) + 1];
			return {
				ok: true,
				state: running(following),
				record: closePhase(state, durations, now),
				status: following === 'termine' ? 'done' : 'in_progress'
			};
		}
		case 'pause':
			if (!isTimedPhase(state.phase)) return { ok: false, reason: state.phase === 'termine' ? 'finished' : 'not-started' };
			if (state.pausedAt !== null) return { ok: false, reason: 'already-paused' };
			return { ok: true, state: { ...state, pausedAt: now }, record: null, status: 'in_progress' };
		case 'resume':
			if (state.pausedAt === null) return { ok: false, reason: 'not-paused' };
			return {
				ok: true,
				state: { ...state, pausedAt: null, accumulatedPauseMs: pausedMs(state, now) },
				record: null,
				status: 'in_progress'
			};
		case 'absent':
			if (state.phase !== 'accueil') return { ok: false, reason: 'started-cannot-be-absent' };
			return { ok: true, state, record: null, status: 'absent' };
	}
}

export type Warning = 'none' | 'two-minutes' | 'one-minute' | 'overtime';

export interface TimerReading {
	phase: Phase;
	paused: boolean;
	/** Planned length of the current phase, or null when it has none (accueil, terminé). */
	plannedSeconds: number | null;
	/** Whole seconds left, counted up to the next second (shows 10:00 at the start, 00:01 at the end). */
	remainingSeconds: number | null;
	/** Whole seconds past the planned end. */
	overtimeSeconds: number;
	warning: Warning;
}

/** What the timer shows at `now`. */
export function readTimer(state: TimerState, durations: PhaseDurations, now: number): TimerReading {
	if (!isTimedPhase(state.phase) || state.phaseStartedAt === null) {
		return { phase: state.phase, paused: false, plannedSeconds: null, remainingSeconds: null, overtimeSeconds: 0, warning: 'none' };
	}
	const plannedMs = durations[state.phase] * 1000;
	const leftMs = plannedMs - elapsedMs(state, now);
	const remainingSeconds = Math.max(0, Math.ceil(leftMs / 1000));
	const overtimeSeconds = leftMs < 0 ? Math.floor(-leftMs / 1000) : 0;
	const warning: Warning = leftMs <= 0 ? 'overtime' : leftMs <= 60_000 ? 'one-minute' : leftMs <= 120_000 ? 'two-minutes' : 'none';
	return {
		phase: state.phase,
		paused: state.pausedAt !== null,
		plannedSeconds: durations[state.phase],
		remainingSeconds,
		overtimeSeconds,
		warning
	};
}

/** "09:05" for 545 seconds; minutes keep counting past an hour ("75:00"). */
export function formatClock(seconds: number): string {
	const whole = Math.max(0, Math.floor(seconds));
	return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/** The overrun as a juror reads it at a glance: "+0:26", "+12:05" (minutes unpadded). */
export function formatOvertime(seconds: number): string {
	const whole = Math.max(0, Math.floor(seconds));
	return `+${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** A defense of a jury as the one-at-a-time rule sees it. */
export interface JuryDefenseStatus {
	id: string;
	/** planned, in_progress, done or absent: in_progress from "Démarrer" until "Terminé", paused or not. */
	status: string;
}

/**
 * A jury runs one defense at a time: the jury's other defense still under way (started, in any
 * phase, paused or not, and not yet finished), which forbids starting `defenseId`; null when none.
 */
export function defenseUnderWay<T extends JuryDefenseStatus>(juryDefenses: readonly T[], defenseId: string): T | null {
	return juryDefenses.find((defense) => defense.id !== defenseId && defense.status === 'in_progress') ?? null;
}

/**
 * When the defense will end if every remaining phase takes its planned length from now on
 * (a phase already over time ends now at the earliest). Null when it has not started.
 */
export function predictedEnd(state: TimerState, durations: PhaseDurations, now: number): number | null {
	if (state.phase === 'termine') return state.phaseStartedAt;
	if (!isTimedPhase(state.phase) || state.phaseStartedAt === null) return null;
	const current = durations[state.phase] * 1000 - elapsedMs(state, now);
	const later = TIMED_PHASES.slice(TIMED_PHASES.indexOf(state.phase) + 1).reduce((sum, phase) => sum + durations[phase] * 1000, 0);
	return now + Math.max(0, current) + later;
}
