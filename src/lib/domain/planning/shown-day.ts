/**
 * The day of the plan a page shows, the plan being shown a day at a time: the one asked for (?jour=),
 * else the day of the defense being moved, else today, else the first; each only when it is a day
 * of the session. Null for a session without days.
 */
export function shownDay(dates: string[], preferred: (string | null | undefined)[]): string | null {
	return preferred.find((date): date is string => !!date && dates.includes(date)) ?? dates[0] ?? null;
}
