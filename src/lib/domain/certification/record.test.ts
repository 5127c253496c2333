import { describe, expect, it } from 'vitest';
import { compositionChanges, durationText, overrunText } from './record';

describe('compositionChanges', () => {
	const plan = (hour: number, members: string[]) => ({
		publishedAt: new Date(`2026-11-04T${String(hour).padStart(2, '0')}:00:00Z`),
		juries: [
			{ id: 'A', members },
			{ id: 'B', members: ['x', 'y'] }
		]
	});

	it('is no incident while the jury keeps its members, in any order', () => {
		expect(compositionChanges([plan(8, ['p', 'm'])], 'A')).toEqual([]);
		expect(compositionChanges([plan(8, ['p', 'm']), plan(9, ['m', 'p'])], 'A')).toEqual([]);
	});

	it('says who left and who joined at each later publication', () => {
		expect(compositionChanges([plan(8, ['p', 'm']), plan(9, ['p', 'n']), plan(10, ['p', 'n', 'o'])], 'A')).toEqual([
			{ at: new Date('2026-11-04T09:00:00Z'), left: ['m'], joined: ['n'] },
			{ at: new Date('2026-11-04T10:00:00Z'), left: [], joined: ['o'] }
		]);
		expect(compositionChanges([plan(8, ['p', 'm']), plan(9, ['p', 'n'])], 'B')).toEqual([]);
	});
});

describe('durations', () => {
	it('writes what the timer recorded in minutes and seconds', () => {
		expect(durationText(798)).toBe('13 min 18 s');
		expect(durationText(45)).toBe('45 s');
		expect(overrunText(125)).toBe('+2 min 05 s');
	});
});
