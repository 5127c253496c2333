import { buildModel, type PlanningModel, type Span } from './model';
import {
	breaksCrossed,
	doubleBooked,
	jurorConflictOfInterest,
	overlaps,
	outsideOpeningHours,
	movedFrom,
	sameCandidates,
	unavailableDuring
} from './constraints';
import { formatInstant, localToInstant, minutesOfDay, parseInstantCeil, parseInstantFloor, timeOfDay, type Minute } from './time';
import type { Defense, Interval, PlanningProblem } from './types';
import { formatInTimeZone } from '../time/format';
import { fr } from '../../i18n/fr';

/*
 * Checks one defense placed at (jury, start) against the rest of a plan, with every hard rule
 * of docs/planning-v1.md that concerns it (rules 2–7), and says in French what refuses it, naming the
 * people, rooms and times. The engine's own checker (check.ts) judges whole
 * schedules with ids; this one serves manual edits, where the coordinator needs names.
 */
export interface MoveTarget {
	/** The candidates of the defense being moved: one whole team or one candidate. */
	candidates: string[];
	jury: string;
	start: Minute;
}

export interface PlacementCheck {
	reasons: string[];
	/** The defense as it would be stored, when `reasons` is empty. */
	defense: Defense | null;
}

/** The jury of that id, through the model's index (checkPlacement runs thousands of times for one drag). */
const juryOf = (problem: PlanningProblem, model: PlanningModel, id: string) => {
	const index = model.juryIndex.get(id);
	return index === undefined ? undefined : problem.juries[index];
};

export function checkPlacement(
	problem: PlanningProblem,
	others: Defense[],
	target: MoveTarget,
	model: PlanningModel = buildModel(problem),
	/** `verdict`: only whether it is accepted (the reasons are not worded). */
	wording: 'worded' | 'verdict' = 'worded'
): PlacementCheck {
	const text = fr.planning.move;
	const zone = problem.timezone;
	const unitIndex = model.unitOfCandidate.get(target.candidates[0]);
	const juryIndex = model.juryIndex.get(target.jury);
	if (juryIndex === undefined) return { reasons: [text.unknownJury], defense: null };
	if (unitIndex === undefined) return { reasons: [fr.planning.defenseNotFound], defense: null };

	const unit = model.units[unitIndex];
	const jury = problem.juries[juryIndex];
	const span: Span = { start: target.start, end: target.start + unit.length };
	// Built only when a reason names someone: the grid's allowed starts ask thousands of times, mostly for a yes.
	let names: Map<string, string> | undefined;
	const nameOf = (id: string) =>
		(names ??= new Map([
			...problem.jurors.map((juror) => [juror.id, juror.name] as const),
			...problem.candidates.map((candidate) => [candidate.id, candidate.name] as const),
			...problem.rooms.map((room) => [room.id, room.name] as const)
		])).get(id) ?? id;
	const who = (ids: string[]) => ids.map(nameOf).join(', ');
	const localDate = formatInTimeZone(new Date(span.start * 60000), zone, 'yyyy-MM-dd');
	const clock = (minute: Minute) => {
		const instant = new Date(minute * 60000);
		const sameDay = formatInTimeZone(instant, zone, 'yyyy-MM-dd') === localDate;
		return formatInTimeZone(instant, zone, sameDay ? 'HH:mm' : "dd/MM 'à' HH:mm");
	};
	/** An unavailability as read in French: its day, then its hours; midnight at its end reads 24:00. */
	const during = (busy: Span) => {
		const start = new Date(busy.start * 60000);
		const end = new Date(busy.end * 60000);
		const startDay = formatInTimeZone(start, zone, 'yyyy-MM-dd');
		const endDay = formatInTimeZone(end, zone, 'yyyy-MM-dd');
		const endClock = formatInTimeZone(end, zone, 'HH:mm');
		const nextMidnight = endClock === '00:00' && formatInTimeZone(new Date(end.getTime() - 60000), zone, 'yyyy-MM-dd') === startDay;
		const to = endDay === startDay ? endClock : nextMidnight ? '24:00' : formatInTimeZone(end, zone, "dd/MM 'à' HH:mm");
		return [formatInTimeZone(start, zone, 'dd/MM'), formatInTimeZone(start, zone, 'HH:mm'), to] as const;
	};
	// Each refusal is worded only when asked for: the grid's allowed starts want a yes or no, thousands of times.
	const refusals: (() => string)[] = [];
	const refuse = (reason: () => string) => refusals.push(reason);

	if (
		(problem.pinned ?? []).some(
			(pin) =>
				sameCandidates(pin.candidates, unit.candidateIds) &&
				movedFrom({ jury: pin.jury, start: parseInstantFloor(pin.start) }, target.jury, target.start)
		)
	)
		refuse(() => text.pinned(who(unit.candidateIds)));

	// Rule 3: inside one day's opening hours, outside its breaks.
	const day = model.days.find((candidateDay) => candidateDay.date === localDate);
	const displayDate = localDate.split('-').reverse().join('/');
	if (!day) refuse(() => text.notASessionDay(displayDate));
	else {
		const hours = problem.days[day.index];
		if (outsideOpeningHours(day, span))
			refuse(() =>
				span.start < day.open
					? text.beforeOpening(displayDate, hours.start, hours.end)
					: text.outsideHours(displayDate, hours.start, hours.end, clock(span.end))
			);
		for (const pause of breaksCrossed(day, span)) refuse(() => text.overlapsBreak(clock(pause.start), clock(pause.end)));
	}

	// Rule 4: nobody and no room during their unavailability.
	const busyDuring = (intervals: Interval[] | undefined) =>
		unavailableDuring(
			(intervals ?? []).map((busy) => ({ start: parseInstantFloor(busy.start), end: parseInstantCeil(busy.end) })),
			span
		);
	for (const id of unit.candidateIds) {
		const candidate = problem.candidates.find((person) => person.id === id)!;
		for (const busy of busyDuring(candidate.unavailable)) refuse(() => text.personUnavailable(candidate.name, ...during(busy)));
	}
	for (const memberId of jury.members) {
		const juror = problem.jurors.find((person) => person.id === memberId)!;
		for (const busy of busyDuring(juror.unavailable)) refuse(() => text.personUnavailable(juror.name, ...during(busy)));
	}
	const room = problem.rooms.find((candidateRoom) => candidateRoom.id === jury.room)!;
	for (const busy of busyDuring(room.unavailable)) refuse(() => text.roomUnavailable(room.name, ...during(busy)));

	// Rule 6: no member in conflict with a candidate, declared or through the same company.
	for (const memberId of jury.members) {
		const juror = problem.jurors.find((person) => person.id === memberId)!;
		for (const id of unit.candidateIds) {
			const candidate = problem.candidates.find((person) => person.id === id)!;
			const conflict = jurorConflictOfInterest(juror, candidate);
			if (conflict === 'declared') refuse(() => text.declaredConflict(juror.name, candidate.name));
			else if (conflict === 'sameCompany') refuse(() => text.sameCompany(juror.name, candidate.name, juror.company!.trim()));
		}
	}

	// Rule 5: a juror (in any jury) or a room in two defenses needs the changeover between them.
	const changeover = problem.durations.changeover;
	for (const other of others) {
		if (other.candidates.some((id) => unit.candidateIds.includes(id))) continue;
		const otherSpan = { start: parseInstantFloor(other.start), end: parseInstantFloor(other.end) };
		if (!doubleBooked(otherSpan.start, otherSpan.end, span.start, span.end, changeover)) continue;
		const clash = overlaps(otherSpan, span);
		const described = () => [who(other.candidates), clock(otherSpan.start), clock(otherSpan.end)] as const;
		const otherJury = juryOf(problem, model, other.jury);
		for (const memberId of jury.members)
			if (otherJury?.members.includes(memberId))
				refuse(() =>
					clash ? text.jurorBusy(nameOf(memberId), ...described()) : text.jurorChangeover(nameOf(memberId), ...described(), changeover)
				);
		if (otherJury?.room === jury.room)
			refuse(() => (clash ? text.roomBusy(room.name, ...described()) : text.roomChangeover(room.name, ...described(), changeover)));
	}

	if (refusals.length) return { reasons: wording === 'worded' ? refusals.map((reason) => reason()) : [text.refused], defense: null };
	return {
		reasons: [],
		defense: {
			candidates: unit.candidateIds,
			jury: jury.id,
			room: jury.room,
			start: formatInstant(span.start, zone),
			end: formatInstant(span.end, zone)
		}
	};
}

