import { describe, expect, it } from 'vitest';
import { formInTimeZone } from './time';

describe('formInTimeZone', () => {
	it('writes a range of one day with its zone, one up to the next midnight as 24:00, a longer one with both days', () => {
		expect(formInTimeZone({ start: '2027-01-12T13:00:00Z', end: '2027-01-12T14:30:00Z' }, 'Europe/Paris')).toBe(
			'mardi 12 janvier 2027, 14:00 – 15:30 (heure de Paris, UTC+01:00)'
		);
		expect(formInTimeZone({ start: '2027-01-12T12:00:00Z', end: '2027-01-12T23:00:00Z' }, 'Europe/Paris')).toBe(
			'mardi 12 janvier 2027, 13:00 – 24:00 (heure de Paris, UTC+01:00)'
		);
		expect(formInTimeZone({ start: '2027-01-12T12:00:00Z', end: '2027-01-13T09:00:00Z' }, 'Europe/Paris')).toBe(
			'mardi 12 janvier 2027, 13:00 – mercredi 13 janvier 2027, 10:00 (heure de Paris, UTC+01:00)'
		);
	});
});
