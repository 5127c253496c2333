import { isLocalDate, minutesOfDay } from '../planning/time';
import type { HalfDay } from '../sessions/session-rules';
import { DAY_PART_MINUTES } from '../time/day-parts';
import { formatInTimeZone } from '../time/format';

// The half-days of an attendance sheet are those of the unavailability rules (DAY_PART_MINUTES):
// the morning until 13:00, the afternoon from 13:00, in the session's time zone.

/** One half-day of one local date: the unit of an attendance sheet and of a juror's signature. */
export interface SheetHalfDay {
	/** The local date, YYYY-MM-DD. */
	date: string;
	part: HalfDay;
}

const SLUGS: Record<HalfDay, string> = { morning: 'matin', afternoon: 'apres-midi' };

/** The half-day an instant falls in, in `timeZone`. */
export function halfDayOf(instant: Date, timeZone: string): SheetHalfDay {
	const date = formatInTimeZone(instant, timeZone, 'yyyy-MM-dd');
	const minutes = minutesOfDay(formatInTimeZone(instant, timeZone, 'HH:mm'));
	return { date, part: minutes < DAY_PART_MINUTES.morning[1] ? 'morning' : 'afternoon' };
}

/** The half-day as it appears in a URL: « 2026-12-07-matin », « 2026-12-07-apres-midi ». */
export function halfDaySlug(halfDay: SheetHalfDay): string {
	return `${halfDay.date}-${SLUGS[halfDay.part]}`;
}

/** The half-day a URL names, or null for anything else (a date that does not exist included). */
export function parseHalfDaySlug(slug: string): SheetHalfDay | null {
	const match = /^(\d{4}-\d{2}-\d{2})-(matin|apres-midi)$/.exec(slug);
	if (!match || !isLocalDate(match[1])) return null;
	return { date: match[1], part: match[2] === 'matin' ? 'morning' : 'afternoon' };
}

/** « lundi 7 décembre 2026 »: the local date of a half-day, in words. */
export function localDateText(date: string): string {
	return formatInTimeZone(new Date(`${date}T12:00:00Z`), 'UTC', 'EEEE d MMMM yyyy');
}

export function sameHalfDay(a: SheetHalfDay, b: SheetHalfDay): boolean {
	return a.date === b.date && a.part === b.part;
}

/** Half-days in the order of time, each once. */
export function distinctHalfDays(halfDays: SheetHalfDay[]): SheetHalfDay[] {
	const seen = new Map(halfDays.map((halfDay) => [halfDaySlug(halfDay), halfDay]));
	return [...seen.values()].sort((a, b) => (a.date === b.date ? (a.part === 'morning' ? -1 : 1) : a.date < b.date ? -1 : 1));
}

export type SigningRefusal = 'not-today' | 'not-yet';

/**
 * Whether a signature for `halfDay` may be given at `now`: only on its own date (a sheet is signed
 * on the day, not filled in afterwards) and not before the half-day begins (no signing the
 * afternoon in the morning). A morning's late signature in the afternoon is taken, with its time.
 */
export function signingRefusal(halfDay: SheetHalfDay, now: Date, timeZone: string): SigningRefusal | null {
	const current = halfDayOf(now, timeZone);
	if (current.date !== halfDay.date) return 'not-today';
	if (current.part === 'morning' && halfDay.part === 'afternoon') return 'not-yet';
	return null;
}
