import type { PlanningProblem, Interval } from './types';
import { localToInstant, parseInstantCeil, parseInstantFloor, type Minute } from './time';
import { companyKey, defenseLength, outsideOpeningHours, tagKey } from './constraints';

/** Half-open span of epoch minutes. */
export interface Span {
	start: Minute;
	end: Minute;
}

/** What defends together: one team, or one candidate without a team. */
export interface DefenseUnit {
	index: number;
	candidateIds: string[];
	length: number;
	/** Union of the candidates' unavailability, sorted and merged. */
	unavailable: Span[];
	/** Juror indices this unit may not face (declared conflict or same company). */
	conflictJurors: Set<number>;
	/** Juries without any conflicting member, by jury index. */
	allowedJuries: number[];
	/** `expertiseMatch[jury]`: a candidate tag matches a member's expertise. */
	expertiseMatch: boolean[];
	/** Time zones of its candidates, used for the 08:00–20:00 preference. */
	zones: string[];
}

export interface JuryModel {
	index: number;
	id: string;
	members: number[];
	room: number;
	/** Jurors then the room, as indices in the shared resource space. */
	resources: number[];
}

export interface DayModel {
	index: number;
	date: string;
	open: Minute;
	close: Minute;
	breaks: Span[];
}

export interface PinModel {
	unit: number;
	jury: number;
	start: Minute;
}

/** Numeric, indexed view of a valid problem; every id is replaced by its index. */
export interface PlanningModel {
	problem: PlanningProblem;
	changeover: number;
	units: DefenseUnit[];
	unitOfCandidate: Map<string, number>;
	juries: JuryModel[];
	juryIndex: Map<string, number>;
	days: DayModel[];
	jurorIds: string[];
	roomIds: string[];
	/** Unavailability per resource (jurors first, then rooms), sorted and merged. */
	resourceUnavailable: Span[][];
	pins: PinModel[];
}

// The engine's tests read the length beside the model it sizes.
export { defenseLength } from './constraints';

export function mergeSpans(spans: Span[]): Span[] {
	const sorted = spans.filter((span) => span.end > span.start).sort((a, b) => a.start - b.start || a.end - b.end);
	const merged: Span[] = [];
	for (const span of sorted) {
		const last = merged[merged.length - 1];
		if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
		else merged.push({ ...span });
	}
	return merged;
}

function toSpans(intervals: Interval[] | undefined): Span[] {
	return mergeSpans(
		(intervals ?? []).map((interval) => ({
			start: parseInstantFloor(interval.start),
			end: parseInstantCeil(interval.end)
		}))
	);
}

/** Groups candidates into defense units in input order: a team at its first member's place. */
export function groupUnits(problem: PlanningProblem): string[][] {
	const groups: string[][] = [];
	const teamGroup = new Map<string, string[]>();
	for (const candidate of problem.candidates) {
		const team = candidate.team ?? null;
		if (team === null) {
			groups.push([candidate.id]);
			continue;
		}
		let group = teamGroup.get(team);
		if (!group) {
			group = [];
			teamGroup.set(team, group);
			groups.push(group);
		}
		group.push(candidate.id);
	}
	return groups;
}

/** Builds the model of a problem that passed structural validation. */
export function buildModel(problem: PlanningProblem): PlanningModel {
	const jurorIndex = new Map(problem.jurors.map((juror, index) => [juror.id, index]));
	const roomIndex = new Map(problem.rooms.map((room, index) => [room.id, index]));
	const candidateById = new Map(problem.candidates.map((candidate) => [candidate.id, candidate]));
	const jurorCount = problem.jurors.length;

	const juries: JuryModel[] = problem.juries.map((jury, index) => {
		const members = jury.members.map((id) => jurorIndex.get(id) ?? -1);
		const room = roomIndex.get(jury.room) ?? -1;
		return { index, id: jury.id, members, room, resources: [...members, jurorCount + room] };
	});
	const juryIndex = new Map(juries.map((jury) => [jury.id, jury.index]));

	// Rule 6 (jurorConflictOfInterest) indexed: jurors by company key, so a candidate finds theirs at once.
	const jurorsByCompany = new Map<string, number[]>();
	problem.jurors.forEach((juror, index) => {
		const company = companyKey(juror.company);
		if (company === '') return;
		jurorsByCompany.set(company, [...(jurorsByCompany.get(company) ?? []), index]);
	});
	const jurorExpertise = problem.jurors.map((juror) => new Set((juror.expertise ?? []).map(tagKey)));

	const unitOfCandidate = new Map<string, number>();
	const units: DefenseUnit[] = groupUnits(problem).map((candidateIds, index) => {
		const candidates = candidateIds.map((id) => candidateById.get(id)!);
		const conflictJurors = new Set<number>();
		for (const candidate of candidates) {
			for (const jurorId of candidate.conflicts ?? []) conflictJurors.add(jurorIndex.get(jurorId)!);
			for (const juror of jurorsByCompany.get(companyKey(candidate.company)) ?? []) conflictJurors.add(juror);
			unitOfCandidate.set(candidate.id, index);
		}
		const tags = new Set(candidates.flatMap((candidate) => (candidate.tags ?? []).map(tagKey)));
		const largestExtra = Math.max(0, ...candidates.map((candidate) => candidate.extraTimePercent ?? 0));
		return {
			index,
			candidateIds,
			length: defenseLength(problem.durations, candidates.length, largestExtra),
			unavailable: mergeSpans(candidates.flatMap((candidate) => toSpans(candidate.unavailable))),
			conflictJurors,
			allowedJuries: juries.filter((jury) => jury.members.every((m) => !conflictJurors.has(m))).map((jury) => jury.index),
			expertiseMatch: juries.map((jury) => jury.members.some((m) => [...tags].some((tag) => jurorExpertise[m].has(tag)))),
			zones: [...new Set(candidates.map((candidate) => candidate.timezone ?? problem.timezone))]
		};
	});

	const days: DayModel[] = problem.days.map((day, index) => ({
		index,
		date: day.date,
		open: localToInstant(day.date, day.start, problem.timezone),
		close: localToInstant(day.date, day.end, problem.timezone),
		breaks: mergeSpans(
			day.breaks.map((pause) => ({
				start: localToInstant(day.date, pause.start, problem.timezone),
				end: localToInstant(day.date, pause.end, problem.timezone)
			}))
		)
	}));

	const resourceUnavailable = [
		...problem.jurors.map((juror) => toSpans(juror.unavailable)),
		...problem.rooms.map((room) => toSpans(room.unavailable))
	];

	const pins: PinModel[] = (problem.pinned ?? []).map((pin) => ({
		unit: unitOfCandidate.get(pin.candidates[0])!,
		jury: juryIndex.get(pin.jury)!,
		start: parseInstantFloor(pin.start)
	}));

	return {
		problem,
		changeover: problem.durations.changeover,
		units,
		unitOfCandidate,
		juries,
		juryIndex,
		days,
		jurorIds: problem.jurors.map((juror) => juror.id),
		roomIds: problem.rooms.map((room) => room.id),
		resourceUnavailable,
		pins
	};
}

/** Day index containing `[start, start + length)` inside its opening hours, or -1. */
export function dayOf(model: PlanningModel, start: Minute, length: number): number {
	const defense = { start, end: start + length };
	return model.days.findIndex((day) => !outsideOpeningHours(day, defense));
}
