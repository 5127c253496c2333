import { SCHEDULE_FORMAT, type PlanningProblem, type Schedule, type SolveOptions, type SolveProgress } from './types';
import { buildModel, dayOf } from './model';
import { computeMetrics, previousPlacements } from './metrics';
import { SearchState, compareScores } from './state';
import { findInsertion, type InsertionLimits } from './insertion';
import { explainUnplaced } from './explain';
import { randomInt, seededRandom, shuffle, type Random } from './random';
import { formatInstant } from './time';

const DEFAULT_TIME_LIMIT_MS = 60_000;

/**
 * Default local-search budget. The search stops on this iteration count, so that a given seed
 * always gives the same schedule; the time limit is only a safety cap (when it cuts the
 * search, the result depends on the machine's speed).
 */
export function defaultIterations(unitCount: number, replanning: boolean): number {
	// Re-planning can only improve around the few moved defenses: moving others costs more.
	return replanning ? Math.min(500, 100 + unitCount / 4) : Math.min(6000, 200 + 4 * unitCount);
}

/**
 * Places every defense it can: pins first, then (when re-planning) every previous defense that
 * is still valid, then the rest most-constrained first by cheapest insertion; then ejection
 * chains for the unplaced and destroy-and-repair local search for compactness, expertise and
 * balance. Every move keeps all hard rules, so any intermediate state is a valid schedule.
 * `problem` must have passed `validateProblem` (which also rejects pins that cannot be kept).
 */
export function solve(problem: PlanningProblem, options: SolveOptions = {}): Schedule {
	const now = options.now ?? (() => Date.now());
	const startedAt = now();
	const deadline = startedAt + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
	const random = seededRandom(options.seed ?? 1);
	const model = buildModel(problem);
	const previous = previousPlacements(model, options.previous);
	const state = new SearchState(model, previous);
	const unitCount = model.units.length;
	const totalCandidates = problem.candidates.length;
	const report = (phase: string, fraction: number) =>
		options.onProgress?.({ phase, fraction, placed: state.placedCandidates, total: totalCandidates } satisfies SolveProgress);

	for (const pin of model.pins) {
		state.place(pin.unit, pin.jury, dayOf(model, pin.start, model.units[pin.unit].length), pin.start);
		state.fixed[pin.unit] = 1;
	}
	report('construction', 0);

	// Fewer feasible (jury, day) options ⇒ placed earlier; teams and long defenses break ties.
	const optionCount = model.units.map((unit) => {
		let count = 0;
		for (const jury of unit.allowedJuries)
			for (const day of model.days) if (state.earliestStart(unit.index, jury, day.index, day.open, true) >= 0) count++;
		return count;
	});
	const tieBreak = model.units.map(() => random());
	const byConstraint = (a: number, b: number) =>
		optionCount[a] - optionCount[b] ||
		model.units[b].candidateIds.length - model.units[a].candidateIds.length ||
		model.units[b].length - model.units[a].length ||
		tieBreak[a] - tieBreak[b];

	const insert = (unit: number, limits?: InsertionLimits): boolean => {
		const insertion = findInsertion(state, unit, limits);
		if (!insertion) return false;
		state.place(unit, insertion.jury, insertion.day, insertion.start);
		return true;
	};

	// Re-planning: every previous defense still valid stays exactly where it was, before
	// anything displaced is reinserted (else a displaced one could take a kept one's place).
	for (const [unit, before] of previous) {
		if (state.isPlaced(unit) || !model.units[unit].allowedJuries.includes(before.jury)) continue;
		const day = dayOf(model, before.start, model.units[unit].length);
		if (day >= 0 && state.fitsAt(unit, before.jury, day, before.start)) state.place(unit, before.jury, day, before.start);
	}
	const pending = model.units.map((unit) => unit.index).filter((unit) => !state.isPlaced(unit) && !previous.has(unit));
	const displaced = [...previous.keys()].filter((unit) => !state.isPlaced(unit));
	const order = [...displaced, ...pending].sort(byConstraint);
	order.forEach((unit, position) => {
		if (optionCount[unit] > 0) insert(unit);
		if (position % 200 === 0) report('construction', position / order.length);
	});

	const iterations = options.iterations ?? defaultIterations(unitCount, previous.size > 0);
	const search = new LocalSearch(state, random, optionCount, byConstraint);
	search.repairUnplaced(deadline, now);
	let done = 0;
	for (; done < iterations && now() < deadline; done++) {
		search.step();
		if (done % 100 === 0) report('amélioration', done / iterations);
	}
	search.repairUnplaced(deadline, now);
	report('terminé', 1);

	const zone = problem.timezone;
	const defenses = state
		.placements()
		.sort((a, b) => a.start - b.start || a.jury - b.jury)
		.map(({ unit, jury, start }) => ({
			candidates: model.units[unit].candidateIds,
			jury: model.juries[jury].id,
			room: problem.juries[jury].room,
			start: formatInstant(start, zone),
			end: formatInstant(start + model.units[unit].length, zone)
		}));
	const unplaced = model.units
		.filter((unit) => !state.isPlaced(unit.index))
		.map((unit) => ({ candidates: unit.candidateIds, reasons: explainUnplaced(state, unit.index) }));
	const metrics = computeMetrics(model, state.placements(), previous);
	return {
		format: SCHEDULE_FORMAT,
		defenses,
		unplaced,
		stats: {
			elapsedMs: Math.round(now() - startedAt),
			placed: metrics.placedCandidates,
			juryDays: metrics.juryDays,
			idleMinutes: metrics.idleMinutes,
			expertiseMatches: metrics.expertiseMatches,
			loadSpread: metrics.loadSpread,
			outsideLocalHours: metrics.outsideLocalHours,
			moved: metrics.moved,
			iterations: done
		}
	};
}

