import type { PlanningModel, Span } from './model';
import type { Placement } from './metrics';
import { localMinuteOfDay } from './time';
import { doubleBooked, intersects, juryDayIdle, movedFrom, outsideLocalHours } from './constraints';

const UNPLACED = -1;

/** Objective in lexicographic order, every entry "higher is better". */
export type Score = readonly number[];

export function compareScores(a: Score, b: Score): number {
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
	return 0;
}

/**
 * Mutable assignment of units to (jury, day, start), with the per-resource occupancy and the
 * objective kept up to date incrementally, and an undo journal for destroy-and-repair moves.
 */
export class SearchState {
	readonly dayCount: number;
	readonly juryOf: Int32Array;
	readonly dayOfUnit: Int32Array;
	readonly startOf: Float64Array;
	/** Units per (resource × day): who occupies each juror and room that day. */
	private readonly busy: number[][];
	/** Units per (jury × day), sorted by start. */
	readonly juryDayUnits: number[][];
	private readonly juryDayIdle: Float64Array;
	/** Minutes taken by defenses and the changeovers after them, per (jury × day). */
	private readonly juryDayOccupied: Float64Array;
	/** Opening minutes of each day, breaks excluded. */
	private readonly dayWorkingMinutes: number[];
	readonly load: Int32Array;
	private readonly outside: Uint8Array;
	/** Breaks and the unavailability of the jury's members and room, per (jury × day). */
	private readonly juryDayBlocks: Span[][];
	readonly fixed: Uint8Array;

	placedCandidates = 0;
	juryDaysUsed = 0;
	idleMinutes = 0;
	expertiseMatches = 0;
	loadSquares = 0;
	outsideLocalHours = 0;
	moved = 0;

	private journal: (() => void)[] | null = null;

	constructor(
		readonly model: PlanningModel,
		readonly previous: Map<number, Placement>
	) {
		const unitCount = model.units.length;
		this.dayCount = model.days.length;
		this.juryOf = new Int32Array(unitCount).fill(UNPLACED);
		this.dayOfUnit = new Int32Array(unitCount).fill(UNPLACED);
		this.startOf = new Float64Array(unitCount);
		this.outside = new Uint8Array(unitCount);
		this.fixed = new Uint8Array(unitCount);
		this.busy = Array.from({ length: model.resourceUnavailable.length * this.dayCount }, () => []);
		this.juryDayUnits = Array.from({ length: model.juries.length * this.dayCount }, () => []);
		this.juryDayIdle = new Float64Array(model.juries.length * this.dayCount);
		this.juryDayOccupied = new Float64Array(model.juries.length * this.dayCount);
		this.dayWorkingMinutes = model.days.map(
			(day) =>
				day.close - day.open - day.breaks.reduce((sum, pause) => sum + Math.min(pause.end, day.close) - Math.max(pause.start, day.open), 0)
		);
		this.load = new Int32Array(model.juries.length);
		this.juryDayBlocks = [];
		for (const jury of model.juries)
			for (const day of model.days) {
				const blocks = [...day.breaks];
				for (const resource of jury.resources)
					for (const span of model.resourceUnavailable[resource])
						if (intersects(span.start, span.end, day.open, day.close)) blocks.push(span);
				this.juryDayBlocks.push(blocks.sort((a, b) => a.start - b.start));
			}
		// Units that were placed before and are now unplaced count as moved.
		this.moved = previous.size;
	}

	isPlaced(unit: number): boolean {
		return this.juryOf[unit] !== UNPLACED;
	}

	score(): Score {
		return [
			this.placedCandidates,
			-this.moved,
			-this.juryDaysUsed,
			-this.idleMinutes,
			this.expertiseMatches,
			-this.loadSquares,
			-this.outsideLocalHours
		];
	}

	placements(): Placement[] {
		const placements: Placement[] = [];
		for (let unit = 0; unit < this.juryOf.length; unit++)
			if (this.isPlaced(unit)) placements.push({ unit, jury: this.juryOf[unit], start: this.startOf[unit] });
		return placements;
	}

	/**
	 * Earliest start ≥ `from` where `unit` fits in jury `jury` on day `day`, or -1. With
	 * `ignoreOccupancy`, other defenses are disregarded (static feasibility, for explanations).
	 */
	earliestStart(unit: number, jury: number, day: number, from: number, ignoreOccupancy = false): number {
		const { model } = this;
		const length = model.units[unit].length;
		const changeover = model.changeover;
		const { open, close } = model.days[day];
		const blocks = this.juryDayBlocks[jury * this.dayCount + day];
		const unitBlocks = model.units[unit].unavailable;
		const resources = model.juries[jury].resources;
		let start = Math.max(from, open);
		for (;;) {
			if (start + length > close) return -1;
			// Rules 3 and 4 (breaksCrossed, unavailableDuring) on sorted blocks, each crossed one pushing the
			// start past it: written inline because a helper here, the innermost loop, slowed the solve by ~8 %.
			let pushed = false;
			for (const block of blocks) {
				if (block.start >= start + length) break;
				if (block.end > start) {
					start = block.end;
					pushed = true;
				}
			}
			for (const block of unitBlocks) {
				if (block.start >= start + length) break;
				if (block.end > start) {
					start = block.end;
					pushed = true;
				}
			}
			if (!ignoreOccupancy)
				for (const resource of resources)
					for (const other of this.busy[resource * this.dayCount + day]) {
						if (other === unit) continue;
						const otherStart = this.startOf[other];
						const otherEnd = otherStart + model.units[other].length;
						if (doubleBooked(start, start + length, otherStart, otherEnd, changeover)) {
							start = otherEnd + changeover;
							pushed = true;
						}
					}
			if (!pushed) return start;
		}
	}

