import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defenseLength } from '../planning/model';
import {
	applyTimerAction,
	defenseUnderWay,
	formatClock,
	formatOvertime,
	initialTimerState,
	phaseDurations,
	predictedEnd,
	readTimer,
	type PhaseDurations,
	type TimerState
} from './timer';
import { forecastJuryDay } from './prediction';

const session = { presentation: 10, questions: 10, deliberation: 5, extraPerTeamMember: 10 };
const standard: PhaseDurations = { presentation: 600, questions: 600, deliberation: 300 };
const T0 = Date.parse('2026-12-07T09:00:00+01:00');
const second = 1000;
const minute = 60 * second;

function step(state: TimerState, action: Parameters<typeof applyTimerAction>[1], now: number, durations = standard) {
	const result = applyTimerAction(state, action, now, durations);
	if (!result.ok) throw new Error(`refused: ${result.reason}`);
	return result;
}

describe('phase durations', () => {
	it('uses the session durations for one candidate without extra time', () => {
		expect(phaseDurations(session, [{ extraTimePercent: 0 }])).toEqual({ presentation: 600, questions: 600, deliberation: 300 });
	});

	it('extends presentation and questions by the largest extra time of a team and adds minutes per extra member to questions', () => {
		const durations = phaseDurations(session, [{ extraTimePercent: 0 }, { extraTimePercent: 25 }, { extraTimePercent: 10 }]);
		expect(durations.presentation).toBe(750);
		expect(durations.questions).toBe(750 + 2 * 600);
		expect(durations.deliberation).toBe(300);
	});

	it('adds up to the planning-v1 length of the defense, to the minute', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 30 }),
				fc.integer({ min: 5, max: 10 }),
				fc.integer({ min: 0, max: 15 }),
				fc.integer({ min: 0, max: 15 }),
				fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 }),
				(presentation, questions, deliberation, extraPerTeamMember, extras) => {
					const durations = phaseDurations(
						{ presentation, questions, deliberation, extraPerTeamMember },
						extras.map((extraTimePercent) => ({ extraTimePercent }))
					);
					const length = defenseLength(
						{ presentation, questions, deliberation, extraPerTeamMember, changeover: 0 },
						extras.length,
						Math.max(...extras)
					);
					expect(durations.presentation + durations.questions + durations.deliberation).toBe(length * 60);
					expect(durations.presentation).toBeGreaterThanOrEqual(presentation * 60);
					expect(durations.questions).toBeGreaterThanOrEqual(questions * 60);
				}
			)
		);
	});
});