/** A run of allowed starts in one jury, in local minutes of the day: any start from `from` to `to` is accepted. */
export interface AllowedStarts {
	jury: string;
	from: number;
	to: number;
}

/**
 * Where on `date` the defense of `candidates` could be dropped, per jury: the starts checkPlacement
 * accepts, tried every `step` minutes from midnight and also where the day, a break or a neighbour
 * defense leaves off (an engine's plan is not on a 5-minute grid, so a packed day's only free
 * start may be 10:47). Starts tried one after another and all accepted form one run. The grid
 * shades the runs while the block is dragged, so a start shown as allowed is one the move accepts.
 */
export function allowedStartsOnDay(
	problem: PlanningProblem,
	others: Defense[],
	candidates: string[],
	date: string,
	step: number
): AllowedStarts[] {
	const day = problem.days.find((candidateDay) => candidateDay.date === date);
	if (!day) return [];
	const model = buildModel(problem);
	const [opens, closes] = [minutesOfDay(day.start), minutesOfDay(day.end)];
	const midnight = localToInstant(date, '00:00', problem.timezone);
	const runs: AllowedStarts[] = [];
	for (const jury of problem.juries) {
		const tried = new Set<number>([opens, ...day.breaks.map((pause) => minutesOfDay(pause.end))]);
		for (let minute = Math.ceil(opens / step) * step; minute < closes; minute += step) tried.add(minute);
		// Only the defenses sharing a juror or the room can refuse a start here (rule 5): the others are left out of each check.
		const neighbours = others.filter((other) => {
			const otherJury = juryOf(problem, model, other.jury);
			return otherJury?.room === jury.room || otherJury?.members.some((member) => jury.members.includes(member));
		});
		for (const other of neighbours) tried.add(parseInstantFloor(other.end) + problem.durations.changeover - midnight);
		let run: AllowedStarts | null = null;
		for (const minute of [...tried].filter((minute) => minute >= opens && minute < closes).sort((a, b) => a - b)) {
			const start = localToInstant(date, timeOfDay(minute), problem.timezone);
			if (!checkPlacement(problem, neighbours, { candidates, jury: jury.id, start }, model, 'verdict').defense) run = null;
			else if (run) run.to = minute;
			else runs.push((run = { jury: jury.id, from: minute, to: minute }));
		}
	}
	return runs;
}
