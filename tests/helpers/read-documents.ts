import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';

export interface ReadEvent {
	uid: string;
	sequence: number;
	start: Date;
	end: Date;
	summary: string;
	description: string;
	location: string;
	status: string | null;
}

/** Reads an iCalendar text back with ical.js, the parser calendar apps embed. */
export function readCalendar(text: string): { method: string | null; events: ReadEvent[] } {
	const calendar = new ICAL.Component(ICAL.parse(text));
	return {
		method: calendar.getFirstPropertyValue('method') as string | null,
		events: calendar.getAllSubcomponents('vevent').map((component) => {
			const event = new ICAL.Event(component);
			return {
				uid: event.uid,
				sequence: event.sequence,
				start: event.startDate.toJSDate(),
				end: event.endDate.toJSDate(),
				summary: event.summary,
				description: event.description,
				location: event.location,
				status: (component.getFirstPropertyValue('status') as string | null) ?? null
			};
		})
	};
}

/** The text of a PDF, as poppler's pdftotext extracts it (apt-get install poppler-utils). */
export function pdfText(pdf: Buffer): string {
	const directory = mkdtempSync(join(tmpdir(), 'pdf-'));
	try {
		const file = join(directory, 'document.pdf');
		writeFileSync(file, pdf);
		return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
	} finally {
		rmSync(directory, { recursive: true, force: true });
	}
}

/** How many images a PDF draws, as poppler's pdfimages lists them (one line per image drawn on a page). */
export function pdfImages(pdf: Buffer): number {
	const directory = mkdtempSync(join(tmpdir(), 'pdf-'));
	try {
		const file = join(directory, 'document.pdf');
		writeFileSync(file, pdf);
		const listing = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
		return listing.trim().split('\n').slice(2).length;
	} finally {
		rmSync(directory, { recursive: true, force: true });
	}
}
