import { describe, expect, it } from 'vitest';
import { shownDay } from './shown-day';

const days = ['2027-03-08', '2027-03-09', '2027-03-10'];

describe('the day the planning shows', () => {
	it('is the day asked for, else the moved defense’s, else today, each when it is a session day', () => {
		expect(shownDay(days, ['2027-03-10', '2027-03-09', '2027-03-08'])).toBe('2027-03-10');
		expect(shownDay(days, ['2027-04-01', '2027-03-09', '2027-03-08'])).toBe('2027-03-09');
		expect(shownDay(days, [null, undefined, '2027-03-10'])).toBe('2027-03-10');
	});

	it('falls back to the first day, or none for a session without days', () => {
		expect(shownDay(days, ['mardi', null, '2026-12-06'])).toBe('2027-03-08');
		expect(shownDay([], ['2027-03-08'])).toBeNull();
	});
});
