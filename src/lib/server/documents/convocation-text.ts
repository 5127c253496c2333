import { passageMinutes, type Convocation } from '$lib/domain/publication/convocation';
import { spokenMinutes } from '$lib/domain/planning/constraints';
import type { RoomSnapshot } from '$lib/domain/publication/plan-diff';
import { formatInTimeZone, formatWithZone } from '$lib/domain/time/format';
import { fr } from '$lib/i18n/fr';

const t = fr.publication;

export interface ConvocationSection {
	label: string;
	lines: string[];
}

/** "lundi 29 mars 2027" in the session's zone: the day the candidate must come. */
export function defenseDate(convocation: Pick<Convocation, 'start' | 'sessionTimezone'>): string {
	return formatInTimeZone(convocation.start, convocation.sessionTimezone, 'EEEE d MMMM yyyy');
}

export function placeText(room: RoomSnapshot | null, address: string | null): string {
	if (!room) return t.noRoom;
	return room.remote ? t.videoRoom(room.name, room.videoUrl) : t.room(room.name, address);
}

/** The time in the session's zone, and in the candidate's own zone when it differs. */
export function whenLines(instant: Date, sessionTimezone: string, ownTimezone: string): ConvocationSection[] {
	if (ownTimezone === sessionTimezone)
		return [{ label: t.labels.when, lines: [`${formatWithZone(instant, sessionTimezone)}, ${t.labels.sameZone}`] }];
	return [
		{ label: t.labels.when, lines: [formatWithZone(instant, sessionTimezone)] },
		{ label: t.labels.whenOwnZone, lines: [formatWithZone(instant, ownTimezone)] }
	];
}

/** The body of a convocation, section by section, in the order the e-mail and the PDF show it. */
export function convocationSections(convocation: Convocation): ConvocationSection[] {
	const { durations, candidate } = convocation;
	const sections: ConvocationSection[] = [
		{ label: t.labels.candidate, lines: [candidate.name] },
		{ label: t.labels.session, lines: [`${convocation.sessionName} · ${convocation.blockCode} · ${convocation.certification}`] },
		{ label: t.labels.project, lines: [convocation.projectTitle] },
		...whenLines(convocation.start, convocation.sessionTimezone, candidate.timezone),
		{ label: convocation.room?.remote ? t.labels.video : t.labels.place, lines: [placeText(convocation.room, convocation.address)] },
		{ label: t.labels.durations, lines: t.durationLines(durations.presentation, durations.questions, passageMinutes(convocation)) }
	];
	if (candidate.extraTimePercent > 0) {
		const nominal = durations.presentation + durations.questions;
		sections.push({
			label: t.labels.accommodation,
			lines: [t.accommodationLine(candidate.extraTimePercent, spokenMinutes(durations, candidate.extraTimePercent), nominal)]
		});
	}
	if (convocation.teammates.length > 0) sections.push({ label: t.labels.team, lines: [t.teamLine(convocation.teammates)] });
	sections.push({ label: t.labels.prepare, lines: t.prepareLines(convocation.room?.remote ?? false) });
	return sections;
}

export function sectionsAsText(sections: ConvocationSection[]): string {
	return sections
		.map((section) =>
			section.lines.length === 1
				? `${section.label} : ${section.lines[0]}`
				: `${section.label} :\n${section.lines.map((line) => `  - ${line}`).join('\n')}`
		)
		.join('\n');
}
