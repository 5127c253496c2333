// What a day, a morning or an afternoon of unavailability means, for jurors and candidates alike:
// that whole part of the day in local time, whatever the session's opening hours, so that no
// defense slips in before the opening, around the lunch break or after a late closing.
export type DayPart = 'day' | 'morning' | 'afternoon';

/** Minutes from local midnight; 1440 is the next midnight. */
export const DAY_PART_MINUTES: Record<DayPart, [number, number]> = {
	day: [0, 24 * 60],
	morning: [0, 13 * 60],
	afternoon: [13 * 60, 24 * 60]
};

export const DAY_PART_LABELS: Record<DayPart, string> = { day: 'journée', morning: 'matin', afternoon: 'après-midi' };
