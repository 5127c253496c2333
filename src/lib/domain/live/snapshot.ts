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

/** president: drives the timer; juror: a member of the jury, reads it; coordinator: reads it. */
export type TimerRole = 'president' | 'juror' | 'coordinator';

/** What the DefenseTimer component is given by a page's load. */
export interface TimerView {
	snapshot: TimerSnapshot;
	role: TimerRole;
	canControl: boolean;
	/** The server's clock when this view was built: the page shows the timer at that instant without JavaScript. */
	serverTime: number;
	/**
	 * For a defense not started yet: the jury's other defense under way, which must finish first
	 * (one defense at a time), and the sentence that says so. Null when the jury is free.
	 */
	busyWith?: { defenseId: string; message: string } | null;
}
