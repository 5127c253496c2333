import { groupUnits } from '../../domain/planning/model';
import { formatInstant } from '../../domain/planning/time';
import { validateProblem } from '../../domain/planning/validate';
import { UUIDS_IN_TEXT } from '../../domain/ids';
import {
	PLANNING_FORMAT,
	SCHEDULE_FORMAT,
	type Interval,
	type LocalInterval,
	type PlanningProblem,
	type Schedule
} from '../../domain/planning/types';
import { fr } from '../../i18n/fr';
import type { Executor } from '../db/transaction';
import { UserFacingError } from '../errors';
import { readProblemRows, sessionExists, type ProblemRows } from './problem-repository';
import { candidateSetKey } from './schedule-repository';

/*
 * The planning problem of a session, in the `soutenance.planning/1` format, and the session's
 * current plan as a `soutenance.schedule/1` document. Ids in both documents are the database
 * uuids (jurors, candidates, rooms, juries), so nothing needs mapping back; `labels` turns any
 * uuid found in an engine message into the person's name, the room's name or the jury's label.
 *
 * The current plan is the `defenses` rows of the session (with `defense_candidates`); defenses
 * marked `pinned`, and those already started or over (status other than `planned`), are the
 * problem's pinned defenses: the engine keeps them exactly.
 */
export interface PlanningContext {
	sessionId: string;
	sessionName: string;
	timezone: string;
	problem: PlanningProblem;
	/** uuid → display label (person, room, jury label). */
	labels: Map<string, string>;
	/** Setup problems found before the engine's own validation, in French. */
	setupErrors: string[];
	rows: ProblemRows;
	/** The current plan; unplaced groups carry no reasons (see `withReasons`). */
	schedule: Schedule;
	/** Candidate-set key (sorted ids) → defense row id. */
	defenseIdByKey: Map<string, string>;
}

/** Replaces every uuid of the session in an engine message by what people call it. */
export function humanize(labels: Map<string, string>, text: string): string {
	return text.replace(UUIDS_IN_TEXT, (id) => labels.get(id.toLowerCase()) ?? id);
}

const asStrings = (value: unknown): string[] =>
	Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

function asLocalIntervals(value: unknown): LocalInterval[] {
	if (!Array.isArray(value)) return [];
	return value
		.filter((item): item is LocalInterval => typeof item?.start === 'string' && typeof item?.end === 'string')
		.map(({ start, end }) => ({ start, end }));
}

const toMinuteFloor = (date: Date) => Math.floor(date.getTime() / 60000);
const toMinuteCeil = (date: Date) => Math.ceil(date.getTime() / 60000);

function interval(start: Date, end: Date, zone: string): Interval {
	return { start: formatInstant(toMinuteFloor(start), zone), end: formatInstant(toMinuteCeil(end), zone) };
}

function asInstantIntervals(value: unknown, zone: string): Interval[] {
	if (!Array.isArray(value)) return [];
	return value
		.filter(
			(item) =>
				typeof item?.start === 'string' &&
				typeof item?.end === 'string' &&
				!Number.isNaN(Date.parse(item.start)) &&
				!Number.isNaN(Date.parse(item.end))
		)
		.map((item) => interval(new Date(item.start), new Date(item.end), zone));
}

