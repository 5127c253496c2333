import { describe, expect, it } from 'vitest';
import { diffPlans, scheduleDocument, type PublishedPlan } from './plan-diff';

const rooms = [
	{ id: 'r1', name: 'Salle Turing', remote: false, videoUrl: null },
	{ id: 'r2', name: 'Visio Hopper', remote: true, videoUrl: 'https://visio.test/hopper' }
];
const juries = [
	{ id: 'A', label: 'A', members: ['j1', 'j2'], roomId: 'r1' },
	{ id: 'B', label: 'B', members: ['j3', 'j4'], roomId: 'r2' }
];
const registered = ['c1', 'c2', 'c3', 'c4', 'c5'].map((candidateId) => ({
	candidateId,
	team: candidateId === 'c3' || candidateId === 'c4' ? 'Churn' : null
}));

type Placement = [candidates: string[], jury: 'A' | 'B', start: string, minutes: number];
function plan(placements: Placement[], overrides: Partial<PublishedPlan> = {}): PublishedPlan {
	const juryList = overrides.juries ?? juries;
	const roomList = overrides.rooms ?? rooms;
	const defenses = placements.map(([candidates, jury, start, minutes]) => ({
		candidates,
		juryId: jury,
		roomId: juryList.find((candidate) => candidate.id === jury)!.roomId,
		start: new Date(start),
		end: new Date(new Date(start).getTime() + minutes * 60_000)
	}));
	return { schedule: scheduleDocument(defenses, registered), juries: juryList, rooms: roomList };
}

const base: Placement[] = [
	[['c1'], 'A', '2027-03-29T07:00:00Z', 25],
	[['c2'], 'B', '2027-03-29T07:00:00Z', 25],
	[['c4', 'c3'], 'A', '2027-03-29T07:30:00Z', 35]
];

describe('scheduleDocument', () => {
	it('writes a schedule/1 document with sorted teams and the unplaced candidates', () => {
		const document = plan(base).schedule;
		expect(document.format).toBe('soutenance.schedule/1');
		expect(document.defenses.map((defense) => defense.candidates)).toEqual([['c1'], ['c2'], ['c3', 'c4']]);
		expect(document.defenses[0]).toMatchObject({
			jury: 'A',
			room: 'r1',
			start: '2027-03-29T07:00:00.000Z',
			end: '2027-03-29T07:25:00.000Z'
		});
		expect(document.unplaced.map((entry) => entry.candidates)).toEqual([['c5']]);
	});
});

describe('diffPlans', () => {
	it('places everyone on a first publication and tells every juror who hears someone', () => {
		const diff = diffPlans(null, plan(base));
		expect(diff.candidates.map((change) => [change.candidateId, change.kind]).sort()).toEqual([
			['c1', 'placed'],
			['c2', 'placed'],
			['c3', 'placed'],
			['c4', 'placed']
		]);
		expect(diff.jurors.map((change) => change.jurorId).sort()).toEqual(['j1', 'j2', 'j3', 'j4']);
		expect(diff.changedDefenses).toBe(3);
	});

	it('finds nothing between a plan and itself', () => {
		expect(diffPlans(plan(base), plan(base))).toEqual({ changedDefenses: 0, candidates: [], jurors: [] });
	});

	it('a move in time within the same jury concerns its candidate and that jury only', () => {
		const moved = plan([[['c1'], 'A', '2027-03-29T08:30:00Z', 25], ...base.slice(1)]);
		const diff = diffPlans(plan(base), moved);
		expect(diff.candidates).toHaveLength(1);
		expect(diff.candidates[0]).toMatchObject({ candidateId: 'c1', kind: 'moved' });
		expect(diff.candidates[0].before!.start.toISOString()).toBe('2027-03-29T07:00:00.000Z');
		expect(diff.candidates[0].after!.start.toISOString()).toBe('2027-03-29T08:30:00.000Z');
		expect(diff.jurors.map((change) => change.jurorId).sort()).toEqual(['j1', 'j2']);
		expect(diff.changedDefenses).toBe(1);
	});

	it('a move to another jury concerns the members of the old and the new jury', () => {
		const moved = plan([[['c1'], 'B', '2027-03-29T08:00:00Z', 25], ...base.slice(1)]);
		const diff = diffPlans(plan(base), moved);
		expect(diff.candidates.map((change) => change.candidateId)).toEqual(['c1']);
		const byJuror = Object.fromEntries(diff.jurors.map((change) => [change.jurorId, [change.added.length, change.removed.length]]));
		expect(byJuror).toEqual({ j1: [0, 1], j2: [0, 1], j3: [1, 0], j4: [1, 0] });
	});

	it('a moved team notifies every member of the team', () => {
		const moved = plan([...base.slice(0, 2), [['c3', 'c4'], 'A', '2027-03-29T09:00:00Z', 35]]);
		expect(
			diffPlans(plan(base), moved)
				.candidates.map((change) => change.candidateId)
				.sort()
		).toEqual(['c3', 'c4']);
	});

	it('reports newly placed and no longer placed candidates', () => {
		const diff = diffPlans(plan(base), plan([...base.slice(1), [['c5'], 'A', '2027-03-29T09:00:00Z', 25]]));
		expect(diff.candidates.map((change) => [change.candidateId, change.kind]).sort()).toEqual([
			['c1', 'unplaced'],
			['c5', 'placed']
		]);
		expect(diff.jurors.map((change) => change.jurorId).sort()).toEqual(['j1', 'j2']);
	});

	it('a changed video link concerns the candidates in that room and its jurors', () => {
		const newLink = rooms.map((room) => (room.id === 'r2' ? { ...room, videoUrl: 'https://visio.test/nouveau' } : room));
		const diff = diffPlans(plan(base), plan(base, { rooms: newLink }));
		expect(diff.candidates.map((change) => change.candidateId)).toEqual(['c2']);
		expect(diff.jurors.map((change) => change.jurorId).sort()).toEqual(['j3', 'j4']);
	});

	it('a juror replaced in a jury is told, and so is the newcomer; candidates are not', () => {
		const recomposed = juries.map((jury) => (jury.id === 'A' ? { ...jury, members: ['j1', 'j5'] } : jury));
		const diff = diffPlans(plan(base), plan(base, { juries: recomposed }));
		expect(diff.candidates).toEqual([]);
		expect(diff.jurors.map((change) => [change.jurorId, change.added.length, change.removed.length]).sort()).toEqual([
			['j2', 0, 2],
			['j5', 2, 0]
		]);
	});
});
