import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultReferentiel, findBlock } from '../referentiel/referentiel';
import { krippendorffAlpha, readAlpha } from './krippendorff';
import {
	blockStatuses,
	blockValidated,
	certificationDecision,
	consolidatedLevel,
	divergence,
	jurorSeverity,
	proposeForCandidate,
	unjustifiedDecisions,
	type BlockRecord,
	blockProposalReasons
} from './rules';

const level = fc.integer({ min: 0, max: 3 });
const BLOCKS = defaultReferentiel.blocks.map((block) => block.code);

describe('consolidatedLevel', () => {
	it('is the middle value for an odd count and the lower middle for an even count', () => {
		expect(consolidatedLevel([3, 1, 2])).toBe(2);
		expect(consolidatedLevel([3, 1, 2, 0])).toBe(1);
		expect(consolidatedLevel([2, 3])).toBe(2);
		expect(consolidatedLevel([])).toBeNull();
	});

	it('has at least half the levels at or below it and at least half at or above it, and is one of them', () => {
		fc.assert(
			fc.property(fc.array(level, { minLength: 1, maxLength: 9 }), (levels) => {
				const median = consolidatedLevel(levels)!;
				expect(levels).toContain(median);
				expect(levels.filter((value) => value <= median).length * 2).toBeGreaterThanOrEqual(levels.length);
				expect(levels.filter((value) => value >= median).length * 2).toBeGreaterThanOrEqual(levels.length);
				// Lower median: for an even count, strictly fewer than half lie below it.
				expect(levels.filter((value) => value < median).length * 2).toBeLessThan(levels.length);
			})
		);
	});

	it('does not depend on the order of the jurors', () => {
		fc.assert(
			fc.property(fc.array(level, { minLength: 1, maxLength: 8 }), (levels) => {
				expect(consolidatedLevel([...levels].reverse())).toBe(consolidatedLevel(levels));
			})
		);
	});
});

describe('divergence', () => {
	it('flags levels two or more apart and names the jurors at both ends', () => {
		expect(
			divergence([
				{ jurorId: 'a', level: 1 },
				{ jurorId: 'b', level: 2 },
				{ jurorId: 'c', level: 3 }
			])
		).toEqual({ divergent: true, jurorIds: ['a', 'c'] });
		expect(
			divergence([
				{ jurorId: 'a', level: 2 },
				{ jurorId: 'b', level: 3 }
			])
		).toEqual({ divergent: false, jurorIds: [] });
	});
});

describe('block rule', () => {
	const bc06 = findBlock(defaultReferentiel, 'BC06')!;

	it('"all": a block is validated exactly when all its competencies are acquired', () => {
		fc.assert(
			fc.property(
				fc.array(fc.record({ acquired: fc.boolean(), level: fc.option(level, { nil: null }) }), { minLength: 1, maxLength: 8 }),
				(competencies) => {
					expect(blockValidated({ kind: 'all' }, competencies)).toBe(competencies.every((competency) => competency.acquired));
				}
			)
		);
	});

	it('the référentiel proposal validates BC06 exactly when every consolidated level reaches the threshold', () => {
		const levelsByCompetency = fc.record(
			Object.fromEntries(bc06.competencies.map((competency) => [competency.code, fc.array(level, { minLength: 2, maxLength: 4 })]))
		);
		fc.assert(
			fc.property(levelsByCompetency, (levels) => {
				const proposal = proposeForCandidate(defaultReferentiel, bc06, levels);
				const everyAcquired = bc06.competencies.every(
					(competency) => consolidatedLevel(levels[competency.code])! >= defaultReferentiel.scale.acquiredFrom
				);
				expect(proposal.blockValidated).toBe(everyAcquired);
				expect(proposal.competencies.map((competency) => competency.proposedAcquired)).toEqual(
					bc06.competencies.map((competency) => consolidatedLevel(levels[competency.code])! >= 2)
				);
			})
		);
	});

	it('"atLeast": counts acquired competencies and refuses any level below the floor', () => {
		const rule = { kind: 'atLeast', count: 2, noneBelow: 1 } as const;
		expect(
			blockValidated(rule, [
				{ acquired: true, level: 2 },
				{ acquired: true, level: 3 },
				{ acquired: false, level: 1 }
			])
		).toBe(true);
		expect(
			blockValidated(rule, [
				{ acquired: true, level: 2 },
				{ acquired: true, level: 3 },
				{ acquired: false, level: 0 }
			])
		).toBe(false);
		expect(
			blockValidated(rule, [
				{ acquired: true, level: 2 },
				{ acquired: false, level: 1 },
				{ acquired: false, level: 1 }
			])
		).toBe(false);
	});
});

describe('justifications', () => {
	it('names every decision that differs from the proposal without a written reason', () => {
		expect(
			unjustifiedDecisions([
				{ code: 'C6.1', proposed: true, decided: false, justification: '  ' },
				{ code: 'C6.2', proposed: false, decided: true, justification: 'Démontrée en réponse aux questions' },
				{ code: 'C6.3', proposed: true, decided: true, justification: '' }
			])
		).toEqual(['C6.1']);
	});
});

