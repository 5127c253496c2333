import { isMainThread } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { sampleProblem } from '../../domain/planning/test-problems';
import { solve } from '../../domain/planning/solve';
import { checkSchedule } from '../../domain/planning/check';
import type { PlanningProblem } from '../../domain/planning/types';
import { generateInstance } from '../../../../scripts/bench/generate';
import { solveInWorker } from './solver-worker';

describe('solveInWorker', () => {
	it('solves in another thread, reports progress, and returns what solve returns for the same seed', async () => {
		const problem = sampleProblem();
		const phases: string[] = [];
		const schedule = await solveInWorker(problem, { seed: 7 }, (progress) => phases.push(progress.phase));
		expect(isMainThread).toBe(true);
		expect(phases).toContain('terminé');
		expect(checkSchedule(problem, schedule)).toEqual([]);
		const { stats: _workerStats, ...inWorker } = schedule;
		const { stats: _localStats, ...inThread } = solve(problem, { seed: 7 });
		expect(inWorker).toEqual(inThread);
	});

	it('keeps the calling thread responsive during a long solve', async () => {
		const { problem } = generateInstance({ name: 'responsive', candidates: 1000, juries: 40, days: 4, firstDate: '2026-12-07', seed: 3 });
		let longestGap = 0;
		let last = performance.now();
		const ticker = setInterval(() => {
			const now = performance.now();
			longestGap = Math.max(longestGap, now - last);
			last = now;
		}, 10);
		const startedAt = performance.now();
		const schedule = await solveInWorker(problem as unknown as PlanningProblem, { seed: 1 });
		const elapsed = performance.now() - startedAt;
		clearInterval(ticker);
		expect(schedule.defenses.length).toBeGreaterThan(900);
		// A solve of this size takes far longer than any gap between two ticks of the main thread.
		expect(elapsed).toBeGreaterThan(300);
		expect(longestGap).toBeLessThan(elapsed / 3);
		expect(longestGap).toBeLessThan(250);
	}, 60_000);

	it('rejects when the worker fails instead of hanging', async () => {
		const broken = { ...sampleProblem(), juries: null } as never;
		await expect(solveInWorker(broken, {})).rejects.toBeTruthy();
	});
});
