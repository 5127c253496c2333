import { describe, expect, it } from 'vitest';
import type { Defense, PlanningProblem } from './types';
import { localToInstant } from './time';
import { allowedStartsOnDay, checkPlacement } from './move-check';

// Paris, Monday 7 December 2026 (UTC+01:00): 09:00–12:00 with a break 10:30–10:45.
function problem(overrides: Partial<PlanningProblem> = {}): PlanningProblem {
	return {
		format: 'soutenance.planning/1',
		timezone: 'Europe/Paris',
		durations: { presentation: 10, questions: 10, deliberation: 5, changeover: 5, extraPerTeamMember: 10 },
		days: [{ date: '2026-12-07', start: '09:00', end: '12:00', breaks: [{ start: '10:30', end: '10:45' }] }],
		rooms: [
			{ id: 'R1', name: 'Salle Turing', remote: false },
			{
				id: 'R2',
				name: 'Salle Lovelace',
				remote: false,
				unavailable: [{ start: '2026-12-07T11:00:00+01:00', end: '2026-12-07T12:00:00+01:00' }]
			}
		],
		jurors: [
			{ id: 'J1', name: 'Claire Martin', company: 'Société Générale', external: true, presidentEligible: true },
			{
				id: 'J2',
				name: 'Julien Bernard',
				company: 'Jedha',
				external: false,
				presidentEligible: false,
				unavailable: [{ start: '2026-12-07T09:00:00+01:00', end: '2026-12-07T09:30:00+01:00' }]
			},
			{ id: 'J3', name: 'Sophie Laurent', company: 'Doctolib', external: true, presidentEligible: true },
			{ id: 'J4', name: 'Thomas Girard', company: 'Ubisoft', external: true, presidentEligible: false }
		],
		juries: [
			{ id: 'A', members: ['J1', 'J2'], president: 'J1', room: 'R1' },
			{ id: 'B', members: ['J3', 'J4'], president: 'J3', room: 'R2' },
			// Jury C shares Claire Martin with jury A and the room of jury A.
			{ id: 'C', members: ['J1', 'J3'], president: 'J1', room: 'R1' }
		],
		candidates: [
			{ id: 'C1', name: 'Amélie Lefèvre' },
			{ id: 'C2', name: 'Victor Caron', company: ' UBISOFT ' },
			{
				id: 'C3',
				name: 'Zoé Dubois',
				conflicts: ['J1'],
				unavailable: [{ start: '2026-12-07T11:30:00+01:00', end: '2026-12-07T12:00:00+01:00' }]
			},
			{ id: 'C4', name: 'Moussa N’Diaye', team: 'Énergie' },
			{ id: 'C5', name: 'Chloé Rousseau', team: 'Énergie' }
		],
		...overrides
	};
}

const at = (time: string, date = '2026-12-07') => localToInstant(date, time, 'Europe/Paris');
const defense = (candidates: string[], jury: string, room: string, start: string, end: string): Defense => ({
	candidates,
	jury,
	room,
	start: `2026-12-07T${start}:00+01:00`,
	end: `2026-12-07T${end}:00+01:00`
});

