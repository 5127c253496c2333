import { TZDate, tzOffset } from '@date-fns/tz';

/** Internally every instant is an integer number of minutes since the Unix epoch. */
export type Minute = number;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoInstant(text: unknown): text is string {
	return typeof text === 'string' && ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text));
}

export function isLocalTime(text: unknown): text is string {
	return typeof text === 'string' && LOCAL_TIME.test(text);
}

export function isLocalDate(text: unknown): text is string {
	const match = typeof text === 'string' ? LOCAL_DATE.exec(text) : null;
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const knownZones = new Map<string, boolean>();
export function isTimeZone(zone: unknown): zone is string {
	if (typeof zone !== 'string' || zone === '') return false;
	let known = knownZones.get(zone);
	if (known === undefined) {
		try {
			new Intl.DateTimeFormat('en-US', { timeZone: zone });
			known = true;
		} catch {
			known = false;
		}
		knownZones.set(zone, known);
	}
	return known;
}

/** A start placed by hand (a drop on the grid, the allowed starts it shows) falls on this grid of minutes. */
export const MOVE_STEP_MINUTES = 5;

/** Minutes since midnight of an `HH:MM` string. */
export function minutesOfDay(time: string): number {
	const [hours, minutes] = time.split(':').map(Number);
	return hours * 60 + minutes;
}

/** The `HH:MM` of a minute of the day, the inverse of minutesOfDay ("24:00" for the next midnight). */
export function timeOfDay(minutes: number): string {
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The instant of a local wall-clock time on a local date in `zone` (DST-aware). */
export function localToInstant(date: string, time: string, zone: string): Minute {
	const [year, month, day] = date.split('-').map(Number);
	const [hours, minutes] = time.split(':').map(Number);
	return Math.round(new TZDate(year, month - 1, day, hours, minutes, zone).getTime() / 60000);
}

/** An unavailability or a pin may carry seconds: widen to whole minutes so nothing slips through. */
export function parseInstantFloor(text: string): Minute {
	return Math.floor(Date.parse(text) / 60000);
}
export function parseInstantCeil(text: string): Minute {
	return Math.ceil(Date.parse(text) / 60000);
}

const offsetCache = new Map<string, Map<number, number>>();
/**
 * Offset of `zone` from UTC at `instant`, in minutes (e.g. 60 for Paris in winter). Memoised
 * per quarter-hour: every zone changes its offset on a quarter-hour, and Intl is slow.
 */
export function zoneOffset(zone: string, instant: Minute): number {
	let byQuarter = offsetCache.get(zone);
	if (!byQuarter) {
		byQuarter = new Map();
		offsetCache.set(zone, byQuarter);
	}
	const quarter = Math.floor(instant / 15);
	let offset = byQuarter.get(quarter);
	if (offset === undefined) {
		offset = tzOffset(zone, new Date(quarter * 15 * 60000));
		byQuarter.set(quarter, offset);
	}
	return offset;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** ISO 8601 with the offset `zone` has at that instant, e.g. `2026-12-07T09:00:00+01:00`. */
export function formatInstant(instant: Minute, zone: string): string {
	const offset = zoneOffset(zone, instant);
	const local = new Date((instant + offset) * 60000);
	const sign = offset < 0 ? '-' : '+';
	const absolute = Math.abs(offset);
	return (
		`${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
		`T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00` +
		`${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`
	);
}

/** Local minute of day (0–1439) of an instant in `zone`. */
export function localMinuteOfDay(instant: Minute, zone: string): number {
	const local = instant + zoneOffset(zone, instant);
	return ((local % 1440) + 1440) % 1440;
}
