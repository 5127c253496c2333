import { describe, expect, it } from 'vitest';
import { compositionProblems, juryConflicts, type JurorFacts } from './composition';
import { sameCompany } from '../planning/constraints';

const juror = (id: string, facts: Partial<JurorFacts> = {}): JurorFacts => ({
	id,
	name: `Juré ${id}`,
	company: null,
	external: true,
	presidentEligible: false,
	...facts
});

describe('compositionProblems', () => {
	it('accepts two external members presided by an eligible member', () => {
		expect(compositionProblems([juror('a', { presidentEligible: true }), juror('b')], 'a')).toEqual([]);
	});

	it('refuses a jury of one member', () => {
		expect(compositionProblems([juror('a', { presidentEligible: true })], 'a')).toEqual(['Un jury compte au moins 2 membres.']);
	});

	it('asks for a president when none is chosen', () => {
		expect(compositionProblems([juror('a'), juror('b')], null)).toEqual(['Choisissez un président ou une présidente parmi les membres.']);
	});

	it('refuses a president who is not a member', () => {
		expect(compositionProblems([juror('a'), juror('b')], 'c')).toEqual(['Le président doit être membre du jury.']);
	});

	it('names the president who may not preside', () => {
		expect(compositionProblems([juror('a', { name: 'Julien Bernard' }), juror('b')], 'a')).toEqual([
			'Julien Bernard ne peut pas présider un jury (non habilité·e à la présidence).'
		]);
	});

	it('accepts exactly half external members and refuses fewer', () => {
		const half = [juror('a', { presidentEligible: true }), juror('b', { external: false })];
		expect(compositionProblems(half, 'a')).toEqual([]);
		const minority = [juror('a', { presidentEligible: true }), juror('b', { external: false }), juror('c', { external: false })];
		expect(compositionProblems(minority, 'a')).toEqual(['Au moins la moitié des membres doivent être extérieurs : 1 sur 3 le sont.']);
	});

	it('lists every broken rule at once', () => {
		expect(compositionProblems([juror('a', { external: false })], 'a')).toHaveLength(3);
	});
});

describe('conflicts', () => {
	it('compares companies trimmed and case-insensitively, never on an empty name', () => {
		expect(sameCompany(' Jedha ', 'jedha')).toBe(true);
		expect(sameCompany('Jedha', 'Airbus')).toBe(false);
		expect(sameCompany('', '')).toBe(false);
		expect(sameCompany(null, null)).toBe(false);
	});

	it('lists declared conflicts and same-company conflicts of the members only', () => {
		const members = [juror('a', { name: 'Claire', company: 'Société Générale' }), juror('b', { name: 'Julien', company: 'Jedha' })];
		const candidates = [
			{ id: 'c1', name: 'Amélie', company: 'société générale ' },
			{ id: 'c2', name: 'Moussa', company: null },
			{ id: 'c3', name: 'Zoé', company: 'SNCF' }
		];
		const declared = [
			{ jurorId: 'b', candidateId: 'c2', reason: 'Tuteur du projet' },
			{ jurorId: 'z', candidateId: 'c3', reason: 'Employeur' }
		];
		expect(juryConflicts(members, candidates, declared)).toEqual([
			{ candidateId: 'c1', candidateName: 'Amélie', jurorId: 'a', jurorName: 'Claire', reason: 'même entreprise (Société Générale)' },
			{ candidateId: 'c2', candidateName: 'Moussa', jurorId: 'b', jurorName: 'Julien', reason: 'Tuteur du projet' }
		]);
	});
});
