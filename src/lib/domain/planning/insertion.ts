import { dayOf } from './model';
import type { SearchState } from './state';

export interface Insertion {
	jury: number;
	day: number;
	start: number;
	cost: number;
}

/*
 * One number standing for the lexicographic objective at the scale of a single insertion:
 * an idle minute outweighs any expertise match, which outweighs balance, which outweighs the
 * candidates' local hours. Opening a new jury-day is handled by trying used ones first.
 */
const IDLE_WEIGHT = 1e6;
const EXPERTISE_WEIGHT = 1e4;
const LOAD_WEIGHT = 10;
const LOCAL_HOURS_WEIGHT = 1;
const EARLINESS_WEIGHT = 1e-7;

export interface InsertionLimits {
	/** Jury-day keys (jury × dayCount + day) the unit must not go to. */
	forbidden?: ReadonlySet<number>;
}

/**
 * Cheapest position for `unit`: its previous position when still free (re-planning moves as
 * little as possible), else inside an already used jury-day, else in a new jury-day. Within a
 * jury-day only gaps long enough are tried: right after each defense and at the opening.
 */
export function findInsertion(state: SearchState, unit: number, limits: InsertionLimits = {}): Insertion | null {
	const { model, dayCount } = state;
	const definition = model.units[unit];
	const length = definition.length;
	const changeover = model.changeover;

	const before = state.previous.get(unit);
	if (before && definition.allowedJuries.includes(before.jury)) {
		const day = dayOf(model, before.start, length);
		if (day >= 0 && !limits.forbidden?.has(before.jury * dayCount + day) && state.fitsAt(unit, before.jury, day, before.start))
			return { jury: before.jury, day, start: before.start, cost: -Infinity };
	}

	let best: Insertion | null = null;
	const consider = (jury: number, day: number, start: number, opensJuryDay: boolean) => {
		const open = model.days[day].open;
		const idleDelta = opensJuryDay ? 0 : state.idleWith(jury, day, { start, end: start + length }) - state.idleOf(jury, day);
		const cost =
			idleDelta * IDLE_WEIGHT -
			(definition.expertiseMatch[jury] ? EXPERTISE_WEIGHT : 0) +
			(2 * state.load[jury] + 1) * LOAD_WEIGHT +
			(state.isOutsideLocalHours(unit, start) ? LOCAL_HOURS_WEIGHT : 0) +
			(start - open) * EARLINESS_WEIGHT;
		if (!best || cost < best.cost) best = { jury, day, start, cost };
	};

	for (const opensJuryDay of [false, true]) {
		for (const jury of definition.allowedJuries)
			for (let day = 0; day < dayCount; day++) {
				const key = jury * dayCount + day;
				const occupants = state.juryDayUnits[key];
				if ((occupants.length === 0) !== opensJuryDay || limits.forbidden?.has(key) || !state.hasRoomFor(jury, day, length)) continue;
				const { open, close } = model.days[day];
				const tried: number[] = [];
				const tryFrom = (from: number) => {
					const start = state.earliestStart(unit, jury, day, from);
					if (start < 0 || tried.includes(start)) return;
					tried.push(start);
					consider(jury, day, start, opensJuryDay);
				};
				if (opensJuryDay) tryFrom(open);
				else {
					const first = state.startOf[occupants[0]];
					if (first - open >= length + changeover) {
						tryFrom(open);
						// Right before the first defense, so that the day stays compact.
						const adjacent = first - changeover - length;
						if (state.fitsAt(unit, jury, day, adjacent)) {
							tried.push(adjacent);
							consider(jury, day, adjacent, false);
						}
					}
					for (let i = 0; i < occupants.length; i++) {
						const end = state.startOf[occupants[i]] + model.units[occupants[i]].length;
						const nextStart = i + 1 < occupants.length ? state.startOf[occupants[i + 1]] : close + changeover;
						if (nextStart - end - changeover >= length + changeover || i + 1 === occupants.length) tryFrom(end + changeover);
					}
				}
			}
		if (best) return best;
	}
	return best;
}
