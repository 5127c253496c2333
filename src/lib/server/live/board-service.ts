import { forecastJuryDay, type DefenseForecast } from '$lib/domain/live/prediction';
import { phaseDurations, type TimerState } from '$lib/domain/live/timer';
import type { TimerSnapshot } from '$lib/domain/live/snapshot';
import { fr } from '$lib/i18n/fr';
import type { Executor } from '../db/transaction';
import { UserFacingError } from '../errors';
import { isUuid } from '$lib/domain/ids';
import { snapshotOf } from './timer-service';
import {
	countJuryMembers,
	countSubmittedSheets,
	findTimers,
	juryDayDefenseContexts,
	listSessionJuries,
	publishedDefenseIdsOfCandidate,
	sessionDayDefenseContexts,
	findDefenseContext,
	findJury,
	type DefenseContext,
	type JuryOfSession
} from './timer-repository';

/**
 * The defense a jury is on: the one running (the latest started, should two be left running),
 * else the next one still to come, else none. A defense that is over or absent gives way.
 */
export function currentDefense<T extends { id: string; status: string }>(defenses: T[], timers: Map<string, TimerState>): T | null {
	const running = defenses.filter((defense) => defense.status === 'in_progress');
	const startedAt = (defense: T) => timers.get(defense.id)?.startedAt ?? 0;
	return running.sort((a, b) => startedAt(b) - startedAt(a))[0] ?? defenses.find((defense) => defense.status === 'planned') ?? null;
}

function forecastOf(defenses: DefenseContext[], timers: Map<string, TimerState>, now: number): Map<string, DefenseForecast> {
	const changeover = defenses[0]?.changeover ?? 0;
	return forecastJuryDay(
		defenses.map((defense) => ({
			id: defense.id,
			plannedStart: defense.plannedStart.getTime(),
			status: defense.status,
			durations: phaseDurations(defense.session, defense.candidates),
			timer: timers.get(defense.id) ?? null
		})),
		changeover,
		now
	);
}

export interface RoomDisplay {
	juryLabel: string;
	current: TimerSnapshot | null;
}

/** What the room's screen shows: the current defense's timer and candidates' names. */
export async function roomDisplay(db: Executor, jury: { id: string; label: string }, now = new Date()): Promise<RoomDisplay> {
	const defenses = await juryDayDefenseContexts(db, jury.id, now);
	const timers = await findTimers(
		db,
		defenses.map((defense) => defense.id)
	);
	const defense = currentDefense(defenses, timers);
	return { juryLabel: jury.label, current: defense ? snapshotOf(defense, timers.get(defense.id)!) : null };
}

export interface BoardRow {
	juryId: string;
	label: string;
	room: string | null;
	current: TimerSnapshot | null;
	/** Of the current defense: actual start against planned, or predicted when not started. */
	delayMinutes: number | null;
	delayKind: DefenseForecast['kind'] | null;
	submitted: number;
	expected: number;
	daySubmitted: number;
	dayExpected: number;
	done: number;
	total: number;
	absences: string[];
}

/** The board's rows of `juries` from their defenses of the day. */
async function boardRows(db: Executor, juries: JuryOfSession[], defenses: DefenseContext[], now: Date): Promise<BoardRow[]> {
	const ids = defenses.map((defense) => defense.id);
	const [timers, submitted, members] = await Promise.all([
		findTimers(db, ids),
		countSubmittedSheets(db, ids),
		countJuryMembers(
			db,
			juries.map((jury) => jury.id)
		)
	]);
	return juries.map((jury) => {
		const mine = defenses.filter((defense) => defense.juryId === jury.id);
		const forecast = forecastOf(mine, timers, now.getTime());
		const current = currentDefense(mine, timers);
		const memberCount = members.get(jury.id) ?? 0;
		const expectedOf = (defense: DefenseContext) => (defense.status === 'absent' ? 0 : memberCount * defense.candidates.length);
		return {
			juryId: jury.id,
			label: jury.label,
			room: jury.room,
			current: current ? snapshotOf(current, timers.get(current.id)!) : null,
			delayMinutes: current ? (forecast.get(current.id)?.delayMinutes ?? null) : null,
			delayKind: current ? (forecast.get(current.id)?.kind ?? null) : null,
			submitted: current ? (submitted.get(current.id) ?? 0) : 0,
			expected: current ? expectedOf(current) : 0,
			daySubmitted: mine.reduce((sum, defense) => sum + (submitted.get(defense.id) ?? 0), 0),
			dayExpected: mine.reduce((sum, defense) => sum + expectedOf(defense), 0),
			done: mine.filter((defense) => defense.status === 'done').length,
			total: mine.length,
			absences: mine
				.filter((defense) => defense.status === 'absent')
				.flatMap((defense) => defense.candidates.map((candidate) => candidate.name))
		};
	});
}

/** The coordination's live view of one session for the day of `now`, one row per jury: only that day's defenses are read. */
export async function sessionBoard(db: Executor, sessionId: string, now = new Date()): Promise<BoardRow[]> {
	if (!isUuid(sessionId)) throw new UserFacingError('live.session-not-found', 404, fr.live.sessionNotFound);
	const [juries, defenses] = await Promise.all([listSessionJuries(db, sessionId), sessionDayDefenseContexts(db, sessionId, now)]);
	return boardRows(db, juries, defenses, now);
}

/** One jury's row of its session's board, pushed to the board when that jury's timer or grids change; null for another session's jury. */
export async function juryBoardRow(db: Executor, sessionId: string, juryId: string, now = new Date()): Promise<BoardRow | null> {
	const jury = isUuid(juryId) ? await findJury(db, juryId) : undefined;
	if (!jury || jury.sessionId !== sessionId) return null;
	const [row] = await boardRows(db, [jury], await juryDayDefenseContexts(db, juryId, now), now);
	return row;
}

export interface CandidateForecast {
	defenseId: string;
	juryId: string;
	timezone: string;
	plannedStart: number;
	status: string;
	predictedStart: number | null;
	delayMinutes: number | null;
}

/**
 * The predicted start of the candidate's own defenses today, in published sessions only. It says
 * nothing about the others: no names, no scores, no phase.
 */
export async function candidateForecasts(db: Executor, candidateId: string, now = new Date()): Promise<CandidateForecast[]> {
	const forecasts: CandidateForecast[] = [];
	for (const defenseId of await publishedDefenseIdsOfCandidate(db, candidateId)) {
		const defense = await findDefenseContext(db, defenseId, now);
		if (!defense) continue;
		const day = await juryDayDefenseContexts(db, defense.juryId, now);
		const forecast = forecastOf(
			day,
			await findTimers(
				db,
				day.map((entry) => entry.id)
			),
			now.getTime()
		).get(defense.id);
		forecasts.push({
			defenseId: defense.id,
			juryId: defense.juryId,
			timezone: defense.timezone,
			plannedStart: defense.plannedStart.getTime(),
			status: defense.status,
			predictedStart: forecast?.start ?? null,
			delayMinutes: forecast?.delayMinutes ?? null
		});
	}
	return forecasts;
}

/** Timer snapshots of the jury's defenses today, for a tablet that (re)connects. */
export async function juryLiveSnapshots(db: Executor, juryId: string, now = new Date()): Promise<TimerSnapshot[]> {
	const defenses = await juryDayDefenseContexts(db, juryId, now);
	const timers = await findTimers(
		db,
		defenses.map((defense) => defense.id)
	);
	return defenses.map((defense) => snapshotOf(defense, timers.get(defense.id)!));
}