describe('checkPlacement', () => {
	it('accepts a free, valid slot and returns the defense to store', () => {
		const result = checkPlacement(problem(), [], { candidates: ['C1'], jury: 'A', start: at('10:00') });
		expect(result).toEqual({ reasons: [], defense: defense(['C1'], 'A', 'R1', '10:00', '10:25') });
	});

	it('gives a team its whole length and moves it whole', () => {
		const result = checkPlacement(problem(), [], { candidates: ['C5'], jury: 'A', start: at('09:30') });
		expect(result.defense).toEqual(defense(['C4', 'C5'], 'A', 'R1', '09:30', '10:05'));
	});

	it('names the declared conflict of interest', () => {
		expect(checkPlacement(problem(), [], { candidates: ['C3'], jury: 'A', start: at('09:40') }).reasons).toEqual([
			'Claire Martin est en conflit d’intérêts avec Zoé Dubois.'
		]);
	});

	it('names a conflict through the same company, compared trimmed and case-insensitively', () => {
		expect(checkPlacement(problem(), [], { candidates: ['C2'], jury: 'B', start: at('09:00') }).reasons).toEqual([
			'Thomas Girard travaille chez Ubisoft, comme Victor Caron : conflit d’intérêts.'
		]);
	});

	it('refuses a defense over a break', () => {
		expect(checkPlacement(problem(), [], { candidates: ['C1'], jury: 'B', start: at('10:20') }).reasons).toEqual([
			'La soutenance chevauche la pause 10:30–10:45.'
		]);
	});

	it('refuses outside opening hours and on a day that is not a session day', () => {
		expect(checkPlacement(problem(), [], { candidates: ['C1'], jury: 'B', start: at('08:50') }).reasons).toEqual([
			'La soutenance commencerait avant l’ouverture du 07/12/2026 (09:00–12:00).'
		]);
		expect(checkPlacement(problem(), [], { candidates: ['C1'], jury: 'A', start: at('11:45') }).reasons).toEqual([
			'La soutenance finirait à 12:10, hors des heures d’ouverture du 07/12/2026 (09:00–12:00).'
		]);
		expect(checkPlacement(problem(), [], { candidates: ['C1'], jury: 'A', start: at('09:00', '2026-12-08') }).reasons).toEqual([
			'Le 08/12/2026 n’est pas un jour de la session.'
		]);
	});

	it('names the unavailable juror, candidate and room with the hours', () => {
		expect(checkPlacement(problem(), [], { candidates: ['C1'], jury: 'A', start: at('09:10') }).reasons).toEqual([
			'Julien Bernard est indisponible le 07/12 de 09:00 à 09:30.'
		]);
		expect(checkPlacement(problem(), [], { candidates: ['C3'], jury: 'B', start: at('11:15') }).reasons).toEqual([
			'Zoé Dubois est indisponible le 07/12 de 11:30 à 12:00.',
			'Salle Lovelace est indisponible le 07/12 de 11:00 à 12:00.'
		]);
	});

	it('reads an afternoon off in French dates, up to 24:00, never as an ISO instant', () => {
		const afternoon = problem();
		afternoon.rooms[0].unavailable = [{ start: '2026-12-07T11:00:00+01:00', end: '2026-12-08T00:00:00+01:00' }];
		expect(checkPlacement(afternoon, [], { candidates: ['C1'], jury: 'A', start: at('11:30') }).reasons).toEqual([
			'Salle Turing est indisponible le 07/12 de 11:00 à 24:00.'
		]);
	});

	it('names the defense that already holds a juror of the jury, or its room', () => {
		const others = [defense(['C1'], 'C', 'R1', '09:40', '10:05')];
		expect(checkPlacement(problem(), others, { candidates: ['C2'], jury: 'A', start: at('09:50') }).reasons).toEqual([
			'Claire Martin siège déjà à la soutenance de Amélie Lefèvre (09:40–10:05).',
			'Salle Turing occupée par la soutenance de Amélie Lefèvre (09:40–10:05).'
		]);
	});

	it('requires the changeover between two defenses of the same juror or room', () => {
		const others = [defense(['C1'], 'C', 'R1', '09:40', '10:05')];
		expect(checkPlacement(problem(), others, { candidates: ['C2'], jury: 'A', start: at('09:12') }).reasons).toEqual([
			'Julien Bernard est indisponible le 07/12 de 09:00 à 09:30.',
			'Claire Martin siège à la soutenance de Amélie Lefèvre (09:40–10:05) : il faut 5 min entre deux soutenances.',
			'Salle Turing accueille la soutenance de Amélie Lefèvre (09:40–10:05) : il faut 5 min entre deux soutenances.'
		]);
		expect(checkPlacement(problem(), others, { candidates: ['C2'], jury: 'A', start: at('10:06') }).reasons).toEqual([
			'La soutenance chevauche la pause 10:30–10:45.',
			'Claire Martin siège à la soutenance de Amélie Lefèvre (09:40–10:05) : il faut 5 min entre deux soutenances.',
			'Salle Turing accueille la soutenance de Amélie Lefèvre (09:40–10:05) : il faut 5 min entre deux soutenances.'
		]);
		expect(checkPlacement(problem(), others, { candidates: ['C2'], jury: 'A', start: at('10:45') }).reasons).toEqual([]);
		// Sophie Laurent sits in juries B and C: a defense of C holds her for jury B too.
		expect(checkPlacement(problem(), others, { candidates: ['C3'], jury: 'B', start: at('09:50') }).reasons).toEqual([
			'Sophie Laurent siège déjà à la soutenance de Amélie Lefèvre (09:40–10:05).'
		]);
	});

	it('ignores the moved defense itself among the others', () => {
		const others = [defense(['C1'], 'A', 'R1', '09:40', '10:05')];
		expect(checkPlacement(problem(), others, { candidates: ['C1'], jury: 'A', start: at('09:45') }).reasons).toEqual([]);
	});

	it('refuses to move a pinned defense, but accepts it where it is pinned', () => {
		const pinned = problem({ pinned: [{ candidates: ['C1'], jury: 'A', start: '2026-12-07T09:40:00+01:00' }] });
		expect(checkPlacement(pinned, [], { candidates: ['C1'], jury: 'A', start: at('10:00') }).reasons).toEqual([
			'La soutenance de Amélie Lefèvre est épinglée : désépinglez-la avant de la déplacer.'
		]);
		expect(checkPlacement(pinned, [], { candidates: ['C1'], jury: 'A', start: at('09:40') }).reasons).toEqual([]);
	});

	it('refuses an unknown jury', () => {
		expect(checkPlacement(problem(), [], { candidates: ['C1'], jury: 'Z', start: at('10:00') }).reasons).toEqual([
			'Choisissez un jury de la session.'
		]);
	});
});

