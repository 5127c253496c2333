import type { PhaseDurations, TimerState } from './timer';

/** What a browser receives about one defense's timer: enough to show it at any instant. */
export interface TimerSnapshot {
	defenseId: string;
	juryId: string;
	sessionId: string;
	/** planned, in_progress, done or absent. */
	status: string;
	state: TimerState;
	durations: PhaseDurations;
	/** Display names of the candidate or the team. */
	candidates: string[];
	plannedStart: number;
}
