import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solve } from './solve';
import { checkSchedule } from './check';
import { defenseLength } from './model';
import { scheduleMetrics } from './metrics';
import { validateProblem } from './validate';
import { sampleProblem } from './test-problems';
import type { Candidate, PlanningProblem, Schedule } from './types';

const minutesBetween = (start: string, end: string) => (Date.parse(end) - Date.parse(start)) / 60000;

function solveValid(problem: PlanningProblem, options: Parameters<typeof solve>[1] = {}): Schedule {
	expect(validateProblem(problem)).toMatchObject({ ok: true });
	const schedule = solve(problem, { iterations: 200, ...options });
	expect(checkSchedule(problem, schedule)).toEqual([]);
	return schedule;
}

describe('defense length', () => {
	const durations = sampleProblem().durations;
	it('follows the formula of the format', () => {
		expect(defenseLength(durations, 1, 0)).toBe(25);
		expect(defenseLength(durations, 1, 33)).toBe(32); // ceil(26.6) + 5
		expect(defenseLength(durations, 3, 15)).toBe(48); // ceil(23) + 2 × 10 + 5
		expect(defenseLength(durations, 1, 1)).toBe(26); // ceil(20.2) + 5
	});

	it('is the length of each scheduled defense', () => {
		const problem = sampleProblem({
			candidates: [
				{ id: 'C1', name: 'a', team: 'T', extraTimePercent: 50 },
				{ id: 'C2', name: 'b', team: 'T' },
				{ id: 'C3', name: 'c', extraTimePercent: 25 }
			]
		});
		const schedule = solveValid(problem);
		const team = schedule.defenses.find((d) => d.candidates.includes('C1'))!;
		expect(team.candidates.sort()).toEqual(['C1', 'C2']);
		expect(minutesBetween(team.start, team.end)).toBe(30 + 10 + 5);
		const single = schedule.defenses.find((d) => d.candidates.includes('C3'))!;
		expect(minutesBetween(single.start, single.end)).toBe(25 + 5);
	});
});

describe('time zones', () => {
	it('keeps opening hours local across the March DST change (2027-03-28 in Paris)', () => {
		const problem = sampleProblem({
			days: [
				{ date: '2027-03-27', start: '09:00', end: '10:00', breaks: [] },
				{ date: '2027-03-28', start: '09:00', end: '10:00', breaks: [] }
			],
			candidates: Array.from({ length: 8 }, (_, i) => ({ id: `C${i}`, name: `c${i}` }))
		});
		const schedule = solveValid(problem);
		expect(schedule.unplaced).toEqual([]);
		const starts = schedule.defenses.map((d) => d.start).sort();
		expect(starts.filter((s) => s.startsWith('2027-03-27')).every((s) => s.endsWith('+01:00'))).toBe(true);
		const sunday = starts.filter((s) => s.startsWith('2027-03-28'));
		expect(sunday.length).toBeGreaterThan(0);
		expect(sunday.every((s) => s.endsWith('+02:00'))).toBe(true);
		expect(sunday[0]).toBe('2027-03-28T09:00:00+02:00');
	});

	it('writes instants with the offset of the problem time zone', () => {
		const schedule = solveValid(sampleProblem({ timezone: 'America/Montreal' }));
		expect(schedule.defenses[0].start).toMatch(/^2026-12-07T09:00:00-05:00$/);
	});
});