describe('allowedStartsOnDay', () => {
	const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
	const runs = (...args: Parameters<typeof allowedStartsOnDay>) =>
		allowedStartsOnDay(...args).map((run) => `${run.jury} ${clock(run.from)}–${clock(run.to)}`);

	it('lists, per jury, the starts the move check accepts, around breaks, unavailability and closing time', () => {
		expect(runs(problem(), [], ['C1'], '2026-12-07', 5)).toEqual([
			'A 09:30–10:05',
			'A 10:45–11:35',
			'B 09:00–10:05',
			'C 09:00–10:05',
			'C 10:45–11:35'
		]);
	});

	it('keeps the changeover around the other defenses of the same juror and room', () => {
		const others = [defense(['C2'], 'C', 'R1', '10:45', '11:10')];
		expect(runs(problem(), others, ['C1'], '2026-12-07', 5)).toEqual([
			'A 09:30–10:05',
			'A 11:15–11:35',
			'B 09:00–10:05',
			'C 09:00–10:05',
			'C 11:15–11:35'
		]);
	});

	it('tries the start right after a neighbour off the 5-minute grid, as an engine plans', () => {
		const others = [defense(['C2'], 'C', 'R1', '09:27', '09:52')];
		expect(runs(problem(), others, ['C1'], '2026-12-07', 5)).toEqual([
			'A 09:57–10:05',
			'A 10:45–11:35',
			'B 09:57–10:05',
			'C 09:57–10:05',
			'C 10:45–11:35'
		]);
	});

	it('agrees with checkPlacement at every step, and has nothing on a day that is not a session day', () => {
		const others = [defense(['C1'], 'B', 'R2', '09:30', '09:55')];
		const allowed = allowedStartsOnDay(problem(), others, ['C4'], '2026-12-07', 5);
		for (const jury of ['A', 'B', 'C'])
			for (let minute = 9 * 60; minute < 12 * 60; minute += 5) {
				const accepted = checkPlacement(problem(), others, { candidates: ['C4'], jury, start: at(clock(minute)) }).defense !== null;
				const shown = allowed.some((run) => run.jury === jury && run.from <= minute && minute <= run.to);
				expect(shown, `${jury} ${clock(minute)}`).toBe(accepted);
			}
		expect(allowedStartsOnDay(problem(), [], ['C1'], '2026-12-08', 5)).toEqual([]);
	});
});
