import { TZDate } from '@date-fns/tz';
import { fr } from '$lib/i18n/fr';
import { DAY_PART_MINUTES, type DayPart } from '$lib/domain/time/day-parts';

const messages = fr.people;

/** A value that could not be read: the French reason, shown beside the line and column. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Trims and collapses inner whitespace (spreadsheets keep stray spaces and non-breaking spaces). */
export function cleanText(value: string | undefined | null): string {
	return (value ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseEmail(raw: string): Parsed<string> {
	const email = cleanText(raw).toLowerCase();
	if (email === '') return bad(messages.emailRequired);
	return EMAIL.test(email) ? ok(email) : bad(messages.emailInvalid(cleanText(raw)));
}

/** "Prénom Nom", the way the app names a person everywhere. */
export function displayName(firstName: string, lastName: string): string {
	return cleanText(`${firstName} ${lastName}`);
}

/** "python, NLP ; vision" → ["python", "NLP", "vision"], without duplicates (case-insensitive). */
export function parseTags(raw: string): string[] {
	const seen = new Set<string>();
	const tags: string[] = [];
	for (const part of raw.split(/[,;|]/)) {
		const tag = cleanText(part);
		if (tag && !seen.has(tag.toLowerCase())) {
			seen.add(tag.toLowerCase());
			tags.push(tag);
		}
	}
	return tags;
}

/** Teams are the same when their names differ only by case or spacing. */
export function teamKey(team: string): string {
	return cleanText(team).toLowerCase();
}

const ZONE_SPELLING = new Map(Intl.supportedValuesOf('timeZone').map((zone) => [zone.toLowerCase(), zone]));

/** An IANA zone ("Europe/Paris"), in its usual capitalisation; empty means the session's zone. */
export function parseTimeZone(raw: string, fallback: string): Parsed<string> {
	const zone = cleanText(raw).replace(/ /g, '_');
	if (zone === '') return ok(fallback);
	if (!zone.includes('/') && zone.toUpperCase() !== 'UTC') return bad(messages.timezoneUnknown(cleanText(raw)));
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
	} catch {
		return bad(messages.timezoneUnknown(cleanText(raw)));
	}
	// Links such as America/Montreal are valid but absent from the canonical list: keep them as typed.
	return ok(ZONE_SPELLING.get(zone.toLowerCase()) ?? zone);
}

/** Tiers-temps, the usual accommodation: one third more time. */
export const TIERS_TEMPS_PERCENT = 33;

const TIERS_TEMPS_WORDS = String.raw`tiers[ -]?temps|1 ?\/ ?3(?: (?:de )?temps)?|un tiers(?: (?:de )?temps)?`;
/** A cell that says tiers-temps and nothing else. */
const TIERS_TEMPS = new RegExp(`^(?:${TIERS_TEMPS_WORDS})$`);
/** Tiers-temps said somewhere in a text. */
const TIERS_TEMPS_IN = new RegExp(`(?:^|[^a-z0-9/])(?:${TIERS_TEMPS_WORDS})(?:$|[^a-z0-9/])`);
const MINUTES = /^(\d+(?:[.,]\d+)?) ?(?:min|mn|minutes?)\.?$/;

/** "10 min", "7,5 minutes" → the minutes; anything else → null. */
export function readMinutes(raw: string): number | null {
	const match = MINUTES.exec(cleanText(raw).toLowerCase());
	return match ? Number(match[1].replace(',', '.')) : null;
}

/** "oui", "x", "true"…: a cell that says yes and nothing more. */
export function isYes(raw: string): boolean {
	return ['oui', 'yes', 'o', 'y', 'true', 'vrai', 'x'].includes(cleanText(raw).toLowerCase());
}

/** An extra time of so many minutes, as a whole percentage of the épreuve's spoken time (presentation and questions). */
function minutesAsPercent(minutes: number, examMinutes: number): number {
	return Math.round((minutes * 100) / examMinutes);
}

/**
 * "oui", "tiers-temps", "1/3 temps" → 33; "non" or empty → 0; "25", "25 %", "33,3" → a whole
 * percentage between 0 and 100; "10 min" → those minutes as a percentage of the épreuve's
 * `examMinutes` (when given: the candidate form takes percentages only).
 */
export function parseExtraTime(raw: string, examMinutes?: number): Parsed<number> {
	const text = cleanText(raw).toLowerCase();
	if (text === '' || ['non', 'no', 'n', 'false', 'faux', '0'].includes(text)) return ok(0);
	if (isYes(text) || TIERS_TEMPS.test(text)) return ok(TIERS_TEMPS_PERCENT);
	const minutes = examMinutes === undefined ? null : readMinutes(text);
	if (minutes !== null) {
		const percent = minutesAsPercent(minutes, examMinutes!);
		return percent <= 100 ? ok(percent) : bad(messages.extraMinutesOutOfRange(cleanText(raw), examMinutes!));
	}
	const match = /^(-?\d+(?:[.,]\d+)?) ?%?$/.exec(text);
	if (!match) return bad(messages.extraTimeInvalid(cleanText(raw)));
	return percentInRange(Math.round(Number(match[1].replace(',', '.'))), raw);
}

function percentInRange(percent: number, raw: string): Parsed<number> {
	return percent >= 0 && percent <= 100 ? ok(percent) : bad(messages.extraTimeOutOfRange(cleanText(raw)));
}

/** A column of extra time in minutes: "10", "10 min", "non" or empty, as a percentage of the épreuve's `examMinutes`. */
export function parseExtraTimeMinutes(raw: string, examMinutes: number): Parsed<number> {
	const text = cleanText(raw);
	return parseExtraTime(/^\d+(?:[.,]\d+)?$/.test(text) ? `${text} min` : raw, examMinutes);
}

/** The extra time an arrangement's free text grants, when it says so in the usual words ("tiers-temps", "temps majoré de 25 %"). */
export function extraTimeIn(text: string): number | null {
	const lower = cleanText(text).toLowerCase();
	if (TIERS_TEMPS_IN.test(lower)) return TIERS_TEMPS_PERCENT;
	const percent = /(?:temps|dur[ée]e)[^%\d]{0,30}?(\d{1,3}) ?%/.exec(lower);
	return percent && Number(percent[1]) <= 100 ? Number(percent[1]) : null;
}

/** Free text of other arrangements (one line per arrangement kept), null when empty. */
export function parseArrangements(raw: string, max: number): Parsed<string | null> {
	const text = (raw ?? '').split(/\r?\n/).map(cleanText).filter(Boolean).join('\n');
	if (text.length > max) return bad(messages.tooLong(max));
	return ok(text === '' || ['non', 'aucun', 'aucune', 'néant', 'neant', '-'].includes(text.toLowerCase()) ? null : text);
}

export interface TimeRange {
	startsAt: Date;
	endsAt: Date;
	/** How the coordinator wrote it, kept as the label ("08/03/2027 matin"). */
	label: string;
}

/** A wall-clock time on a calendar day in a zone; minutes may reach 24:00 (the next midnight). */
export function zonedInstant(date: { year: number; month: number; day: number }, minutes: number, timeZone: string): Date {
	return new Date(new TZDate(date.year, date.month - 1, date.day, Math.floor(minutes / 60), minutes % 60, timeZone).getTime());
}

export function isRealDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A range on one day, from a part of the day or from explicit "hh:mm" bounds. */
export function dayRange(
	date: { year: number; month: number; day: number },
	span: DayPart | [number, number],
	timeZone: string,
	label: string
): TimeRange {
	const [start, end] = typeof span === 'string' ? DAY_PART_MINUTES[span] : span;
	return { startsAt: zonedInstant(date, start, timeZone), endsAt: zonedInstant(date, end, timeZone), label };
}

// A date, then optionally a half-day, the whole day, or hours from–to (groups 1–3, 4–6, 7–10).
const DATE = String.raw`(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})`;
const DAY_PART = String.raw`(matin|am)|(apres[ -]?midi|aprem|pm)|(journee|jour|toute la journee)`;
const HOURS = String.raw`(?:de\s+)?(\d{1,2})[:h](\d{2})?\s*(?:-|a|à)\s*(\d{1,2})[:h](\d{2})?`;
const ENTRY = new RegExp(String.raw`^${DATE}(?:\s+(?:${DAY_PART}|${HOURS}))?$`);

/**
 * "08/03/2027 matin", "09/03/2027 après-midi", "10/03/2027" (whole day) or
 * "11/03/2027 14:00-16:30", several separated by "," or "|" (";" too, when it is not the file's
 * delimiter). Times are read in the candidate's time zone.
 */
export function parseUnavailability(raw: string, timeZone: string): Parsed<TimeRange[]> {
	const ranges: TimeRange[] = [];
	for (const part of raw.split(/[,|;]/)) {
		const entry = cleanText(part);
		if (entry === '') continue;
		const simplified = entry.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
		const match = ENTRY.exec(simplified);
		if (!match) return bad(messages.unavailabilityUnreadable(entry));
		const [, d, m, y, morning, afternoon, , startH, startM, endH, endM] = match;
		const date = { year: Number(y), month: Number(m), day: Number(d) };
		if (!isRealDate(date.year, date.month, date.day)) return bad(messages.unavailabilityDateInvalid(entry));
		if (startH !== undefined) {
			const start = Number(startH) * 60 + Number(startM ?? 0);
			const end = Number(endH) * 60 + Number(endM ?? 0);
			if (Number(startH) > 23 || Number(endH) > 24 || Number(startM ?? 0) > 59 || Number(endM ?? 0) > 59 || end > 24 * 60)
				return bad(messages.unavailabilityUnreadable(entry));
			if (end <= start) return bad(messages.unavailabilityEndBeforeStart(entry));
			const range = dayRange(date, [start, end], timeZone, entry);
			// 02:00–03:00 on the night clocks go forward is an hour that does not exist: no time at all.
			if (range.endsAt.getTime() <= range.startsAt.getTime()) return bad(messages.unavailabilityInClockChange(entry));
			ranges.push(range);
		} else {
			ranges.push(dayRange(date, morning ? 'morning' : afternoon ? 'afternoon' : 'day', timeZone, entry));
		}
	}
	return ok(ranges);
}
