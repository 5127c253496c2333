import { describe, expect, it } from 'vitest';
import { publication } from '$lib/i18n/fr/publication';
import { summarizeChanges } from './change-summary';
import type { CandidateSlot, PlanDiff } from './plan-diff';

const room = { id: 'r1', name: 'Salle Turing', remote: false, videoUrl: null };
const slot = (start: string, end: string, juryId = 'jB'): CandidateSlot => ({
	candidates: ['lea'],
	juryId,
	start: new Date(start),
	end: new Date(end),
	room
});
const names: Record<string, string> = { lea: 'Léa Petit', claire: 'Claire Martin' };
const context = {
	zone: 'Europe/Paris',
	name: (id: string) => names[id] ?? id,
	jury: (id: string) => ({ jA: 'A', jB: 'B', jL: 'Jury Lyon 1' })[id] ?? id,
	firstPublication: false
};
const lines = (diff: PlanDiff) =>
	summarizeChanges(diff, context).map(
		(person) => `${person.name} : ${person.entries.map((entry) => publication.pages.publish.change(entry, person.role)).join(' ; ')}`
	);

describe('what a publication tells each person', () => {
	const before = slot('2027-03-10T13:05:00Z', '2027-03-10T13:30:00Z');
	const after = slot('2027-03-10T14:30:00Z', '2027-03-10T14:55:00Z');

	it('gives a moved candidate the old and new time and the jury, in the session’s local time', () => {
		expect(lines({ changedDefenses: 1, candidates: [{ candidateId: 'lea', kind: 'moved', before, after }], jurors: [] })).toEqual([
			'Léa Petit : 14:05 → 15:30, jury B'
		]);
	});

	it('reads a juror’s defense removed and added again with the same candidates as one move', () => {
		expect(lines({ changedDefenses: 1, candidates: [], jurors: [{ jurorId: 'claire', added: [after], removed: [before] }] })).toEqual([
			'Claire Martin : Léa Petit, 14:05 → 15:30, jury B'
		]);
	});

	it('names a jury called « Jury Lyon 1 » once, and a changed day with its date', () => {
		const moved = slot('2027-03-11T08:00:00Z', '2027-03-11T08:25:00Z', 'jL');
		expect(lines({ changedDefenses: 1, candidates: [{ candidateId: 'lea', kind: 'moved', before, after: moved }], jurors: [] })).toEqual([
			'Léa Petit : 10/03 14:05 → 11/03 09:00, jury B → jury Lyon 1'
		]);
	});
});