describe('hard rules', () => {
	it('respects breaks, unavailability and the changeover, for a juror shared by two juries', () => {
		const problem = sampleProblem({
			jurors: [...sampleProblem().jurors, { id: 'J5', name: 'Eve', external: true, presidentEligible: true }],
			juries: [
				{ id: 'A', members: ['J1', 'J2', 'J5'], president: 'J1', room: 'R1' },
				{ id: 'B', members: ['J3', 'J4', 'J5'], president: 'J3', room: 'R2' }
			],
			// J5 sits in both juries, so defenses run one at a time: 3 before the break, 2 after.
			candidates: Array.from({ length: 5 }, (_, i) => ({ id: `C${i}`, name: `c${i}` }))
		});
		problem.jurors[0].unavailable = [{ start: '2026-12-07T09:00:00+01:00', end: '2026-12-07T09:40:00+01:00' }];
		const schedule = solveValid(problem);
		expect(schedule.unplaced).toEqual([]);
		const sorted = schedule.defenses.map((d) => [Date.parse(d.start), Date.parse(d.end)]).sort((a, b) => a[0] - b[0]);
		for (let i = 1; i < sorted.length; i++) expect(sorted[i][0] - sorted[i - 1][1]).toBeGreaterThanOrEqual(5 * 60000);
		expect(
			schedule.defenses.filter((d) => d.jury === 'A').every((d) => Date.parse(d.start) >= Date.parse('2026-12-07T09:40:00+01:00'))
		).toBe(true);
	});

	it('never seats a conflicted juror, whether declared or from the same company', () => {
		const problem = sampleProblem({
			candidates: [
				{ id: 'C1', name: 'a', conflicts: ['J3'] },
				{ id: 'C2', name: 'b', company: '  ACME' },
				{ id: 'C3', name: 'c', company: 'gamma', conflicts: [] }
			]
		});
		const schedule = solveValid(problem);
		const juryOf = (id: string) => schedule.defenses.find((d) => d.candidates.includes(id))?.jury;
		expect([juryOf('C1'), juryOf('C2'), juryOf('C3')]).toEqual(['A', 'B', 'A']);
	});

	it('never trades a conflict of interest for an expertise match', () => {
		// C0–C2 would match jury B's data expertise, but each conflicts with J4 of jury B.
		const problem = sampleProblem({
			candidates: Array.from({ length: 6 }, (_, i) => ({
				id: `C${i}`,
				name: `c${i}`,
				tags: i < 3 ? ['data'] : [],
				conflicts: i < 3 ? ['J4'] : []
			}))
		});
		for (const seed of [1, 2, 3, 4, 5]) {
			const schedule = solveValid(problem, { seed, iterations: 100 });
			for (const id of ['C0', 'C1', 'C2']) expect(schedule.defenses.find((d) => d.candidates.includes(id))?.jury).toBe('A');
		}
	});

	it('the checker reports a broken rule', () => {
		const problem = sampleProblem();
		const schedule = solveValid(problem);
		const broken = structuredClone(schedule);
		broken.defenses[1] = {
			...broken.defenses[1],
			jury: broken.defenses[0].jury,
			room: broken.defenses[0].room,
			start: broken.defenses[0].start,
			end: broken.defenses[0].end
		};
		expect(checkSchedule(problem, broken).some((v) => v.includes('min entre les deux'))).toBe(true);
		const withoutOne = { ...schedule, defenses: schedule.defenses.slice(1) };
		expect(checkSchedule(problem, withoutOne)).toEqual([expect.stringContaining('0 fois')]);
	});
});

describe('pins and re-planning', () => {
	it('keeps pinned defenses exactly', () => {
		const problem = sampleProblem({ pinned: [{ candidates: ['C3'], jury: 'B', start: '2026-12-07T11:00:00+01:00' }] });
		const schedule = solveValid(problem);
		expect(schedule.defenses).toContainEqual({
			candidates: ['C3'],
			jury: 'B',
			room: 'R2',
			start: '2026-12-07T11:00:00+01:00',
			end: '2026-12-07T11:25:00+01:00'
		});
	});

	it('moves nothing when re-planning an unchanged problem', () => {
		const problem = sampleProblem({ candidates: Array.from({ length: 10 }, (_, i) => ({ id: `C${i}`, name: `c${i}` })) });
		const published = solveValid(problem, { seed: 1 });
		const replanned = solveValid(problem, { seed: 99, previous: published });
		expect(replanned.stats.moved).toBe(0);
		expect(replanned.defenses).toEqual(published.defenses);
	});

	it('moves only the defenses of a juror who became unavailable', () => {
		const problem = sampleProblem({
			days: [...sampleProblem().days, { date: '2026-12-08', start: '09:00', end: '12:00', breaks: [] }],
			candidates: Array.from({ length: 8 }, (_, i) => ({ id: `C${i}`, name: `c${i}` }))
		});
		const published = solveValid(problem);
		const changed = structuredClone(problem);
		changed.jurors[0].unavailable = [{ start: '2026-12-07T00:00:00+01:00', end: '2026-12-08T00:00:00+01:00' }];
		const hit = published.defenses.filter((d) => d.jury === 'A' && d.start.startsWith('2026-12-07')).length;
		const replanned = solveValid(changed, { previous: published });
		expect(replanned.unplaced).toEqual([]);
		expect(replanned.stats.moved).toBe(hit);
		expect(scheduleMetrics(changed, replanned, published).moved).toBe(hit);
	});
});

