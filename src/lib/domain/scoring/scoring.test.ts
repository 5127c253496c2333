import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultReferentiel } from '../referentiel/referentiel';
import { applyChange, changeClock, mergeStates, parseChanges, type GridState, type ScoreChange } from './changes';
import { completeSheet, gridModel, missingCompetencies } from './grid';

const model = gridModel(defaultReferentiel, 'BC06');
const CANDIDATE = '11111111-1111-4111-8111-111111111111';
const empty: GridState = { sheets: {}, notes: '', clocks: {} };
const NOW = Date.parse('2026-11-25T10:00:00Z');

describe('grid model', () => {
	it('takes the six competencies of BC06 with their criteria, and the four levels in order', () => {
		expect(model.competencies.map((competency) => competency.code)).toEqual(['C6.1', 'C6.2', 'C6.3', 'C6.4', 'C6.5', 'C6.6']);
		expect(model.competencies.every((competency) => competency.statement.length > 20 && competency.criteria.length > 0)).toBe(true);
		expect(model.levels.map((level) => level.label)).toEqual(['Non démontrée', 'Insuffisante', 'Acquise', 'Maîtrisée']);
		expect(() => gridModel(defaultReferentiel, 'BC99')).toThrow('BC99');
	});

	it('names the competencies still without a level, level 0 counting as set', () => {
		const sheet = completeSheet(model, {
			'C6.1': { level: 0, criteria: [], comment: '' },
			'C6.4': { level: 3, criteria: [], comment: 'ok' }
		});
		expect(missingCompetencies(model, sheet)).toEqual(['C6.2', 'C6.3', 'C6.5', 'C6.6']);
	});
});

describe('changes', () => {
	const rules = { model, candidateIds: [CANDIDATE], now: NOW };
	const valid = {
		changeId: 'AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA',
		candidateId: CANDIDATE,
		field: 'level',
		competencyCode: 'C6.1',
		value: 2,
		clientTime: NOW - 1000
	};

	it('accepts a well-formed batch, normalising the id and the criteria', () => {
		const parsed = parseChanges(
			{ changes: [valid, { ...valid, changeId: crypto.randomUUID(), field: 'criteria', value: [2, 0, 2] }] },
			rules
		);
		expect(parsed.ok && parsed.changes.map((change) => [change.changeId, change.value])).toEqual([
			['aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 2],
			[expect.any(String), [0, 2]]
		]);
	});

	it.each([
		[{ changes: 'x' }, 'absente'],
		[{ changes: [{ ...valid, changeId: '1' }] }, 'identifiant'],
		[{ changes: [{ ...valid, value: 4 }] }, 'niveau'],
		[{ changes: [{ ...valid, competencyCode: 'C5.1' }] }, 'compétence'],
		[{ changes: [{ ...valid, candidateId: crypto.randomUUID() }] }, 'candidat'],
		[{ changes: [{ ...valid, field: 'criteria', value: [3] }] }, 'critère'],
		[{ changes: [{ ...valid, field: 'comment', value: 'x'.repeat(4001) }] }, '4000'],
		[{ changes: [{ ...valid, field: 'score' }] }, 'champ'],
		[{ changes: [{ ...valid, clientTime: 'hier' }] }, 'horodatage']
	])('refuses %j with a French message', (input, fragment) => {
		const parsed = parseChanges(input, rules);
		expect(parsed.ok).toBe(false);
		expect(!parsed.ok && parsed.message).toContain(fragment);
	});

	it('brings a clock running ahead back to the server time plus a minute', () => {
		const parsed = parseChanges({ changes: [{ ...valid, clientTime: NOW + 86_400_000 }] }, rules);
		expect(parsed.ok && parsed.changes[0].clientTime).toBe(NOW + 60_000);
	});

	it('brings a batch from a clock hours ahead back as a whole, its changes still in the order they were made', () => {
		const ahead = NOW + 8 * 3_600_000;
		const changes = [0, 1, 2].map((step) => ({ ...valid, changeId: crypto.randomUUID(), value: step + 1, clientTime: ahead + step }));
		const parsed = parseChanges({ changes }, rules);
		expect(parsed.ok && parsed.changes.map((change) => change.clientTime)).toEqual([NOW + 59_998, NOW + 59_999, NOW + 60_000]);
	});

	it('orders clocks by time, then by id, across digit lengths', () => {
		expect(changeClock({ clientTime: 999, changeId: 'b' }) < changeClock({ clientTime: 1000, changeId: 'a' })).toBe(true);
		expect(changeClock({ clientTime: 5, changeId: 'a' }) < changeClock({ clientTime: 5, changeId: 'b' })).toBe(true);
	});

	const changeArbitrary = fc
		.record({
			changeId: fc.uuid(),
			candidateId: fc.constant(CANDIDATE),
			field: fc.constantFrom('level', 'comment', 'notes') as fc.Arbitrary<ScoreChange['field']>,
			competencyCode: fc.constantFrom('C6.1', 'C6.2'),
			value: fc.integer({ min: 0, max: 3 }),
			clientTime: fc.integer({ min: 1, max: 50 })
		})
		.map((change): ScoreChange =>
			change.field === 'notes'
				? { ...change, candidateId: null, competencyCode: null, value: `n${change.value}` }
				: change.field === 'comment'
					? { ...change, value: `c${change.value}` }
					: change
		);

	it('ends in the same state whatever order the changes are applied in, replays included', () => {
		fc.assert(
			fc.property(fc.array(changeArbitrary, { maxLength: 25 }), fc.integer(), (changes, seed) => {
				const inOrder = changes.reduce(applyChange, empty);
				const shuffled = [...changes, ...changes.slice(0, 3)].sort(
					(a, b) => ((a.clientTime * 31 + seed) % 7) - ((b.clientTime * 31 + seed) % 7)
				);
				expect(shuffled.reduce(applyChange, empty)).toEqual(inOrder);
			})
		);
	});

	it('merges two devices to the same state from either side', () => {
		fc.assert(
			fc.property(fc.array(changeArbitrary, { maxLength: 20 }), fc.array(changeArbitrary, { maxLength: 20 }), (mine, theirs) => {
				const a = mine.reduce(applyChange, empty);
				const b = theirs.reduce(applyChange, empty);
				const all = [...mine, ...theirs].reduce(applyChange, empty);
				const fromA = mergeStates(a, b);
				const fromB = mergeStates(b, a);
				expect(fromA.clocks).toEqual(all.clocks);
				expect(fromA.notes).toEqual(all.notes);
				expect(fromB.sheets).toEqual(fromA.sheets);
			})
		);
	});
});
