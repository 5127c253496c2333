import type { PlanningProblem, Schedule } from './types';
import { buildModel, dayOf, type PlanningModel, type Span } from './model';
import { juryDayIdle, movedFrom, outsideLocalHours, sameCandidates } from './constraints';
import { localMinuteOfDay, parseInstantFloor, type Minute } from './time';

/** A placed unit: jury index and start minute. */
export interface Placement {
	unit: number;
	jury: number;
	start: Minute;
}

export interface PlanMetrics {
	placedCandidates: number;
	juryDays: number;
	idleMinutes: number;
	expertiseMatches: number;
	/** Defenses of the busiest jury minus those of the idlest one. */
	loadSpread: number;
	/** Sum over juries of the squared defense count: lower is better balanced. */
	loadSquares: number;
	outsideLocalHours: number;
	/** Defenses of `previous` whose jury or start changed, or that are no longer placed. */
	moved: number;
}

/** Jury and start of each unit in the previous schedule, when that unit defended there whole. */
export function previousPlacements(model: PlanningModel, previous: Schedule | undefined): Map<number, Placement> {
	const placements = new Map<number, Placement>();
	for (const defense of previous?.defenses ?? []) {
		const unit = model.unitOfCandidate.get(defense.candidates[0]);
		const jury = model.juryIndex.get(defense.jury);
		if (unit === undefined || jury === undefined) continue;
		if (!sameCandidates(model.units[unit].candidateIds, defense.candidates)) continue;
		placements.set(unit, { unit, jury, start: parseInstantFloor(defense.start) });
	}
	return placements;
}

export function computeMetrics(model: PlanningModel, placements: Placement[], previous: Map<number, Placement>): PlanMetrics {
	const byJuryDay = new Map<number, Span[]>();
	const load = new Array<number>(model.juries.length).fill(0);
	let placedCandidates = 0;
	let expertiseMatches = 0;
	let outsideHours = 0;
	let moved = 0;
	const placedUnits = new Set<number>();
	for (const { unit: unitIndex, jury, start } of placements) {
		const unit = model.units[unitIndex];
		const day = dayOf(model, start, unit.length);
		const key = jury * model.days.length + day;
		const spans = byJuryDay.get(key) ?? [];
		spans.push({ start, end: start + unit.length });
		byJuryDay.set(key, spans);
		load[jury]++;
		placedCandidates += unit.candidateIds.length;
		placedUnits.add(unitIndex);
		if (unit.expertiseMatch[jury]) expertiseMatches++;
		if (unit.zones.some((zone) => outsideLocalHours(localMinuteOfDay(start, zone), unit.length))) outsideHours++;
		const before = previous.get(unitIndex);
		if (before && movedFrom(before, jury, start)) moved++;
	}
	for (const unit of previous.keys()) if (!placedUnits.has(unit)) moved++;
	let idleMinutes = 0;
	for (const [key, spans] of byJuryDay) {
		spans.sort((a, b) => a.start - b.start);
		idleMinutes += juryDayIdle(spans, model.days[key % model.days.length].breaks, model.changeover);
	}
	return {
		placedCandidates,
		juryDays: byJuryDay.size,
		idleMinutes,
		expertiseMatches,
		loadSpread: load.length ? Math.max(...load) - Math.min(...load) : 0,
		loadSquares: load.reduce((sum, count) => sum + count * count, 0),
		outsideLocalHours: outsideHours,
		moved
	};
}

/** Statistics of a (valid) schedule, for the app's plan view. */
export function scheduleMetrics(problem: PlanningProblem, schedule: Schedule, previous?: Schedule): PlanMetrics {
	const model = buildModel(problem);
	const placements: Placement[] = [];
	for (const defense of schedule.defenses) {
		const unit = model.unitOfCandidate.get(defense.candidates[0]);
		const jury = model.juryIndex.get(defense.jury);
		if (unit !== undefined && jury !== undefined) placements.push({ unit, jury, start: parseInstantFloor(defense.start) });
	}
	return computeMetrics(model, placements, previousPlacements(model, previous));
}