	fitsAt(unit: number, jury: number, day: number, start: number): boolean {
		return this.earliestStart(unit, jury, day, start) === start;
	}

	/** Idle minutes of the jury-day if `extra` were added to it. */
	idleWith(jury: number, day: number, extra: Span | null): number {
		const spans: Span[] = [];
		let inserted = extra === null;
		for (const other of this.juryDayUnits[jury * this.dayCount + day]) {
			const start = this.startOf[other];
			if (!inserted && extra!.start < start) {
				spans.push(extra!);
				inserted = true;
			}
			spans.push({ start, end: start + this.model.units[other].length });
		}
		if (!inserted) spans.push(extra!);
		return juryDayIdle(spans, this.model.days[day].breaks, this.model.changeover);
	}

	isOutsideLocalHours(unit: number, start: number): boolean {
		const { zones, length } = this.model.units[unit];
		return zones.some((zone) => outsideLocalHours(localMinuteOfDay(start, zone), length));
	}

	place(unit: number, jury: number, day: number, start: number): void {
		const { model } = this;
		const definition = model.units[unit];
		this.juryOf[unit] = jury;
		this.dayOfUnit[unit] = day;
		this.startOf[unit] = start;
		for (const resource of model.juries[jury].resources) this.busy[resource * this.dayCount + day].push(unit);
		const key = jury * this.dayCount + day;
		const list = this.juryDayUnits[key];
		let position = list.length;
		while (position > 0 && this.startOf[list[position - 1]] > start) position--;
		list.splice(position, 0, unit);
		if (list.length === 1) this.juryDaysUsed++;
		this.juryDayOccupied[key] += definition.length + model.changeover;
		this.refreshIdle(jury, day);
		this.loadSquares += 2 * this.load[jury] + 1;
		this.load[jury]++;
		this.placedCandidates += definition.candidateIds.length;
		if (definition.expertiseMatch[jury]) this.expertiseMatches++;
		this.outside[unit] = this.isOutsideLocalHours(unit, start) ? 1 : 0;
		this.outsideLocalHours += this.outside[unit];
		const before = this.previous.get(unit);
		if (before) this.moved += movedFrom(before, jury, start) ? 0 : -1;
		this.journal?.push(() => this.remove(unit));
	}

	remove(unit: number): void {
		const { model } = this;
		const jury = this.juryOf[unit];
		const day = this.dayOfUnit[unit];
		const start = this.startOf[unit];
		const definition = model.units[unit];
		for (const resource of model.juries[jury].resources) {
			const list = this.busy[resource * this.dayCount + day];
			list.splice(list.indexOf(unit), 1);
		}
		const key = jury * this.dayCount + day;
		const list = this.juryDayUnits[key];
		list.splice(list.indexOf(unit), 1);
		if (list.length === 0) this.juryDaysUsed--;
		this.juryDayOccupied[key] -= definition.length + model.changeover;
		this.juryOf[unit] = UNPLACED;
		this.dayOfUnit[unit] = UNPLACED;
		this.refreshIdle(jury, day);
		this.load[jury]--;
		this.loadSquares -= 2 * this.load[jury] + 1;
		this.placedCandidates -= definition.candidateIds.length;
		if (definition.expertiseMatch[jury]) this.expertiseMatches--;
		this.outsideLocalHours -= this.outside[unit];
		const before = this.previous.get(unit);
		if (before) this.moved += movedFrom(before, jury, start) ? 0 : 1;
		this.journal?.push(() => this.place(unit, jury, day, start));
	}

	/**
	 * Whether a defense of `length` could still fit among those of the jury-day, by minutes alone
	 * (a cheap necessary condition before looking for an actual start). Every defense but the
	 * last needs a changeover after it, except that each break can absorb one.
	 */
	hasRoomFor(jury: number, day: number, length: number): boolean {
		const key = jury * this.dayCount + day;
		const { changeover } = this.model;
		const absorbed = changeover * (this.model.days[day].breaks.length + 1);
		return this.juryDayOccupied[key] + length + changeover <= this.dayWorkingMinutes[day] + absorbed;
	}

	idleOf(jury: number, day: number): number {
		return this.juryDayIdle[jury * this.dayCount + day];
	}

	private refreshIdle(jury: number, day: number): void {
		const key = jury * this.dayCount + day;
		const idle = this.idleWith(jury, day, null);
		this.idleMinutes += idle - this.juryDayIdle[key];
		this.juryDayIdle[key] = idle;
	}

	/** Starts recording changes so that `rollback` can undo them. */
	begin(): void {
		this.journal = [];
	}

	commit(): void {
		this.journal = null;
	}

	rollback(): void {
		const undo = this.journal ?? [];
		this.journal = null;
		for (let i = undo.length - 1; i >= 0; i--) undo[i]();
	}

	/** Units occupying any juror or the room of `jury` on `day`, including other juries'. */
	occupantsAround(jury: number, day: number): number[] {
		const occupants = new Set<number>();
		for (const resource of this.model.juries[jury].resources)
			for (const unit of this.busy[resource * this.dayCount + day]) occupants.add(unit);
		return [...occupants];
	}
}
