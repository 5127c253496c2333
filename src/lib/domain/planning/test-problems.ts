import type { Candidate, Juror, PlanningProblem } from './types';

/** Small problems for the engine's tests: two juries in two rooms, one day unless told. */
export function sampleProblem(overrides: Partial<PlanningProblem> = {}): PlanningProblem {
	const jurors: Juror[] = [
		{ id: 'J1', name: 'Alice', company: 'Acme', external: true, presidentEligible: true, expertise: ['nlp'] },
		{ id: 'J2', name: 'Bruno', company: 'École', external: false, presidentEligible: true, expertise: ['web'] },
		{ id: 'J3', name: 'Chloé', company: 'Gamma', external: true, presidentEligible: true, expertise: ['data'] },
		{ id: 'J4', name: 'David', company: 'École', external: false, presidentEligible: false }
	];
	const candidates: Candidate[] = ['C1', 'C2', 'C3', 'C4'].map((id) => ({ id, name: id }));
	return {
		format: 'soutenance.planning/1',
		timezone: 'Europe/Paris',
		durations: { presentation: 10, questions: 10, deliberation: 5, changeover: 5, extraPerTeamMember: 10 },
		days: [{ date: '2026-12-07', start: '09:00', end: '12:00', breaks: [{ start: '10:30', end: '10:45' }] }],
		rooms: [
			{ id: 'R1', name: 'Turing', remote: false },
			{ id: 'R2', name: 'Hopper', remote: false }
		],
		jurors,
		juries: [
			{ id: 'A', members: ['J1', 'J2'], president: 'J1', room: 'R1' },
			{ id: 'B', members: ['J3', 'J4'], president: 'J3', room: 'R2' }
		],
		candidates,
		...overrides
	};
}
