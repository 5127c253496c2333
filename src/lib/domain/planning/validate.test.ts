import { describe, expect, it } from 'vitest';
import { validateProblem } from './validate';
import { sampleProblem } from './test-problems';
import type { PlanningProblem } from './types';

function errorsOf(problem: unknown): string[] {
	const result = validateProblem(problem);
	return result.ok ? [] : result.errors;
}

const modified = (change: (problem: PlanningProblem) => void): PlanningProblem => {
	const problem = structuredClone(sampleProblem());
	change(problem);
	return problem;
};

describe('validateProblem', () => {
	it('accepts a sound problem', () => {
		expect(validateProblem(sampleProblem()).ok).toBe(true);
	});

	it('rejects malformed documents with one message per fault', () => {
		expect(errorsOf(null)).toHaveLength(1);
		const errors = errorsOf({
			...sampleProblem(),
			format: 'x',
			timezone: 'Mars/Olympus',
			days: [{ date: '2026-02-30', start: '9h', end: '12:00', breaks: [] }]
		});
		expect(errors.some((e) => e.includes('format'))).toBe(true);
		expect(errors.some((e) => e.includes('Mars/Olympus'))).toBe(true);
		expect(errors.some((e) => e.includes('2026-02-30') && e.includes('date'))).toBe(true);
		expect(errors.some((e) => e.includes('HH:MM'))).toBe(true);
	});

	it('requires ISO instants with an offset', () => {
		const errors = errorsOf(
			modified((p) => (p.jurors[0].unavailable = [{ start: '2026-12-07T09:00:00', end: '2026-12-07T10:00:00+01:00' }]))
		);
		expect(errors).toEqual([expect.stringContaining('juré J1')]);
	});

	it.each([
		['duplicated id', (p: PlanningProblem) => p.candidates.push({ id: 'C2', name: 'again' }), ['C2', 'double']],
		['unknown member', (p: PlanningProblem) => p.juries[0].members.push('J9'), ['A', 'J9']],
		['unknown room', (p: PlanningProblem) => (p.juries[1].room = 'R9'), ['B', 'R9']],
		['unknown conflict', (p: PlanningProblem) => (p.candidates[0].conflicts = ['J7']), ['C1', 'J7']],
		['fewer than 2 members', (p: PlanningProblem) => (p.juries[0].members = ['J1']), ['A', 'au moins 2']],
		['president not a member', (p: PlanningProblem) => (p.juries[0].president = 'J3'), ['A', 'J3', "n'est pas membre"]],
		['president not eligible', (p: PlanningProblem) => (p.juries[1].president = 'J4'), ['B', 'J4', 'présider']],
		['too few externals', (p: PlanningProblem) => (p.jurors[0].external = false), ['A', 'extérieurs']],
		['day ending before it starts', (p: PlanningProblem) => (p.days[0].end = '08:00'), ['2026-12-07', 'fin']],
		[
			'pin of part of a team',
			(p: PlanningProblem) => {
				p.candidates[0].team = 'T1';
				p.candidates[1].team = 'T1';
				p.pinned = [{ candidates: ['C1'], jury: 'A', start: '2026-12-07T09:00:00+01:00' }];
			},
			['T1', 'entière']
		],
		[
			'pin of two lone candidates',
			(p: PlanningProblem) => (p.pinned = [{ candidates: ['C1', 'C2'], jury: 'A', start: '2026-12-07T09:00:00+01:00' }]),
			['C1, C2']
		],
		[
			'pin to an unknown jury',
			(p: PlanningProblem) => (p.pinned = [{ candidates: ['C1'], jury: 'Z', start: '2026-12-07T09:00:00+01:00' }]),
			['Z']
		]
	])('rejects a problem with a %s, naming the ids', (_rule, change, fragments) => {
		const errors = errorsOf(modified(change));
		expect(errors.length).toBeGreaterThan(0);
		expect(errors.some((error) => fragments.every((fragment) => error.includes(fragment)))).toBe(true);
	});

	it('rejects a pin that cannot be kept without breaking a hard rule', () => {
		const duringBreak = errorsOf(modified((p) => (p.pinned = [{ candidates: ['C1'], jury: 'A', start: '2026-12-07T10:20:00+01:00' }])));
		expect(duringBreak).toEqual([expect.stringMatching(/épinglage impossible.*C1.*pause/)]);
		const conflicted = errorsOf(
			modified((p) => {
				p.candidates[0].company = 'acme ';
				p.pinned = [{ candidates: ['C1'], jury: 'A', start: '2026-12-07T09:00:00+01:00' }];
			})
		);
		expect(conflicted).toEqual([expect.stringMatching(/C1.*J1/)]);
		const overlapping = errorsOf(
			modified(
				(p) =>
					(p.pinned = [
						{ candidates: ['C1'], jury: 'A', start: '2026-12-07T09:00:00+01:00' },
						{ candidates: ['C2'], jury: 'A', start: '2026-12-07T09:27:00+01:00' }
					])
			)
		);
		expect(overlapping.some((e) => e.includes('C1') && e.includes('C2'))).toBe(true);
	});
});