describe('certification decision', () => {
	const record = fc.record({
		blockCode: fc.constantFrom(...BLOCKS),
		validated: fc.boolean(),
		on: fc.option(fc.constantFrom('2025-06-01', '2026-01-15', '2026-11-04'), { nil: null }),
		origin: fc.constant('x')
	});

	it('a validated block stays validated whatever is recorded after it', () => {
		fc.assert(
			fc.property(fc.array(record, { maxLength: 12 }), fc.array(record, { maxLength: 12 }), (earlier, later) => {
				const before = blockStatuses(BLOCKS, earlier);
				const after = blockStatuses(BLOCKS, [...earlier, ...later]);
				for (const [index, status] of before.entries()) if (status.validated) expect(after[index].validated).toBe(true);
			})
		);
	});

	it('gives the title exactly when all six blocks are validated, counting earlier sessions', () => {
		fc.assert(
			fc.property(fc.array(record, { maxLength: 20 }), fc.boolean(), (records, absent) => {
				const decision = certificationDecision(BLOCKS, records, absent);
				const all = BLOCKS.every((code) => records.some((entry) => entry.blockCode === code && entry.validated));
				expect(decision.outcome === 'titre').toBe(all);
				if (!all) expect(decision.outcome).toBe(absent ? 'absent' : decision.validatedBlocks.length > 0 ? 'partielle' : 'non_admis');
			})
		);
	});

	it('lists the validated blocks of a partial validation', () => {
		const records: BlockRecord[] = [
			{ blockCode: 'BC01', validated: true, on: '2025-06-01', origin: 'Session de juin 2025' },
			{ blockCode: 'BC01', validated: false, on: '2026-11-04', origin: 'Import' },
			{ blockCode: 'BC06', validated: true, on: '2026-11-04', origin: 'Jury A' }
		];
		const decision = certificationDecision(BLOCKS, records, false);
		expect(decision.outcome).toBe('partielle');
		expect(decision.validatedBlocks).toEqual(['BC01', 'BC06']);
		expect(decision.blocks[0]).toMatchObject({ validated: true, origin: 'Session de juin 2025' });
	});
});

describe('juror severity', () => {
	it('is the mean gap between the juror and the consolidated level', () => {
		const severity = jurorSeverity([
			{ jurorId: 'a', level: 1, consolidated: 2 },
			{ jurorId: 'a', level: 2, consolidated: 2 },
			{ jurorId: 'b', level: 3, consolidated: 2 }
		]);
		expect(severity).toEqual([
			{ jurorId: 'a', meanLevel: 1.5, meanGap: -0.5, count: 2 },
			{ jurorId: 'b', meanLevel: 3, meanGap: 1, count: 1 }
		]);
	});
});

describe("Krippendorff's alpha", () => {
	// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
	// twelve units, missing values. Published results: nominal 0.743, ordinal 0.815, interval 0.849.
	const observers = [
		[1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
		[1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
		[null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
		[1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null]
	];
	const units = observers[0].map((_, unit) => observers.map((row) => row[unit]).filter((value): value is number => value !== null));

	it('reproduces the published values of the textbook example', () => {
		expect(krippendorffAlpha(units, 'nominal')).toBeCloseTo(0.743, 3);
		expect(krippendorffAlpha(units, 'ordinal')).toBeCloseTo(0.815, 3);
		expect(krippendorffAlpha(units, 'interval')).toBeCloseTo(0.849, 3);
	});

	it('is 1 when every juror gives each unit the same level, and undefined without variation', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(level, fc.integer({ min: 2, max: 4 })), { minLength: 2, maxLength: 20 }), (rated) => {
				fc.pre(new Set(rated.map(([value]) => value)).size > 1);
				expect(krippendorffAlpha(rated.map(([value, raters]) => Array(raters).fill(value)))).toBeCloseTo(1, 10);
			})
		);
		expect(
			krippendorffAlpha([
				[2, 2],
				[2, 2, 2]
			])
		).toBeNull();
		expect(readAlpha(null)).toContain('ne peut pas être calculé');
	});

	it('is below 1 as soon as two jurors disagree, and is read in one French sentence', () => {
		const alpha = krippendorffAlpha([
			[0, 3],
			[3, 0],
			[1, 1],
			[2, 2]
		])!;
		expect(alpha).toBeLessThan(0.667);
		expect(readAlpha(alpha)).toMatch(/^α = .*insuffisant/);
	});
});

describe('why a block is proposed', () => {
	const competencies = [
		{ code: 'C1', acquired: true, level: 2 },
		{ code: 'C2', acquired: false, level: 0 },
		{ code: 'C3', acquired: true, level: 3 }
	];
	it('names the competencies not acquired under "all"', () => {
		expect(blockProposalReasons({ kind: 'all' }, competencies)).toEqual({ validated: false, notAcquired: ['C2'], belowFloor: [] });
	});
	it('names those under the floor of an "atLeast" rule', () => {
		expect(blockProposalReasons({ kind: 'atLeast', count: 2, noneBelow: 1 }, competencies)).toEqual({
			validated: false,
			notAcquired: ['C2'],
			belowFloor: ['C2']
		});
		expect(blockProposalReasons({ kind: 'atLeast', count: 2 }, competencies).validated).toBe(true);
	});
});