/** Pure assembly of the problem and the current plan from the rows of one session. */
export function assembleContext(rows: ProblemRows): PlanningContext {
	const { session } = rows;
	const zone = session.timezone;
	const setupErrors: string[] = [];
	const labels = new Map<string, string>();

	// Unavailability far from the session's days cannot matter; leaving it out keeps exports small.
	const firstDay = rows.days[0]?.day;
	const lastDay = rows.days[rows.days.length - 1]?.day;
	const windowStart = firstDay ? Date.parse(`${firstDay}T00:00:00Z`) - 2 * 86_400_000 : 0;
	const windowEnd = lastDay ? Date.parse(`${lastDay}T00:00:00Z`) + 3 * 86_400_000 : 0;
	const unavailableOf = new Map<string, Interval[]>();
	for (const row of rows.unavailability) {
		if (row.endsAt.getTime() <= windowStart || row.startsAt.getTime() >= windowEnd) continue;
		const list = unavailableOf.get(row.userId) ?? [];
		list.push(interval(row.startsAt, row.endsAt, zone));
		unavailableOf.set(row.userId, list);
	}
	const conflictsOf = new Map<string, string[]>();
	for (const { jurorId, candidateId } of rows.conflicts) conflictsOf.set(candidateId, [...(conflictsOf.get(candidateId) ?? []), jurorId]);

	for (const room of rows.rooms) labels.set(room.id, room.name);
	for (const juror of rows.jurors) labels.set(juror.id, juror.name);
	for (const candidate of rows.registrations) labels.set(candidate.id, candidate.name);
	for (const jury of rows.juries) labels.set(jury.id, jury.label);

	const juryRoom = new Map<string, string>();
	const juries = rows.juries.map((jury) => {
		if (!jury.roomId) setupErrors.push(fr.planning.juryWithoutRoom(jury.label));
		if (!jury.presidentId) setupErrors.push(fr.planning.juryWithoutPresident(jury.label));
		juryRoom.set(jury.id, jury.roomId ?? '');
		return { id: jury.id, members: jury.memberIds, president: jury.presidentId ?? '', room: jury.roomId ?? '' };
	});
	if (rows.days.length === 0) setupErrors.push(fr.planning.noDays);
	if (juries.length === 0) setupErrors.push(fr.planning.noJuries);
	if (rows.registrations.length === 0) setupErrors.push(fr.planning.noCandidates);

	const candidatesOfDefense = new Map<string, string[]>();
	for (const { defenseId, candidateId } of rows.defenseCandidates)
		candidatesOfDefense.set(defenseId, [...(candidatesOfDefense.get(defenseId) ?? []), candidateId]);
	const candidateOrder = new Map(rows.registrations.map((candidate, index) => [candidate.id, index]));
	const ordered = (ids: string[]) => [...ids].sort((a, b) => (candidateOrder.get(a) ?? 0) - (candidateOrder.get(b) ?? 0));

	const problem: PlanningProblem = {
		format: PLANNING_FORMAT,
		timezone: zone,
		durations: {
			presentation: session.presentation,
			questions: session.questions,
			deliberation: session.deliberation,
			changeover: session.changeover,
			extraPerTeamMember: session.extraPerTeamMember
		},
		days: rows.days.map((day) => ({ date: day.day, start: day.opensAt, end: day.closesAt, breaks: asLocalIntervals(day.breaks) })),
		rooms: rows.rooms.map((room) => ({
			id: room.id,
			name: room.name,
			remote: room.remote,
			unavailable: asInstantIntervals(room.unavailable, zone)
		})),
		jurors: rows.jurors.map((juror) => ({
			id: juror.id,
			name: juror.name,
			company: juror.company ?? null,
			external: juror.external ?? false,
			presidentEligible: juror.presidentEligible ?? false,
			expertise: asStrings(juror.expertise),
			unavailable: unavailableOf.get(juror.id) ?? []
		})),
		juries,
		candidates: rows.registrations.map((candidate) => ({
			id: candidate.id,
			name: candidate.name,
			company: candidate.company ?? null,
			team: candidate.team?.trim() || null,
			tags: asStrings(candidate.tags),
			timezone: candidate.timezone ?? zone,
			extraTimePercent: candidate.extraTimePercent ?? 0,
			unavailable: unavailableOf.get(candidate.id) ?? [],
			conflicts: conflictsOf.get(candidate.id) ?? []
		})),
		pinned: rows.defenses
			.filter((defense) => defense.pinned || defense.status !== 'planned')
			.map((defense) => ({
				candidates: ordered(candidatesOfDefense.get(defense.id) ?? []),
				jury: defense.juryId,
				start: formatInstant(toMinuteFloor(defense.startsAt), zone)
			}))
	};

	const defenseIdByKey = new Map<string, string>();
	const placed = new Set<string>();
	const defenses = rows.defenses.map((defense) => {
		const candidates = ordered(candidatesOfDefense.get(defense.id) ?? []);
		defenseIdByKey.set(candidateSetKey(candidates), defense.id);
		for (const id of candidates) placed.add(id);
		return {
			candidates,
			jury: defense.juryId,
			room: juryRoom.get(defense.juryId) ?? '',
			start: formatInstant(toMinuteFloor(defense.startsAt), zone),
			end: formatInstant(toMinuteFloor(defense.endsAt), zone)
		};
	});
	const unplaced = groupUnits(problem)
		.filter((unit) => unit.every((id) => !placed.has(id)))
		.map((candidates) => ({ candidates, reasons: [] as string[] }));

	return {
		sessionId: session.id,
		sessionName: session.name,
		timezone: zone,
		problem,
		labels,
		setupErrors,
		rows,
		schedule: { format: SCHEDULE_FORMAT, defenses, unplaced, stats: { elapsedMs: 0 } },
		defenseIdByKey
	};
}

/** The planning context of a session, or a French 404 when there is no such session. */
export async function loadPlanningContext(db: Executor, sessionId: string): Promise<PlanningContext> {
	const rows = (await sessionExists(db, sessionId)) ? await readProblemRows(db, sessionId) : null;
	if (!rows) throw new UserFacingError('planning.session-not-found', 404, fr.planning.sessionNotFound);
	return assembleContext(rows);
}

/** Every reason the session cannot be planned yet, in French; empty when the problem is valid. */
export function problemErrors(context: PlanningContext): string[] {
	if (context.setupErrors.length) return context.setupErrors;
	const validation = validateProblem(context.problem);
	return validation.ok ? [] : validation.errors.map((error) => humanize(context.labels, error));
}