describe('transitions', () => {
	it('runs accueil → présentation → questions → délibération → terminé and records each phase', () => {
		let state = initialTimerState();
		const started = step(state, 'start', T0);
		expect(started.state).toMatchObject({ phase: 'presentation', phaseStartedAt: T0, startedAt: T0 });
		expect(started.status).toBe('in_progress');
		state = started.state;
		const toQuestions = step(state, 'next', T0 + 11 * minute);
		expect(toQuestions.record).toEqual({
			phase: 'presentation',
			startedAt: T0,
			endedAt: T0 + 11 * minute,
			plannedSeconds: 600,
			actualSeconds: 660,
			pausedSeconds: 0
		});
		state = step(toQuestions.state, 'next', T0 + 20 * minute).state;
		expect(state.phase).toBe('deliberation');
		const finished = step(state, 'next', T0 + 24 * minute);
		expect(finished.state.phase).toBe('termine');
		expect(finished.status).toBe('done');
		expect(finished.record).toMatchObject({ phase: 'deliberation', actualSeconds: 240 });
		expect(applyTimerAction(finished.state, 'next', T0 + 25 * minute, standard)).toEqual({ ok: false, reason: 'finished' });
	});

	it('refuses actions that make no sense in the current phase', () => {
		const fresh = initialTimerState();
		expect(applyTimerAction(fresh, 'next', T0, standard)).toEqual({ ok: false, reason: 'not-started' });
		expect(applyTimerAction(fresh, 'pause', T0, standard)).toEqual({ ok: false, reason: 'not-started' });
		expect(applyTimerAction(fresh, 'resume', T0, standard)).toEqual({ ok: false, reason: 'not-paused' });
		const running = step(fresh, 'start', T0).state;
		expect(applyTimerAction(running, 'start', T0, standard)).toEqual({ ok: false, reason: 'already-started' });
		expect(applyTimerAction(running, 'absent', T0, standard)).toEqual({ ok: false, reason: 'started-cannot-be-absent' });
		const paused = step(running, 'pause', T0 + minute).state;
		expect(applyTimerAction(paused, 'pause', T0 + minute, standard)).toEqual({ ok: false, reason: 'already-paused' });
		expect(applyTimerAction(fresh, 'start', T0, standard, 'absent')).toEqual({ ok: false, reason: 'absent' });
	});

	it('never starts again a defense recorded as done, whatever its timer says', () => {
		for (const action of ['start', 'next', 'pause', 'resume', 'absent'] as const)
			expect(applyTimerAction(initialTimerState(), action, T0, standard, 'done'), action).toEqual({ ok: false, reason: 'finished' });
	});

	it('marks a candidate absent before the start without touching the timer', () => {
		const result = step(initialTimerState(), 'absent', T0);
		expect(result.status).toBe('absent');
		expect(result.state).toEqual(initialTimerState());
	});

	it('excludes pauses from the running time and from the recorded duration', () => {
		let state = step(initialTimerState(), 'start', T0).state;
		state = step(state, 'pause', T0 + 3 * minute).state;
		expect(readTimer(state, standard, T0 + 8 * minute)).toMatchObject({ paused: true, remainingSeconds: 420 });
		state = step(state, 'resume', T0 + 8 * minute).state;
		expect(state.accumulatedPauseMs).toBe(5 * minute);
		expect(readTimer(state, standard, T0 + 9 * minute).remainingSeconds).toBe(360);
		state = step(state, 'pause', T0 + 10 * minute).state;
		// Going on while paused closes the pause: the phase ran 5 minutes, paused 5 + 2.
		const next = step(state, 'next', T0 + 12 * minute);
		expect(next.record).toMatchObject({ actualSeconds: 300, pausedSeconds: 420 });
		expect(next.state).toMatchObject({ phase: 'questions', pausedAt: null, accumulatedPauseMs: 0 });
	});
});

describe('reading the timer', () => {
	const running = step(initialTimerState(), 'start', T0).state;

	it('counts down from the planned length, rounding up to the second', () => {
		expect(readTimer(running, standard, T0)).toMatchObject({ remainingSeconds: 600, warning: 'none', overtimeSeconds: 0 });
		expect(readTimer(running, standard, T0 + 400)).toMatchObject({ remainingSeconds: 600 });
		expect(readTimer(running, standard, T0 + 7 * minute + 59 * second)).toMatchObject({ remainingSeconds: 121, warning: 'none' });
	});

	it('warns at 2 and 1 minutes left, then counts overtime up', () => {
		expect(readTimer(running, standard, T0 + 8 * minute).warning).toBe('two-minutes');
		expect(readTimer(running, standard, T0 + 8 * minute + 59 * second).warning).toBe('two-minutes');
		expect(readTimer(running, standard, T0 + 9 * minute).warning).toBe('one-minute');
		expect(readTimer(running, standard, T0 + 10 * minute)).toMatchObject({ warning: 'overtime', remainingSeconds: 0, overtimeSeconds: 0 });
		expect(readTimer(running, standard, T0 + 11 * minute + 23 * second + 500)).toMatchObject({ warning: 'overtime', overtimeSeconds: 83 });
	});

	it('shows no countdown before the start and after the end', () => {
		expect(readTimer(initialTimerState(), standard, T0)).toMatchObject({ plannedSeconds: null, remainingSeconds: null });
	});

	it('formats minutes and seconds', () => {
		expect(formatClock(83)).toBe('01:23');
		expect(formatClock(600)).toBe('10:00');
		expect(formatClock(4500)).toBe('75:00');
	});

	it('predicts the end from the planned length of the phases left, at the earliest now', () => {
		expect(predictedEnd(initialTimerState(), standard, T0)).toBeNull();
		expect(predictedEnd(running, standard, T0 + 4 * minute)).toBe(T0 + 25 * minute);
		// Two minutes over in the presentation: questions and deliberation still to come in full.
		expect(predictedEnd(running, standard, T0 + 12 * minute)).toBe(T0 + 12 * minute + 15 * minute);
	});
});

