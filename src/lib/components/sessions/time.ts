import { formatInTimeZone, zoneLabel } from '$lib/domain/time/format';
import { instantRange } from '$lib/domain/sessions/session-rules';

/** "heure de Paris, UTC+01:00" on a given local date (noon, so the label is that day's offset). */
export function zoneOfSession(timezone: string, date?: string): string {
	const instant = date ? new Date(instantRange(date, '12:00', '12:01', timezone).start) : new Date();
	return zoneLabel(instant, timezone);
}

/** A local date as "lundi 7 décembre 2026", or an instant range as "lundi 7 décembre 2026, 14:00 – 15:00 (heure de Paris, UTC+01:00)". */
export function formInTimeZone(value: string | { start: string | Date; end: string | Date }, timezone: string): string {
	if (typeof value === 'string') return formatInTimeZone(new Date(instantRange(value, '12:00', '12:01', timezone).start), timezone, 'EEEE d MMMM yyyy');
	const start = new Date(value.start);
	const end = new Date(value.end);
	const sameDay = formatInTimeZone(start, timezone, 'yyyy-MM-dd') === formatInTimeZone(end, timezone, 'yyyy-MM-dd');
	const endText = sameDay ? formatInTimeZone(end, timezone, 'HH:mm') : formatInTimeZone(end, timezone, "EEEE d MMMM yyyy', 'HH:mm");
	return `${formatInTimeZone(start, timezone, "EEEE d MMMM yyyy', 'HH:mm")} – ${endText} (${zoneLabel(start, timezone)})`;
}
