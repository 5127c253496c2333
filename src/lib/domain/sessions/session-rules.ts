import { sessions as messages } from '$lib/i18n/fr/sessions';
import { people } from '$lib/i18n/fr/people';
import type { Referentiel } from '$lib/domain/referentiel/referentiel';
import { isLocalDate, isLocalTime, isTimeZone, localToInstant, minutesOfDay, timeOfDay } from '$lib/domain/planning/time';
import { intersects } from '$lib/domain/planning/constraints';
import { DAY_PART_MINUTES } from '$lib/domain/time/day-parts';

/** A rule the input breaks: a French message and the form field it is about. */
export interface Problem {
	field: string;
	message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: Problem };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const refuse = (field: string, message: string): Checked<never> => ({ ok: false, problem: { field, message } });

export const DEFAULT_TIMEZONE = 'Europe/Paris';

export interface SessionSettings {
	name: string;
	referentielId: string;
	presentationMinutes: number;
	questionsMinutes: number;
	deliberationMinutes: number;
	changeoverMinutes: number;
	extraMinutesPerTeamMember: number;
	timezone: string;
	place: string | null;
	/** Deliberation shows candidates by their number in the session, not their name. */
	anonymousDeliberation: boolean;
}

/** The form's starting values for a new session: the épreuve's durations from the référentiel. */
export function defaultSettings(referentiel: Referentiel): SessionSettings {
	return {
		name: '',
		referentielId: referentiel.id,
		presentationMinutes: referentiel.epreuve.presentationMinutes,
		questionsMinutes: referentiel.epreuve.questionsMinutes.default,
		deliberationMinutes: referentiel.epreuve.deliberationMinutes,
		changeoverMinutes: referentiel.epreuve.changeoverMinutes,
		extraMinutesPerTeamMember: 10,
		timezone: DEFAULT_TIMEZONE,
		place: null,
		anonymousDeliberation: false
	};
}

function minutes(raw: Record<string, string | undefined>, field: string, min: number, max: number): Checked<number> {
	const text = (raw[field] ?? '').trim();
	const label = messages.durationLabels[field];
	if (!/^\d{1,4}$/.test(text)) return refuse(field, messages.minutesInvalid(label));
	const value = Number(text);
	if (value < min || value > max) return refuse(field, messages.minutesRange(label, min, max));
	return ok(value);
}

/** Checks the settings form; the questions' length stays within the référentiel's bounds. */
export function checkSessionSettings(raw: Record<string, string | undefined>, referentiels: Referentiel[]): Checked<SessionSettings> {
	const name = (raw.name ?? '').trim().replace(/\s+/g, ' ');
	if (!name) return refuse('name', messages.nameRequired);
	const referentiel = referentiels.find((candidate) => candidate.id === raw.referentielId);
	if (!referentiel) return refuse('referentielId', messages.referentielUnknown);
	const { questionsMinutes: bounds } = referentiel.epreuve;
	const durations = {
		presentationMinutes: minutes(raw, 'presentationMinutes', 1, 120),
		questionsMinutes: minutes(raw, 'questionsMinutes', bounds.min, bounds.max),
		deliberationMinutes: minutes(raw, 'deliberationMinutes', 0, 120),
		changeoverMinutes: minutes(raw, 'changeoverMinutes', 0, 120),
		extraMinutesPerTeamMember: minutes(raw, 'extraMinutesPerTeamMember', 0, 120)
	};
	for (const checked of Object.values(durations)) if (!checked.ok) return checked;
	const timezone = (raw.timezone ?? '').trim();
	if (!isTimeZone(timezone)) return refuse('timezone', messages.timezoneInvalid);
	const place = (raw.place ?? '').trim();
	const value = (checked: Checked<number>) => (checked as { value: number }).value;
	return ok({
		name,
		referentielId: referentiel.id,
		presentationMinutes: value(durations.presentationMinutes),
		questionsMinutes: value(durations.questionsMinutes),
		deliberationMinutes: value(durations.deliberationMinutes),
		changeoverMinutes: value(durations.changeoverMinutes),
		extraMinutesPerTeamMember: value(durations.extraMinutesPerTeamMember),
		timezone,
		place: place || null,
		anonymousDeliberation: raw.anonymousDeliberation === 'on'
	});
}

export interface LocalRange {
	start: string;
	end: string;
}

export interface SessionDay {
	date: string;
	opensAt: string;
	closesAt: string;
	breaks: LocalRange[];
}

export interface DayInput {
	date?: string;
	opensAt?: string;
	closesAt?: string;
	/** Parallel lists, as a form posts them; a row left wholly empty is ignored. */
	breakStarts?: string[];
	breakEnds?: string[];
}

