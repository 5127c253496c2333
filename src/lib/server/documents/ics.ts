import { createEvents, type EventAttributes } from 'ics';
import { fr } from '$lib/i18n/fr';

export interface CalendarEvent {
	uid: string;
	sequence: number;
	start: Date;
	end: Date;
	title: string;
	description: string;
	location: string;
	url?: string | null;
	cancelled?: boolean;
}

/**
 * An iCalendar file (METHOD:PUBLISH) whose instants are written in UTC, so every calendar reads
 * the same moment whatever its zone and across daylight-saving changes.
 */
export function buildCalendar(events: CalendarEvent[], calendarName: string = fr.publication.calendarName): string {
	// The ics package escapes "\n" only: a lone CR (typed on some systems) would land raw in a content line.
	const text = (value: string) => value.replace(/\r\n?/g, '\n');
	const attributes: EventAttributes[] = events.map((event) => ({
		uid: event.uid,
		sequence: event.sequence,
		start: event.start.getTime(),
		startInputType: 'utc',
		startOutputType: 'utc',
		end: event.end.getTime(),
		endInputType: 'utc',
		endOutputType: 'utc',
		title: text(event.title),
		description: text(event.description),
		location: text(event.location),
		...(event.url ? { url: event.url } : {}),
		status: event.cancelled ? 'CANCELLED' : 'CONFIRMED'
	}));
	const { error, value } = createEvents(attributes, {
		method: 'PUBLISH',
		productId: '-//Soutenance//Convocations//FR',
		calName: calendarName
	});
	if (error || !value) throw error ?? new Error('calendrier vide');
	return foldLines(value);
}

/**
 * RFC 5545 limits content lines to 75 octets; the ics package counts characters, so accented
 * French text overflows. Unfold, then fold again on octets without splitting a UTF-8 sequence.
 */
function foldLines(calendar: string): string {
	const lines = calendar.replace(/\r\n[ \t]/g, '').split('\r\n');
	return lines
		.map((line) => {
			const folded: string[] = [];
			let current = '';
			let octets = 0;
			for (const character of line) {
				const size = Buffer.byteLength(character);
				const limit = folded.length === 0 ? 75 : 74; // continuation lines start with one space
				if (octets + size > limit) {
					folded.push(current);
					current = '';
					octets = 0;
				}
				current += character;
				octets += size;
			}
			folded.push(current);
			return folded.join('\r\n ');
		})
		.join('\r\n');
}
