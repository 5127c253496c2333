/** Documents of docs/planning-v1.md (`soutenance.planning/1`, `soutenance.schedule/1`). */

export const PLANNING_FORMAT = 'soutenance.planning/1';
export const SCHEDULE_FORMAT = 'soutenance.schedule/1';

/** Half-open `[start, end)`, ISO 8601 instants with an offset or `Z`. */
export interface Interval {
	start: string;
	end: string;
}

/** Local wall-clock times `HH:MM` in the problem's timezone. */
export interface LocalInterval {
	start: string;
	end: string;
}

export interface Durations {
	presentation: number;
	questions: number;
	deliberation: number;
	changeover: number;
	extraPerTeamMember: number;
}

export interface Day {
	/** `YYYY-MM-DD` */
	date: string;
	start: string;
	end: string;
	breaks: LocalInterval[];
}

export interface Room {
	id: string;
	name: string;
	remote: boolean;
	unavailable?: Interval[];
}

export interface Juror {
	id: string;
	name: string;
	company?: string | null;
	external: boolean;
	presidentEligible: boolean;
	expertise?: string[];
	unavailable?: Interval[];
}

export interface Jury {
	id: string;
	members: string[];
	president: string;
	room: string;
}

export interface Candidate {
	id: string;
	name: string;
	company?: string | null;
	team?: string | null;
	tags?: string[];
	timezone?: string | null;
	extraTimePercent?: number;
	unavailable?: Interval[];
	conflicts?: string[];
}

export interface PinnedDefense {
	candidates: string[];
	jury: string;
	start: string;
}

export interface PlanningProblem {
	format: typeof PLANNING_FORMAT;
	timezone: string;
	durations: Durations;
	days: Day[];
	rooms: Room[];
	jurors: Juror[];
	juries: Jury[];
	candidates: Candidate[];
	pinned?: PinnedDefense[];
}

export interface Defense {
	candidates: string[];
	jury: string;
	room: string;
	start: string;
	end: string;
}

export interface UnplacedDefense {
	candidates: string[];
	reasons: string[];
}

export interface ScheduleStats {
	elapsedMs: number;
	[extra: string]: number;
}

export interface Schedule {
	format: typeof SCHEDULE_FORMAT;
	defenses: Defense[];
	unplaced: UnplacedDefense[];
	stats: ScheduleStats;
}

export interface SolveProgress {
	phase: string;
	fraction: number;
	placed: number;
	total: number;
}

export interface SolveOptions {
	/** Seed of the pseudo-random generator; same seed + same iteration budget ⇒ same schedule. */
	seed?: number;
	/** Safety cap on wall time; the search normally stops on its iteration budget first. */
	timeLimitMs?: number;
	/** Local-search iterations; the default scales with the problem size. */
	iterations?: number;
	previous?: Schedule;
	onProgress?: (progress: SolveProgress) => void;
	/** Clock in milliseconds, injectable for tests. */
	now?: () => number;
}
