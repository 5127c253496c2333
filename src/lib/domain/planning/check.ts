import type { Defense, PlanningProblem, Schedule } from './types';
import { buildModel, dayOf, type PlanningModel, type Span } from './model';
import { parseInstantFloor } from './time';
import { breaksCrossed, doubleBooked, movedFrom, outsideOpeningHours, sameCandidates, unavailableDuring } from './constraints';

/**
 * Rules 2–6 of docs/planning-v1.md on a list of defenses (each naming a whole unit).
 * Used on schedules and on the pinned defenses alone.
 */
export function describeDefenseViolations(model: PlanningModel, defenses: Defense[]): string[] {
	const violations: string[] = [];
	const { problem, changeover } = model;
	const occupancy = new Map<string, { span: Span; label: string }[]>();

	for (const defense of defenses) {
		const label = `soutenance de ${defense.candidates.join(', ')}`;
		const juryIndex = model.juryIndex.get(defense.jury);
		const unitIndex = model.unitOfCandidate.get(defense.candidates[0]);
		if (juryIndex === undefined || unitIndex === undefined) {
			violations.push(`${label}: jury ou candidat inconnu`);
			continue;
		}
		const jury = model.juries[juryIndex];
		const unit = model.units[unitIndex];
		const span = { start: parseInstantFloor(defense.start), end: parseInstantFloor(defense.end) };
		if (!sameCandidates(unit.candidateIds, defense.candidates))
			violations.push(`${label}: l'équipe doit soutenir entière (${unit.candidateIds.join(', ')})`);
		if (defense.room !== problem.juries[juryIndex].room)
			violations.push(`${label}: salle ${defense.room} au lieu de ${problem.juries[juryIndex].room}, celle du jury ${jury.id}`);
		if (span.end - span.start !== unit.length) violations.push(`${label}: dure ${span.end - span.start} min au lieu de ${unit.length}`);

		const day = model.days[dayOf(model, span.start, span.end - span.start)];
		if (outsideOpeningHours(day, span)) violations.push(`${label}: hors des heures d'ouverture (${defense.start})`);
		else if (breaksCrossed(day, span).length > 0) violations.push(`${label}: chevauche une pause du ${day.date}`);

		if (unavailableDuring(unit.unavailable, span).length > 0) violations.push(`${label}: pendant une indisponibilité du candidat`);
		for (const resource of jury.resources) {
			if (unavailableDuring(model.resourceUnavailable[resource], span).length === 0) continue;
			const isRoom = resource >= model.jurorIds.length;
			violations.push(
				isRoom
					? `${label}: la salle ${model.roomIds[resource - model.jurorIds.length]} est indisponible`
					: `${label}: le juré ${model.jurorIds[resource]} est indisponible`
			);
		}
		const conflicted = jury.members.filter((member) => unit.conflictJurors.has(member)).map((member) => model.jurorIds[member]);
		if (conflicted.length) violations.push(`${label}: conflit d'intérêts avec ${conflicted.join(', ')} (jury ${jury.id})`);

		for (const key of [...jury.members.map((m) => `le juré ${model.jurorIds[m]}`), `la salle ${defense.room}`]) {
			const list = occupancy.get(key) ?? [];
			list.push({ span, label });
			occupancy.set(key, list);
		}
	}

	for (const [resource, uses] of occupancy) {
		uses.sort((a, b) => a.span.start - b.span.start);
		for (let i = 1; i < uses.length; i++)
			for (let j = i - 1; j >= 0 && uses[j].span.start > uses[i].span.start - 24 * 60; j--)
				if (doubleBooked(uses[j].span.start, uses[j].span.end, uses[i].span.start, uses[i].span.end, changeover))
					violations.push(`${uses[j].label} et ${uses[i].label}: ${resource} n'a pas ${changeover} min entre les deux`);
	}
	return violations;
}

/** Every hard rule (1–7) of docs/planning-v1.md; an empty list means the schedule is valid. */
export function checkSchedule(problem: PlanningProblem, schedule: Schedule): string[] {
	const model = buildModel(problem);
	const violations: string[] = [];
	const seen = new Map<string, number>();
	for (const group of [...schedule.defenses, ...schedule.unplaced])
		for (const id of group.candidates) seen.set(id, (seen.get(id) ?? 0) + 1);
	for (const candidate of problem.candidates) {
		const count = seen.get(candidate.id) ?? 0;
		if (count !== 1) violations.push(`le candidat ${candidate.id} apparaît ${count} fois au lieu d'une`);
	}
	for (const id of seen.keys()) if (!model.unitOfCandidate.has(id)) violations.push(`candidat inconnu ${id}`);
	for (const group of schedule.unplaced) {
		const unit = model.units[model.unitOfCandidate.get(group.candidates[0]) ?? -1];
		if (unit && !sameCandidates(unit.candidateIds, group.candidates))
			violations.push(`non placés ${group.candidates.join(', ')}: l'équipe doit rester entière`);
	}

	for (const pin of problem.pinned ?? []) {
		const kept = schedule.defenses.find((defense) => sameCandidates(defense.candidates, pin.candidates));
		if (!kept || movedFrom({ jury: pin.jury, start: parseInstantFloor(pin.start) }, kept.jury, parseInstantFloor(kept.start)))
			violations.push(`la soutenance épinglée de ${pin.candidates.join(', ')} n'est pas au jury ${pin.jury} à ${pin.start}`);
	}
	return [...violations, ...describeDefenseViolations(model, schedule.defenses)];
}
