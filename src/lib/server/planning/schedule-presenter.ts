import { localMinuteOfDay, minutesOfDay, parseInstantFloor } from '../../domain/planning/time';
import { formatInTimeZone, zoneLabel } from '../../domain/time/format';
import type { PlanView } from './schedule-service';

/** One defense as the pages and exports show it, times in the session's time zone. */
export interface DefenseItem {
	id: string;
	candidateIds: string[];
	names: string[];
	label: string;
	emails: string[];
	team: string | null;
	projects: string[];
	juryId: string;
	juryLabel: string;
	roomName: string;
	/** The video link of a remote room, else the room's name. */
	place: string;
	/** The video link of a remote room, null for a room people walk into. */
	videoUrl: string | null;
	members: string[];
	start: string;
	end: string;
	date: string;
	startLocal: string;
	endLocal: string;
	/** Minutes since local midnight, for the day grid. */
	startMinute: number;
	length: number;
	pinned: boolean;
	status: string;
}

export interface JuryColumn {
	id: string;
	label: string;
	roomName: string;
	members: string[];
}

export function presentPlan(view: PlanView) {
	const { context } = view;
	const { rows, timezone } = context;
	const candidates = new Map(rows.registrations.map((candidate) => [candidate.id, candidate]));
	const jurorNames = new Map(rows.jurors.map((juror) => [juror.id, juror.name]));
	const rooms = new Map(rows.rooms.map((room) => [room.id, room]));
	const juries: JuryColumn[] = context.problem.juries.map((jury) => ({
		id: jury.id,
		label: context.labels.get(jury.id) ?? jury.id,
		roomName: rooms.get(jury.room)?.name ?? '',
		members: jury.members.map((id) => jurorNames.get(id) ?? id)
	}));
	const juryById = new Map(juries.map((jury) => [jury.id, jury]));

	const defenses: DefenseItem[] = view.schedule.defenses.map((defense, index) => {
		const row = rows.defenses[index];
		// A candidate unregistered after planning must not break the page: it shows by its id.
		const people = defense.candidates.map(
			(id) => candidates.get(id) ?? { name: context.labels.get(id) ?? id, email: '', team: null, projectTitle: '' }
		);
		const room = rooms.get(defense.room);
		const startsAt = new Date(defense.start);
		const jury = juryById.get(defense.jury)!;
		return {
			id: row.id,
			candidateIds: defense.candidates,
			names: people.map((person) => person.name),
			label: people.map((person) => person.name).join(', '),
			emails: people.map((person) => person.email),
			team: people[0]?.team ?? null,
			projects: [...new Set(people.map((person) => person.projectTitle).filter(Boolean))],
			juryId: defense.jury,
			juryLabel: jury.label,
			roomName: room?.name ?? '',
			place: room?.remote && room.videoUrl ? room.videoUrl : (room?.name ?? ''),
			videoUrl: room?.remote && room.videoUrl ? room.videoUrl : null,
			members: jury.members,
			start: defense.start,
			end: defense.end,
			date: formatInTimeZone(startsAt, timezone, 'yyyy-MM-dd'),
			startLocal: formatInTimeZone(startsAt, timezone, 'HH:mm'),
			endLocal: formatInTimeZone(new Date(defense.end), timezone, 'HH:mm'),
			startMinute: localMinuteOfDay(parseInstantFloor(defense.start), timezone),
			length: parseInstantFloor(defense.end) - parseInstantFloor(defense.start),
			pinned: row.pinned,
			status: row.status
		};
	});

	const days = context.problem.days.map((day) => {
		const noon = new Date(`${day.date}T12:00:00Z`);
		return {
			date: day.date,
			title: formatInTimeZone(noon, 'UTC', 'EEEE d MMMM yyyy'),
			zone: zoneLabel(noon, timezone),
			opens: minutesOfDay(day.start),
			closes: minutesOfDay(day.end),
			start: day.start,
			end: day.end,
			breaks: day.breaks.map((pause) => ({ ...pause, from: minutesOfDay(pause.start), to: minutesOfDay(pause.end) }))
		};
	});

	const unplaced = view.schedule.unplaced.map((group) => ({
		names: group.candidates.map((id) => candidates.get(id)?.name ?? id),
		team: candidates.get(group.candidates[0])?.team ?? null,
		reasons: group.reasons
	}));

	return {
		sessionId: context.sessionId,
		sessionName: context.sessionName,
		timezone,
		juries,
		defenses,
		days,
		unplaced,
		total: context.problem.candidates.length
	};
}

export type PresentedPlan = ReturnType<typeof presentPlan>;