describe('unplaced candidates and their reasons', () => {
	it('names the conflicted jurors when every jury has one', () => {
		const problem = sampleProblem({ candidates: [{ id: 'C1', name: 'a', conflicts: ['J2', 'J3'] }] });
		const schedule = solveValid(problem);
		expect(schedule.unplaced).toEqual([{ candidates: ['C1'], reasons: [expect.stringMatching(/conflit d'intérêts.*A \(J2\).*B \(J3\)/)] }]);
	});

	it('says when the candidate is unavailable during every opening', () => {
		const problem = sampleProblem({
			candidates: [{ id: 'C1', name: 'a', unavailable: [{ start: '2026-12-07T08:00:00+01:00', end: '2026-12-07T11:50:00+01:00' }] }]
		});
		const schedule = solveValid(problem);
		expect(schedule.unplaced[0].reasons).toEqual([expect.stringContaining('indisponible pendant toutes les plages')]);
	});

	it('says when no conflict-free jury is free while the candidate is', () => {
		const problem = sampleProblem({ candidates: [{ id: 'C1', name: 'a', conflicts: ['J1'] }] });
		problem.jurors[2].unavailable = [{ start: '2026-12-07T08:00:00+01:00', end: '2026-12-07T13:00:00+01:00' }];
		const reasons = solveValid(problem).unplaced[0].reasons;
		expect(reasons.some((r) => r.startsWith('aucun jury sans conflit') && r.includes('J3'))).toBe(true);
	});

	it('blames capacity when every compatible slot is taken', () => {
		const problem = sampleProblem({ candidates: Array.from({ length: 14 }, (_, i) => ({ id: `C${i}`, name: `c${i}` })) });
		const schedule = solveValid(problem);
		// 09:00–10:30 holds 3 defenses of 25 min with changeovers, 10:45–12:00 holds 2: 5 per jury.
		expect(schedule.defenses).toHaveLength(10);
		expect(schedule.unplaced).toHaveLength(4);
		for (const entry of schedule.unplaced) expect(entry.reasons).toEqual([expect.stringContaining('capacité insuffisante')]);
	});
});

describe('search', () => {
	const busyProblem = () =>
		sampleProblem({
			days: [
				{ date: '2026-12-07', start: '09:00', end: '12:00', breaks: [] },
				{ date: '2026-12-08', start: '09:00', end: '12:00', breaks: [] }
			],
			candidates: Array.from({ length: 16 }, (_, i) => ({
				id: `C${i}`,
				name: `c${i}`,
				tags: [['nlp', 'web', 'data'][i % 3]],
				extraTimePercent: (i % 4) * 10
			}))
		});

	it('gives the same schedule for the same seed', () => {
		const first = solve(busyProblem(), { seed: 7, iterations: 300 });
		const second = solve(busyProblem(), { seed: 7, iterations: 300 });
		expect({ ...first, stats: { ...first.stats, elapsedMs: 0 } }).toEqual({ ...second, stats: { ...second.stats, elapsedMs: 0 } });
	});

	it('uses as few jury-days as the load needs', () => {
		const schedule = solveValid(busyProblem());
		expect(schedule.unplaced).toEqual([]);
		// 448 min of defenses do not fit in two mornings of 180 min; three hold them with changeovers.
		expect(schedule.stats.juryDays).toBe(3);
		expect(schedule.stats.idleMinutes).toBe(0);
	});

	it('reports progress up to completion', () => {
		const fractions: number[] = [];
		solve(busyProblem(), { iterations: 50, onProgress: (p) => fractions.push(p.fraction) });
		expect(fractions.at(-1)).toBe(1);
	});
});

describe('property: every returned schedule satisfies every hard rule', () => {
	const zones = ['Europe/Paris', 'America/Montreal', 'Asia/Tokyo'];
	const problemArbitrary = fc
		.record({
			dayCount: fc.integer({ min: 1, max: 2 }),
			closeHour: fc.integer({ min: 10, max: 13 }),
			changeover: fc.integer({ min: 0, max: 10 }),
			withBreak: fc.boolean(),
			candidates: fc.array(
				fc.record({
					team: fc.option(fc.constantFrom('T1', 'T2'), { nil: null }),
					extra: fc.constantFrom(0, 0, 25, 33),
					conflicts: fc.subarray(['J1', 'J2', 'J3', 'J4', 'J5'], { maxLength: 2 }),
					company: fc.option(fc.constantFrom('Acme', 'gamma', 'Zeta'), { nil: undefined }),
					busyFrom: fc.option(fc.integer({ min: 8 * 60, max: 12 * 60 }), { nil: undefined }),
					zone: fc.constantFrom(...zones),
					tag: fc.constantFrom('nlp', 'web', 'data')
				}),
				{ minLength: 1, maxLength: 16 }
			),
			jurorBusyFrom: fc.option(fc.integer({ min: 9 * 60, max: 11 * 60 }), { nil: undefined }),
			pinFirst: fc.boolean(),
			seed: fc.integer({ min: 0, max: 1000 })
		})
		.map(({ dayCount, closeHour, changeover, withBreak, candidates, jurorBusyFrom, pinFirst, seed }) => {
			const base = sampleProblem();
			const dates = ['2027-03-27', '2027-03-28'].slice(0, dayCount);
			const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
			const candidateList: Candidate[] = candidates.map((c, i) => ({
				id: `C${i}`,
				name: `c${i}`,
				team: c.team,
				extraTimePercent: c.extra,
				conflicts: c.conflicts,
				company: c.company,
				timezone: c.zone,
				tags: [c.tag],
				unavailable:
					c.busyFrom === undefined
						? []
						: [{ start: `${dates[0]}T${hhmm(c.busyFrom)}:00+01:00`, end: `${dates[0]}T${hhmm(c.busyFrom + 45)}:00+01:00` }]
			}));
			const problem: PlanningProblem = {
				...base,
				durations: { ...base.durations, changeover },
				days: dates.map((date) => ({
					date,
					start: '09:00',
					end: `${closeHour}:00`,
					breaks: withBreak ? [{ start: '10:00', end: '10:20' }] : []
				})),
				jurors: [...base.jurors, { id: 'J5', name: 'Eve', external: true, presidentEligible: true }],
				juries: [
					{ id: 'A', members: ['J1', 'J2', 'J5'], president: 'J1', room: 'R1' },
					{ id: 'B', members: ['J3', 'J4'], president: 'J3', room: 'R2' },
					{ id: 'C', members: ['J5', 'J3'], president: 'J5', room: 'R1' }
				],
				candidates: candidateList
			};
			if (jurorBusyFrom !== undefined)
				problem.jurors[4].unavailable = [
					{ start: `${dates[0]}T${hhmm(jurorBusyFrom)}:00+01:00`, end: `${dates[0]}T${hhmm(jurorBusyFrom + 60)}:00+01:00` }
				];
			const lone = candidateList.find((c) => !c.team && !c.unavailable?.length && !c.company && !c.conflicts?.length);
			if (pinFirst && lone) problem.pinned = [{ candidates: [lone.id], jury: 'B', start: `${dates[0]}T09:00:00+01:00` }];
			return { problem, seed };
		});

	it('holds on random small problems, and places or explains every candidate exactly once', () => {
		fc.assert(
			fc.property(problemArbitrary, ({ problem, seed }) => {
				const validation = validateProblem(problem);
				if (!validation.ok) throw new Error(validation.errors.join('\n'));
				const schedule = solve(problem, { seed, iterations: 150 });
				expect(checkSchedule(problem, schedule)).toEqual([]);
				const listed = [...schedule.defenses, ...schedule.unplaced].flatMap((group) => group.candidates).sort();
				expect(listed).toEqual(problem.candidates.map((c) => c.id).sort());
				for (const entry of schedule.unplaced) expect(entry.reasons.length).toBeGreaterThan(0);
			}),
			{ numRuns: 100, seed: 20261207 }
		);
	});
});
