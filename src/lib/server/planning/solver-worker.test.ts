import { isMainThread } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { sampleProblem } from '../../domain/scheduling/test-problems';
import { solve } from '../../domain/scheduling/solve';
import { checkSchedule } from '../../domain/scheduling/check';
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

	it('rejects when the worker fails instead of hanging', async () => {
		const broken = { ...sampleProblem(), juries: null } as never;
		await expect(solveInWorker(broken, {})).rejects.toBeTruthy();
	});
});
