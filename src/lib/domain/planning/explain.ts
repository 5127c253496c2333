import type { SearchState } from './state';
import { intersects } from './constraints';

const list = (items: string[], limit = 6) =>
	items.length <= limit ? items.join(', ') : `${items.slice(0, limit).join(', ')} et ${items.length - limit} autre(s)`;

/**
 * Why `unit` is not placed, found by eliminating its (jury, day) options one constraint at a
 * time: conflicts of interest, the candidates' own availability, the jurors' and rooms'
 * availability, and finally the other defenses occupying what is left.
 */
export function explainUnplaced(state: SearchState, unitIndex: number): string[] {
	const { model } = state;
	const unit = model.units[unitIndex];
	const reasons: string[] = [];

	const conflicted = model.juries
		.filter((jury) => !unit.allowedJuries.includes(jury.index))
		.map(
			(jury) =>
				`${jury.id} (${jury.members
					.filter((m) => unit.conflictJurors.has(m))
					.map((m) => model.jurorIds[m])
					.join(', ')})`
		);
	if (unit.allowedJuries.length === 0) {
		return [`en conflit d'intérêts avec au moins un membre de chaque jury: ${list(conflicted)}`];
	}

	// A jury without any member or room to worry about: only the day's hours, breaks and the candidates.
	const daysOpenToUnit = model.days.filter((day) => {
		const { open, close, breaks } = day;
		let start = open;
		for (;;) {
			if (start + unit.length > close) return false;
			const blocker = [...breaks, ...unit.unavailable].find((span) => intersects(span.start, span.end, start, start + unit.length));
			if (!blocker) return true;
			start = blocker.end;
		}
	});
	if (daysOpenToUnit.length === 0) {
		const longestWindow = Math.max(
			...model.days.map((day) => {
				let longest = 0;
				let from = day.open;
				for (const pause of [...day.breaks, { start: day.close, end: day.close }]) {
					longest = Math.max(longest, pause.start - from);
					from = Math.max(from, pause.end);
				}
				return longest;
			})
		);
		return [
			unit.length > longestWindow
				? `la soutenance dure ${unit.length} min et ne tient dans aucune plage d'ouverture entre les pauses (au plus ${longestWindow} min)`
				: `indisponible pendant toutes les plages d'ouverture (${list(model.days.map((day) => day.date))})`
		];
	}
	if (conflicted.length) reasons.push(`en conflit d'intérêts avec les jurys ${list(conflicted)}`);

	const staticOptions: string[] = [];
	const unavailableJuries: string[] = [];
	for (const juryIndex of unit.allowedJuries) {
		const jury = model.juries[juryIndex];
		const openDays = daysOpenToUnit.filter((day) => state.earliestStart(unitIndex, juryIndex, day.index, day.open, true) >= 0);
		if (openDays.length === 0) {
			const blockers = jury.resources
				.filter((resource) =>
					model.resourceUnavailable[resource].some((span) =>
						daysOpenToUnit.some((day) => intersects(span.start, span.end, day.open, day.close))
					)
				)
				.map((resource) =>
					resource < model.jurorIds.length ? model.jurorIds[resource] : `salle ${model.roomIds[resource - model.jurorIds.length]}`
				);
			unavailableJuries.push(`${jury.id} (indisponibles: ${blockers.join(', ') || 'aucun créneau assez long'})`);
		} else for (const day of openDays) staticOptions.push(`${jury.id} le ${day.date}`);
	}
	if (staticOptions.length === 0) {
		reasons.push(`aucun jury sans conflit d'intérêts n'est libre pendant ses disponibilités: ${list(unavailableJuries)}`);
		return reasons;
	}
	reasons.push(`capacité insuffisante: tous les créneaux compatibles sont occupés (jury ${list(staticOptions)})`);
	return reasons;
}