/** Checks a day: HH:MM times, closing after opening, breaks inside the day, none overlapping. */
export function checkDay(input: DayInput): Checked<SessionDay> {
	const date = (input.date ?? '').trim();
	if (!isLocalDate(date)) return refuse('date', messages.dateInvalid);
	const opensAt = (input.opensAt ?? '').trim();
	const closesAt = (input.closesAt ?? '').trim();
	if (!isLocalTime(opensAt)) return refuse('opensAt', messages.timeInvalid);
	if (!isLocalTime(closesAt)) return refuse('closesAt', messages.timeInvalid);
	if (minutesOfDay(closesAt) <= minutesOfDay(opensAt)) return refuse('closesAt', messages.closesBeforeOpens);
	const breaks: LocalRange[] = [];
	const starts = input.breakStarts ?? [];
	const ends = input.breakEnds ?? [];
	for (let index = 0; index < Math.max(starts.length, ends.length); index++) {
		const start = (starts[index] ?? '').trim();
		const end = (ends[index] ?? '').trim();
		if (!start && !end) continue;
		if (!start) return refuse(`breakStart-${index}`, messages.breakIncomplete);
		if (!end) return refuse(`breakEnd-${index}`, messages.breakIncomplete);
		if (!isLocalTime(start)) return refuse(`breakStart-${index}`, messages.timeInvalid);
		if (!isLocalTime(end)) return refuse(`breakEnd-${index}`, messages.timeInvalid);
		if (minutesOfDay(end) <= minutesOfDay(start)) return refuse(`breakEnd-${index}`, messages.breakEndBeforeStart);
		if (minutesOfDay(start) < minutesOfDay(opensAt) || minutesOfDay(end) > minutesOfDay(closesAt)) {
			return refuse(`breakStart-${index}`, messages.breakOutsideDay);
		}
		const overlapping = breaks.some((other) =>
			intersects(minutesOfDay(start), minutesOfDay(end), minutesOfDay(other.start), minutesOfDay(other.end))
		);
		if (overlapping) return refuse(`breakStart-${index}`, messages.breaksOverlap);
		breaks.push({ start, end });
	}
	breaks.sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start));
	return ok({ date, opensAt, closesAt, breaks });
}

export interface RoomInput {
	name?: string;
	remote?: boolean;
	videoUrl?: string;
}

export interface RoomSettings {
	name: string;
	remote: boolean;
	videoUrl: string | null;
}

function isHttpsUrl(text: string): boolean {
	// The URL parser drops tabs and line breaks, the stored text would keep them (and break the mails).
	if (/[\s\p{Cc}]/u.test(text)) return false;
	try {
		const url = new URL(text);
		return url.protocol === 'https:' && url.hostname.length > 0;
	} catch {
		return false;
	}
}

/** A remote room needs its video link; any link given must be https. */
export function checkRoom(input: RoomInput): Checked<RoomSettings> {
	const name = (input.name ?? '').trim().replace(/\s+/g, ' ');
	if (!name) return refuse('name', messages.roomNameRequired);
	const remote = input.remote === true;
	const videoUrl = (input.videoUrl ?? '').trim();
	if (remote && !videoUrl) return refuse('videoUrl', messages.roomVideoRequired);
	if (videoUrl && !isHttpsUrl(videoUrl)) return refuse('videoUrl', messages.roomVideoInvalid);
	return ok({ name, remote, videoUrl: videoUrl || null });
}

/** An instant range, as ISO strings, the way unavailability is stored and sent to the scheduler. */
export interface InstantRange {
	start: string;
	end: string;
}

/** A date and two wall-clock times in the session's zone become an instant range (DST-aware). */
export function checkLocalRange(input: { date?: string; start?: string; end?: string }, timezone: string): Checked<InstantRange> {
	const date = (input.date ?? '').trim();
	const start = (input.start ?? '').trim();
	const end = (input.end ?? '').trim();
	if (!isLocalDate(date)) return refuse('date', messages.dateInvalid);
	if (!isLocalTime(start)) return refuse('start', messages.timeInvalid);
	if (!isLocalTime(end)) return refuse('end', messages.timeInvalid);
	if (minutesOfDay(end) <= minutesOfDay(start)) return refuse('end', messages.rangeEndBeforeStart);
	const range = instantRange(date, start, end, timezone);
	// 02:00–03:00 on the night clocks go forward is an hour that does not exist: no time at all.
	if (Date.parse(range.end) <= Date.parse(range.start)) return refuse('end', messages.rangeInClockChange);
	return ok(range);
}

export function instantRange(date: string, start: string, end: string, timezone: string): InstantRange {
	const instant = (time: string) => new Date(localToInstant(date, time, timezone) * 60_000).toISOString();
	return { start: instant(start), end: instant(end) };
}

export type HalfDay = 'morning' | 'afternoon';

const halfDay = ([start, end]: [number, number]): LocalRange => ({ start: timeOfDay(start), end: timeOfDay(end) });

/** The bounds of a half-day unavailability, local to the session (stated as is in the interface). */
export const HALF_DAYS: Record<HalfDay, LocalRange> = {
	morning: halfDay(DAY_PART_MINUTES.morning),
	afternoon: halfDay(DAY_PART_MINUTES.afternoon)
};

/** A half-day of one of the session's days, posted as "YYYY-MM-DD/morning". */
export function checkHalfDay(
	value: string | undefined,
	sessionDates: string[],
	timezone: string
): Checked<InstantRange & { label: string }> {
	const [date, half] = (value ?? '').split('/');
	if (!sessionDates.includes(date) || !(half in HALF_DAYS)) return refuse('halfDay', people.juror.halfDayInvalid);
	const bounds = HALF_DAYS[half as HalfDay];
	return ok({
		...instantRange(date, bounds.start, bounds.end, timezone),
		label: `${people.juror.halfDays[half]} du ${date.split('-').reverse().join('/')}`
	});
}
