import type { AllowedStarts } from './move-check';
import { MOVE_STEP_MINUTES } from './time';

/**
 * The start a block dropped at `raw` (a local minute of the day, from the pointer) gets in one
 * jury: on the 5-minute grid, or, within a step of one of the jury's allowed runs, the nearest
 * start of that run, so a packed day's only free start (10:47, right after a neighbour) can be hit.
 */
export function snapDrop(runs: AllowedStarts[], raw: number): number {
	const grid = Math.max(0, Math.min(24 * 60 - MOVE_STEP_MINUTES, Math.round(raw / MOVE_STEP_MINUTES) * MOVE_STEP_MINUTES));
	const distance = (run: AllowedStarts) => Math.max(run.from - raw, raw - run.to, 0);
	const near = runs.filter((run) => distance(run) <= MOVE_STEP_MINUTES).sort((a, b) => distance(a) - distance(b))[0];
	return near ? Math.max(near.from, Math.min(near.to, grid)) : grid;
}

/** Whether the jury's allowed runs accept `minute`. */
export const acceptsStart = (runs: AllowedStarts[], minute: number) => runs.some((run) => run.from <= minute && minute <= run.to);
