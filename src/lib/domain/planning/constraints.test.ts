import { describe, expect, it } from 'vitest';
import {
	breaksCrossed,
	companyKey,
	defenseLength,
	doubleBooked,
	intersects,
	juryCompositionBreaches,
	juryDayIdle,
	jurorConflictOfInterest,
	movedFrom,
	outsideLocalHours,
	outsideOpeningHours,
	overlaps,
	sameCandidates,
	sameCompany,
	spokenMinutes,
	unavailableDuring
} from './constraints';

const durations = { presentation: 10, questions: 10, deliberation: 5, changeover: 5, extraPerTeamMember: 10 };

describe('time overlap', () => {
	it('treats intervals as half-open: touching is not overlapping', () => {
		expect(intersects(0, 10, 10, 20)).toBe(false);
		expect(intersects(0, 11, 10, 20)).toBe(true);
		expect(overlaps({ start: 5, end: 6 }, { start: 0, end: 10 })).toBe(true);
		expect(overlaps({ start: 0, end: 0 }, { start: 0, end: 10 })).toBe(false);
	});

	it('asks two defenses on one juror or room for the changeover between them, either order', () => {
		expect(doubleBooked(0, 25, 30, 55, 5)).toBe(false);
		expect(doubleBooked(0, 25, 29, 54, 5)).toBe(true);
		expect(doubleBooked(29, 54, 0, 25, 5)).toBe(true);
		expect(doubleBooked(0, 25, 25, 50, 0)).toBe(false);
	});
});

describe('length of a defense', () => {
	it('rounds the lengthened spoken time up, without float noise', () => {
		expect(spokenMinutes(durations, 0)).toBe(20);
		expect(spokenMinutes(durations, 10)).toBe(22); // 20 × 1.1 is 22.000000000000004 in floats
		expect(spokenMinutes(durations, 15)).toBe(23);
		expect(spokenMinutes(durations, 33)).toBe(27);
	});

	it('adds the team members and the deliberation', () => {
		expect(defenseLength(durations, 1, 0)).toBe(25);
		expect(defenseLength(durations, 3, 33)).toBe(27 + 20 + 5);
	});
});

describe('opening hours, breaks and unavailability', () => {
	const day = { open: 540, close: 720, breaks: [{ start: 630, end: 645 }] };

	it('keeps a defense inside one day', () => {
		expect(outsideOpeningHours(day, { start: 540, end: 565 })).toBe(false);
		expect(outsideOpeningHours(day, { start: 530, end: 555 })).toBe(true);
		expect(outsideOpeningHours(day, { start: 700, end: 725 })).toBe(true);
		expect(outsideOpeningHours(undefined, { start: 540, end: 565 })).toBe(true);
	});

	it('lists the breaks and the unavailability a defense crosses', () => {
		expect(breaksCrossed(day, { start: 610, end: 635 })).toEqual([{ start: 630, end: 645 }]);
		expect(breaksCrossed(day, { start: 605, end: 630 })).toEqual([]);
		const busy = [
			{ start: 0, end: 100 },
			{ start: 600, end: 620 }
		];
		expect(unavailableDuring(busy, { start: 610, end: 635 })).toEqual([{ start: 600, end: 620 }]);
		expect(unavailableDuring(busy, { start: 620, end: 645 })).toEqual([]);
	});
});

describe('conflict of interest', () => {
	it('compares companies trimmed and case-insensitively, accents kept, never on an empty name', () => {
		expect(companyKey('  Société Générale ')).toBe('société générale');
		expect(sameCompany(' Jedha ', 'JEDHA')).toBe(true);
		expect(sameCompany('Société Générale', 'Societe Generale')).toBe(false);
		expect(sameCompany('', '')).toBe(false);
		expect(sameCompany(undefined, null)).toBe(false);
	});

	it('names a declared conflict before a shared company', () => {
		const juror = { id: 'J1', company: 'Acme' };
		expect(jurorConflictOfInterest(juror, { company: 'acme', conflicts: ['J1'] })).toBe('declared');
		expect(jurorConflictOfInterest(juror, { company: ' ACME' })).toBe('sameCompany');
		expect(jurorConflictOfInterest(juror, { company: 'Beta', conflicts: ['J2'] })).toBeNull();
	});
});

describe('jury composition', () => {
	const member = (id: string, external = true, presidentEligible = false) => ({ id, external, presidentEligible });

	it('accepts two members, half external, presided by an eligible member', () => {
		expect(juryCompositionBreaches([member('a', true, true), member('b', false)], 'a')).toEqual([]);
	});

	it('lists every broken rule', () => {
		expect(juryCompositionBreaches([member('a', false)], 'a')).toEqual([
			{ rule: 'tooFewMembers', members: 1 },
			{ rule: 'presidentNotEligible', presidentId: 'a' },
			{ rule: 'notEnoughExternal', external: 0, members: 1 }
		]);
		expect(juryCompositionBreaches([member('a'), member('b')], null)).toEqual([{ rule: 'presidentMissing' }]);
		expect(juryCompositionBreaches([member('a'), member('b')], 'c')).toEqual([{ rule: 'presidentNotMember' }]);
	});
});

describe('soft rules', () => {
	it('counts a defense as moved when its jury or its start changed', () => {
		expect(movedFrom({ jury: 0, start: 540 }, 0, 540)).toBe(false);
		expect(movedFrom({ jury: 0, start: 540 }, 1, 540)).toBe(true);
		expect(movedFrom({ jury: 'A', start: 540 }, 'A', 545)).toBe(true);
	});

	it('counts idle minutes between defenses, breaks and changeovers excluded', () => {
		const defenses = [
			{ start: 0, end: 25 },
			{ start: 30, end: 55 },
			{ start: 100, end: 125 }
		];
		expect(juryDayIdle(defenses, [{ start: 60, end: 75 }], 5)).toBe(25);
	});

	it("keeps defenses inside 08:00–20:00 of the candidate's day", () => {
		expect(outsideLocalHours(8 * 60, 25)).toBe(false);
		expect(outsideLocalHours(8 * 60 - 1, 25)).toBe(true);
		expect(outsideLocalHours(20 * 60 - 25, 25)).toBe(false);
		expect(outsideLocalHours(20 * 60 - 24, 25)).toBe(true);
	});

	it('matches a team whole, in any order', () => {
		expect(sameCandidates(['C2', 'C1'], ['C1', 'C2'])).toBe(true);
		expect(sameCandidates(['C1', 'C1'], ['C1', 'C2'])).toBe(false);
		expect(sameCandidates(['C1'], ['C1', 'C2'])).toBe(false);
	});
});
