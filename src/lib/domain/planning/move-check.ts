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

export function checkPlacement(
	problem: PlanningProblem,
	others: Defense[],
	target: MoveTarget,
	model: PlanningModel = buildModel(problem)
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
	const name = new Map<string, string>([
		...problem.jurors.map((juror) => [juror.id, juror.name] as const),
		...problem.candidates.map((candidate) => [candidate.id, candidate.name] as const),
		...problem.rooms.map((room) => [room.id, room.name] as const)
	]);
	const who = (ids: string[]) => ids.map((id) => name.get(id) ?? id).join(', ');
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
	const reasons: string[] = [];

	if (
		(problem.pinned ?? []).some(
			(pin) =>
				sameCandidates(pin.candidates, unit.candidateIds) &&
				movedFrom({ jury: pin.jury, start: parseInstantFloor(pin.start) }, target.jury, target.start)
		)
	)
		reasons.push(text.pinned(who(unit.candidateIds)));

	// Rule 3: inside one day's opening hours, outside its breaks.
	const day = model.days.find((candidateDay) => candidateDay.date === localDate);
	const displayDate = localDate.split('-').reverse().join('/');
	if (!day) reasons.push(text.notASessionDay(displayDate));
	else {
		const hours = problem.days[day.index];
		if (outsideOpeningHours(day, span))
			reasons.push(
				span.start < day.open
					? text.beforeOpening(displayDate, hours.start, hours.end)
					: text.outsideHours(displayDate, hours.start, hours.end, clock(span.end))
			);
		for (const pause of breaksCrossed(day, span)) reasons.push(text.overlapsBreak(clock(pause.start), clock(pause.end)));
	}

	// Rule 4: nobody and no room during their unavailability.
	const busyDuring = (intervals: Interval[] | undefined) =>
		unavailableDuring(
			(intervals ?? []).map((busy) => ({ start: parseInstantFloor(busy.start), end: parseInstantCeil(busy.end) })),
			span
		);
	for (const id of unit.candidateIds) {
		const candidate = problem.candidates.find((person) => person.id === id)!;
		for (const busy of busyDuring(candidate.unavailable)) reasons.push(text.personUnavailable(candidate.name, ...during(busy)));
	}
	for (const memberId of jury.members) {
		const juror = problem.jurors.find((person) => person.id === memberId)!;
		for (const busy of busyDuring(juror.unavailable)) reasons.push(text.personUnavailable(juror.name, ...during(busy)));
	}
	const room = problem.rooms.find((candidateRoom) => candidateRoom.id === jury.room)!;
	for (const busy of busyDuring(room.unavailable)) reasons.push(text.roomUnavailable(room.name, ...during(busy)));

	// Rule 6: no member in conflict with a candidate, declared or through the same company.
	for (const memberId of jury.members) {
		const juror = problem.jurors.find((person) => person.id === memberId)!;
		for (const id of unit.candidateIds) {
			const candidate = problem.candidates.find((person) => person.id === id)!;
			const conflict = jurorConflictOfInterest(juror, candidate);
			if (conflict === 'declared') reasons.push(text.declaredConflict(juror.name, candidate.name));
			else if (conflict === 'sameCompany') reasons.push(text.sameCompany(juror.name, candidate.name, juror.company!.trim()));
		}
	}

	// Rule 5: a juror (in any jury) or a room in two defenses needs the changeover between them.
	const changeover = problem.durations.changeover;
	const juryOf = new Map(problem.juries.map((other) => [other.id, other]));
	for (const other of others) {
		if (other.candidates.some((id) => unit.candidateIds.includes(id))) continue;
		const otherSpan = { start: parseInstantFloor(other.start), end: parseInstantFloor(other.end) };
		if (!doubleBooked(otherSpan.start, otherSpan.end, span.start, span.end, changeover)) continue;
		const clash = overlaps(otherSpan, span);
		const [from, to, otherNames] = [clock(otherSpan.start), clock(otherSpan.end), who(other.candidates)];
		const otherJury = juryOf.get(other.jury);
		for (const memberId of jury.members)
			if (otherJury?.members.includes(memberId)) {
				const juror = name.get(memberId) ?? memberId;
				reasons.push(clash ? text.jurorBusy(juror, otherNames, from, to) : text.jurorChangeover(juror, otherNames, from, to, changeover));
			}
		if (otherJury?.room === jury.room)
			reasons.push(
				clash ? text.roomBusy(room.name, otherNames, from, to) : text.roomChangeover(room.name, otherNames, from, to, changeover)
			);
	}

	if (reasons.length) return { reasons, defense: null };
	return {
		reasons,
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
	const juryOf = new Map(problem.juries.map((jury) => [jury.id, jury]));
	const runs: AllowedStarts[] = [];
	for (const jury of problem.juries) {
		const tried = new Set<number>([opens, ...day.breaks.map((pause) => minutesOfDay(pause.end))]);
		for (let minute = Math.ceil(opens / step) * step; minute < closes; minute += step) tried.add(minute);
		for (const other of others) {
			const otherJury = juryOf.get(other.jury);
			if (otherJury?.room === jury.room || otherJury?.members.some((member) => jury.members.includes(member)))
				tried.add(parseInstantFloor(other.end) + problem.durations.changeover - midnight);
		}
		let run: AllowedStarts | null = null;
		for (const minute of [...tried].filter((minute) => minute >= opens && minute < closes).sort((a, b) => a - b)) {
			const start = localToInstant(date, timeOfDay(minute), problem.timezone);
			if (!checkPlacement(problem, others, { candidates, jury: jury.id, start }, model).defense) run = null;
			else if (run) run.to = minute;
			else runs.push((run = { jury: jury.id, from: minute, to: minute }));
		}
	}
	return runs;
}
