import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';

/** Formats an instant as wall-clock time in a zone, with French day and month names. */
export function formatInTimeZone(instant: Date, timeZone: string, pattern: string): string {
	return format(new TZDate(instant.getTime(), timeZone), pattern, { locale: fr });
}

/** "lundi 7 décembre 2026 à 09:00 (heure de Paris, UTC+01:00)" */
export function formatWithZone(instant: Date, timeZone: string): string {
	return `${formatInTimeZone(instant, timeZone, "EEEE d MMMM yyyy 'à' HH:mm")} (${zoneLabel(instant, timeZone)})`;
}

export function zoneLabel(instant: Date, timeZone: string): string {
	const city = timeZone.split('/').pop()!.replace(/_/g, ' ');
	return `heure de ${city}, UTC${formatInTimeZone(instant, timeZone, 'xxx')}`;
}