/** Destroy-and-repair moves; each is kept only when the lexicographic objective does not get worse. */
class LocalSearch {
	private readonly unitsByLength = new Map<number, number[]>();
	/** Jury-days that could not be emptied since the last accepted change. */
	private readonly stubborn = new Set<number>();

	constructor(
		private readonly state: SearchState,
		private readonly random: Random,
		private readonly optionCount: number[],
		private readonly byConstraint: (a: number, b: number) => number
	) {
		for (const unit of state.model.units) {
			const list = this.unitsByLength.get(unit.length) ?? [];
			list.push(unit.index);
			this.unitsByLength.set(unit.length, list);
		}
	}

	step(): void {
		const roll = this.random();
		if (roll < 0.35) this.closeJuryDay();
		else if (roll < 0.75) this.ruinAndRecreate();
		else this.swapForExpertise();
	}

	/** Removes units and reinserts them (plus `extra`), keeping the result if not worse. */
	private attempt(removed: number[], extra: number[], limits: InsertionLimits, requireBetter: boolean): boolean {
		const { state } = this;
		const before = state.score();
		state.begin();
		for (const unit of removed) state.remove(unit);
		const toInsert = [...extra, ...removed.sort(this.byConstraint)];
		for (const unit of toInsert) {
			const insertion = findInsertion(state, unit, limits);
			if (insertion) state.place(unit, insertion.jury, insertion.day, insertion.start);
		}
		const comparison = compareScores(state.score(), before);
		if (comparison > 0 || (comparison === 0 && !requireBetter)) {
			state.commit();
			if (comparison > 0) this.stubborn.clear();
			return true;
		}
		state.rollback();
		return false;
	}

	private movable(units: number[]): number[] {
		return units.filter((unit) => !this.state.fixed[unit]);
	}

	/** Empties a lightly loaded jury-day into the others: fewer jury-days. */
	private closeJuryDay(): void {
		const { state } = this;
		let chosen = -1;
		let fewest = Infinity;
		state.juryDayUnits.forEach((units, key) => {
			if (units.length === 0 || this.stubborn.has(key) || units.some((unit) => state.fixed[unit])) return;
			const weight = units.length + this.random() * 2;
			if (weight < fewest) {
				fewest = weight;
				chosen = key;
			}
		});
		if (chosen < 0) return;
		const removed = [...state.juryDayUnits[chosen]];
		if (!this.attempt(removed, [], { forbidden: new Set([chosen]) }, true)) this.stubborn.add(chosen);
	}

