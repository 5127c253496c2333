/** What the session dashboard counts, as read in one query. */
export interface SessionProgressCounts {
	jurors: number;
	juries: number;
	/** Juries that keep every composition rule (members, president, external share). */
	juriesFormed: number;
	candidates: number;
	/** Candidates with a defense in the working plan. */
	placed: number;
	defenses: number;
	/** 0 while the plan was never published. */
	publishedVersion: number;
	publishedAt: Date | null;
	/** Defenses of the day as it runs, by status. */
	status: { planned: number; in_progress: number; done: number; absent: number };
	/** One grid per juror and candidate heard (absent candidates have none). */
	sheetsExpected: number;
	sheetsSubmitted: number;
	juriesToDeliberate: number;
	juriesSigned: number;
	resultsPublishedAt: Date | null;
}

export type StepKey = 'juries' | 'candidates' | 'plan' | 'published' | 'day' | 'grids' | 'deliberations' | 'results';
export type StepState = 'done' | 'next' | 'todo';

export interface DashboardStep {
	key: StepKey;
	state: StepState;
	/** What is done of the step, out of `total`. */
	count: number;
	total: number;
	/** The session page where the step is done, relative to the session. */
	section: string;
}

/**
 * The session's journey as eight steps in order, each with its count. A step is done when all of
 * it is; the first step not done is "next" (what the coordinator should do now), later ones wait.
 */
export function dashboardSteps(c: SessionProgressCounts): DashboardStep[] {
	const heard = c.status.done + c.status.absent;
	const live = c.status.planned + c.status.in_progress + heard;
	const raw: Omit<DashboardStep, 'state'>[] = [
		{ key: 'juries', count: c.juriesFormed, total: c.juries, section: 'jurys' },
		{ key: 'candidates', count: c.candidates, total: c.candidates, section: 'candidats' },
		{ key: 'plan', count: c.placed, total: c.candidates, section: 'planning' },
		{ key: 'published', count: c.publishedVersion, total: c.publishedVersion, section: 'publication' },
		{ key: 'day', count: heard, total: live, section: 'direct' },
		{ key: 'grids', count: c.sheetsSubmitted, total: c.sheetsExpected, section: 'direct' },
		{ key: 'deliberations', count: c.juriesSigned, total: c.juriesToDeliberate, section: 'resultats' },
		{ key: 'results', count: c.resultsPublishedAt ? 1 : 0, total: 1, section: 'resultats' }
	];
	let nextGiven = false;
	return raw.map((step) => {
		const done = step.total > 0 && step.count >= step.total;
		const state: StepState = done ? 'done' : nextGiven ? 'todo' : 'next';
		if (!done) nextGiven = true;
		return { ...step, state };
	});
}
