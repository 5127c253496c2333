import { formatInTimeZone, zoneLabel } from '$lib/domain/time/format';
import { instantRange } from '$lib/domain/sessions/session-rules';

/** "heure de Paris, UTC+01:00" on a given local date (noon, so the label is that day's offset). */
export function zoneOfSession(timezone: string, date?: string): string {
	const instant = date ? new Date(instantRange(date, '12:00', '12:01', timezone).start) : new Date();
	return zoneLabel(instant, timezone);
}

/** A local date as "lundi 7 décembre 2026", or an instant range as "lundi 7 décembre 2026, 14:00 – 15:00 (heure de Paris, UTC+01:00)". */
export function formInTimeZone(value: string | { start: string | Date; end: string | Date }, timezone: string): string {
	if (typeof value === 'string')
		return formatInTimeZone(new Date(instantRange(value, '12:00', '12:01', timezone).start), timezone, 'EEEE d MMMM yyyy');
	const start = new Date(value.start);
	const end = new Date(value.end);
	const day = (instant: Date) => formatInTimeZone(instant, timezone, 'yyyy-MM-dd');
	// A range up to the next midnight (an afternoon of unavailability) reads "13:00 – 24:00".
	const untilMidnight = formatInTimeZone(end, timezone, 'HH:mm') === '00:00' && day(new Date(end.getTime() - 1)) === day(start);
	const endText = untilMidnight
		? '24:00'
		: day(start) === day(end)
			? formatInTimeZone(end, timezone, 'HH:mm')
			: formatInTimeZone(end, timezone, "EEEE d MMMM yyyy', 'HH:mm");
	return `${formatInTimeZone(start, timezone, "EEEE d MMMM yyyy', 'HH:mm")} – ${endText} (${zoneLabel(start, timezone)})`;
}