	/** Removes a few defenses of one day around a random one, and reinserts them. */
	private ruinAndRecreate(): void {
		const { state, random } = this;
		const placed = this.movable(state.placements().map((placement) => placement.unit));
		if (placed.length === 0) return;
		const seed = placed[randomInt(random, placed.length)];
		const day = state.dayOfUnit[seed];
		const sameJuryDay = state.juryDayUnits[state.juryOf[seed] * state.dayCount + day];
		const sameDay = placed.filter((unit) => state.dayOfUnit[unit] === day && !sameJuryDay.includes(unit));
		const size = 2 + randomInt(random, 5);
		const removed = new Set(this.movable(sameJuryDay).slice(0, size));
		for (const unit of shuffle(random, sameDay).slice(0, size)) removed.add(unit);
		this.attempt([...removed], [], {}, false);
	}

	/** Exchanges two equally long defenses of different juries when it matches more expertise. */
	private swapForExpertise(): void {
		const { state, random } = this;
		const { units } = state.model;
		const placed = state
			.placements()
			.filter((placement) => !state.fixed[placement.unit] && !units[placement.unit].expertiseMatch[placement.jury]);
		if (placed.length === 0) return;
		const { unit: first, jury: firstJury, start: firstStart } = placed[randomInt(random, placed.length)];
		const firstDay = state.dayOfUnit[first];
		const partners = (this.unitsByLength.get(units[first].length) ?? []).filter((other) => {
			const otherJury = state.juryOf[other];
			return (
				otherJury >= 0 &&
				otherJury !== firstJury &&
				!state.fixed[other] &&
				units[first].expertiseMatch[otherJury] &&
				units[first].allowedJuries.includes(otherJury) &&
				units[other].allowedJuries.includes(firstJury)
			);
		});
		if (partners.length === 0) return;
		const second = partners[randomInt(random, partners.length)];
		const [secondJury, secondDay, secondStart] = [state.juryOf[second], state.dayOfUnit[second], state.startOf[second]];
		const before = state.score();
		state.begin();
		state.remove(first);
		state.remove(second);
		if (state.fitsAt(first, secondJury, secondDay, secondStart)) {
			state.place(first, secondJury, secondDay, secondStart);
			if (state.fitsAt(second, firstJury, firstDay, firstStart)) {
				state.place(second, firstJury, firstDay, firstStart);
				if (compareScores(state.score(), before) > 0) {
					state.commit();
					return;
				}
			}
		}
		state.rollback();
	}

	/** Ejection chains: frees room for an unplaced unit by moving what blocks it elsewhere. */
	repairUnplaced(deadline: number, now: () => number): void {
		const { state, random } = this;
		const { model } = state;
		const unplaced = model.units
			.map((unit) => unit.index)
			.filter((unit) => !state.isPlaced(unit) && this.optionCount[unit] > 0)
			.sort(this.byConstraint);
		for (const unit of unplaced) {
			if (state.isPlaced(unit)) continue;
			const options: [number, number][] = [];
			for (const jury of model.units[unit].allowedJuries)
				for (let day = 0; day < state.dayCount; day++)
					if (state.earliestStart(unit, jury, day, model.days[day].open, true) >= 0) options.push([jury, day]);
			for (const [jury, day] of shuffle(random, options).slice(0, 40)) {
				if (now() > deadline) return;
				const blockers = shuffle(random, this.movable(state.occupantsAround(jury, day)));
				if (blockers.slice(0, 12).some((blocker) => this.attempt([blocker], [unit], {}, true))) break;
				// Two blockers at once, for a long defense that no single gap can take.
				if (blockers.length >= 2 && this.attempt(blockers.slice(0, 2), [unit], {}, true)) break;
			}
		}
	}
}
