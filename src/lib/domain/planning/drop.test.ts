import { describe, expect, it } from 'vitest';
import { acceptsStart, snapDrop } from './drop';

const runs = [
	{ jury: 'A', from: 9 * 60 + 57, to: 10 * 60 + 5 },
	{ jury: 'A', from: 10 * 60 + 47, to: 10 * 60 + 47 }
];

describe('snapDrop', () => {
	it('rounds to the 5-minute grid inside a run and far from any', () => {
		expect(snapDrop(runs, 10 * 60 + 1.4)).toBe(10 * 60);
		expect(snapDrop(runs, 14 * 60 + 3)).toBe(14 * 60 + 5);
		expect(snapDrop([], 10 * 60 + 47)).toBe(10 * 60 + 45);
	});

	it('takes the nearest start of a run within a step, off the grid', () => {
		expect(snapDrop(runs, 9 * 60 + 54)).toBe(9 * 60 + 57);
		expect(snapDrop(runs, 10 * 60 + 44)).toBe(10 * 60 + 47);
		expect(snapDrop(runs, 10 * 60 + 51)).toBe(10 * 60 + 47);
		expect(snapDrop(runs, 10 * 60 + 53)).toBe(10 * 60 + 55);
	});

	it('stays within the day', () => {
		expect(snapDrop([], -12)).toBe(0);
		expect(snapDrop([], 24 * 60 + 30)).toBe(24 * 60 - 5);
	});
});

describe('acceptsStart', () => {
	it('accepts a start inside a run, its ends included, and nothing else', () => {
		expect([9 * 60 + 57, 10 * 60 + 5, 10 * 60 + 47].map((minute) => acceptsStart(runs, minute))).toEqual([true, true, true]);
		expect([9 * 60 + 55, 10 * 60 + 10, 10 * 60 + 45].map((minute) => acceptsStart(runs, minute))).toEqual([false, false, false]);
	});
});