describe('forecast of a jury day', () => {
	const plan = (id: string, offsetMinutes: number, status = 'planned', timer: TimerState | null = null) => ({
		id,
		plannedStart: T0 + offsetMinutes * minute,
		status,
		durations: standard,
		timer
	});

	it('keeps the plan when the jury is on time and never predicts a start before the convocation', () => {
		const started = step(initialTimerState(), 'start', T0).state;
		const forecast = forecastJuryDay([plan('a', 0, 'in_progress', started), plan('b', 30), plan('c', 60)], 5, T0 + 5 * minute);
		expect(forecast.get('a')).toMatchObject({ kind: 'actual', delayMinutes: 0 });
		expect(forecast.get('b')).toMatchObject({ kind: 'predicted', start: T0 + 30 * minute, delayMinutes: 0 });
		expect(forecast.get('c')).toMatchObject({ delayMinutes: 0 });
	});

	it('carries a late start and an overrun to the following defenses', () => {
		let timer = step(initialTimerState(), 'start', T0 + 7 * minute).state;
		timer = step(timer, 'next', T0 + 20 * minute).state; // presentation 3 minutes over
		const forecast = forecastJuryDay([plan('a', 0, 'in_progress', timer), plan('b', 30), plan('c', 60)], 5, T0 + 22 * minute);
		expect(forecast.get('a')).toMatchObject({ kind: 'actual', delayMinutes: 7 });
		// a ends at 20 + 10 + 5 = 35; b at 40 instead of 30; c at 40 + 25 + 5 = 70 instead of 60.
		expect(forecast.get('b')).toMatchObject({ start: T0 + 40 * minute, delayMinutes: 10 });
		expect(forecast.get('c')).toMatchObject({ start: T0 + 70 * minute, delayMinutes: 10 });
	});

	it('lets an absence absorb the delay and counts a late jury from now', () => {
		const forecast = forecastJuryDay([plan('a', 0, 'absent'), plan('b', 30), plan('c', 60)], 5, T0 + 33 * minute);
		expect(forecast.get('a')).toEqual({ kind: 'absent', start: null, end: null, delayMinutes: null });
		expect(forecast.get('b')).toMatchObject({ start: T0 + 33 * minute, delayMinutes: 3 });
		expect(forecast.get('c')).toMatchObject({ start: T0 + 63 * minute, delayMinutes: 3 });
	});

	it('starts after a finished defense at its actual end plus the changeover', () => {
		let timer = step(initialTimerState(), 'start', T0).state;
		for (const at of [12, 24, 31]) timer = step(timer, 'next', T0 + at * minute).state;
		const forecast = forecastJuryDay([plan('a', 0, 'done', timer), plan('b', 30)], 5, T0 + 31 * minute);
		expect(forecast.get('a')).toMatchObject({ kind: 'actual', end: T0 + 31 * minute });
		expect(forecast.get('b')).toMatchObject({ start: T0 + 36 * minute, delayMinutes: 6 });
	});
});

describe('one defense at a time per jury', () => {
	const jury = [
		{ id: 'a', status: 'done' },
		{ id: 'b', status: 'in_progress' },
		{ id: 'c', status: 'planned' },
		{ id: 'd', status: 'absent' }
	];
	it('names the defense under way when another is asked to start', () => {
		expect(defenseUnderWay(jury, 'c')?.id).toBe('b');
	});
	it('lets the defense under way itself through (its own transitions decide), and any defense of an idle jury', () => {
		expect(defenseUnderWay(jury, 'b')).toBeNull();
		expect(
			defenseUnderWay(
				jury.filter((defense) => defense.id !== 'b'),
				'c'
			)
		).toBeNull();
	});
});

describe('overrun', () => {
	it('reads short: minutes unpadded, seconds padded', () => {
		expect(formatOvertime(26)).toBe('+0:26');
		expect(formatOvertime(725)).toBe('+12:05');
		expect(formatOvertime(-3)).toBe('+0:00');
	});
});
