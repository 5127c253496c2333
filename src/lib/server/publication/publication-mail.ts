import { defenseUid, icsSequence, type Convocation } from '$lib/domain/publication/convocation';
import type { CandidateChange, CandidateSlot, JurorChange, PublishedPlan } from '$lib/domain/publication/plan-diff';
import { formatInTimeZone, formatWithZone, zoneLabel } from '$lib/domain/time/format';
import { fr } from '$lib/i18n/fr';
import type { Certifier } from '../certifier/certifier-service';
import { convocationPdf } from '../documents/convocation-pdf';
import { convocationSections, defenseDate, placeText, sectionsAsText } from '../documents/convocation-text';
import { buildCalendar, type CalendarEvent } from '../documents/ics';
import type { MailAttachment, OutgoingMail } from '../notifications/outbox-repository';
import type { Person, SessionForPublication } from './publication-repository';

const t = fr.publication;

/** What a published version says, with the people and projects needed to word it. */
export interface PublicationContext {
	session: SessionForPublication;
	/** Who issues the convocations: the certifier's name and logo on the PDF. */
	certifier: Certifier;
	version: number;
	plan: PublishedPlan;
	people: Map<string, Person>;
	registrations: Map<string, { projectTitle: string; team: string | null }>;
}

const nameOf = (context: PublicationContext, id: string) => context.people.get(id)?.name ?? id;

export function convocationFor(context: PublicationContext, candidateId: string, slot: CandidateSlot): Convocation {
	const { session } = context;
	const person = context.people.get(candidateId);
	return {
		sessionId: session.id,
		sessionName: session.name,
		blockCode: session.blockCode,
		certification: session.certification,
		sessionTimezone: session.timezone,
		address: session.place,
		candidate: {
			id: candidateId,
			name: person?.name ?? candidateId,
			timezone: person?.timezone ?? session.timezone,
			extraTimePercent: person?.extraTimePercent ?? 0
		},
		teammates: slot.candidates
			.filter((id) => id !== candidateId)
			.map((id) => nameOf(context, id))
			.sort((a, b) => a.localeCompare(b, 'fr')),
		projectTitle: context.registrations.get(candidateId)?.projectTitle ?? '',
		start: slot.start,
		end: slot.end,
		room: slot.room,
		durations: { presentation: session.presentation, questions: session.questions, deliberation: session.deliberation },
		version: context.version,
		uid: defenseUid(session.id, slot.candidates)
	};
}

export function convocationEvent(convocation: Convocation, cancelled = false): CalendarEvent {
	return {
		uid: convocation.uid,
		sequence: icsSequence(convocation.version),
		start: convocation.start,
		end: convocation.end,
		title: `${t.candidateEventTitle(convocation.blockCode)} · ${convocation.sessionName}`,
		description: sectionsAsText(convocationSections(convocation)),
		location: placeText(convocation.room, convocation.address),
		url: convocation.room?.remote ? convocation.room.videoUrl : null,
		cancelled
	};
}

export function convocationCalendar(convocation: Convocation, cancelled = false): string {
	return buildCalendar([convocationEvent(convocation, cancelled)]);
}

const calendarAttachment = (filename: string, calendar: string): MailAttachment => ({
	filename,
	contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
	content: Buffer.from(calendar, 'utf8').toString('base64')
});

async function convocationAttachments(convocation: Convocation, certifier: Certifier): Promise<MailAttachment[]> {
	return [
		calendarAttachment('convocation.ics', convocationCalendar(convocation)),
		{
			filename: 'convocation.pdf',
			contentType: 'application/pdf',
			content: (await convocationPdf(convocation, certifier)).toString('base64')
		}
	];
}

function changeLines(change: CandidateChange, timezone: string): string[] {
	const { before, after } = change;
	if (!before || !after) return [];
	const lines: string[] = [];
	if (before.start.getTime() !== after.start.getTime() || before.end.getTime() !== after.end.getTime()) {
		lines.push(t.movedLine(formatWithZone(before.start, timezone), formatWithZone(after.start, timezone)));
	}
	if (JSON.stringify(before.room) !== JSON.stringify(after.room))
		lines.push(t.placeChangedLine(placeText(before.room, null), placeText(after.room, null)));
	if (lines.length === 0 && before.juryId !== after.juryId) lines.push(t.juryChangedLine);
	return lines;
}

/** The e-mail a candidate gets: a first convocation, an updated one, or a cancellation. */
export async function candidateMail(
	context: PublicationContext,
	change: CandidateChange,
	email: string,
	firstPublication: boolean
): Promise<OutgoingMail> {
	if (!change.after) {
		const cancelled = convocationFor(context, change.candidateId, change.before!);
		return {
			to: email,
			subject: t.cancelledSubject,
			text: t.cancelledBody(cancelled.candidate.name, formatWithZone(cancelled.start, cancelled.candidate.timezone)),
			attachments: [calendarAttachment('convocation.ics', convocationCalendar(cancelled, true))]
		};
	}
	const convocation = convocationFor(context, change.candidateId, change.after);
	const body = sectionsAsText(convocationSections(convocation));
	const intro =
		firstPublication || change.kind === 'placed'
			? [t.convokedTo(convocation.blockCode, convocation.sessionName, convocation.certification)]
			: [...changeLines(change, convocation.candidate.timezone), '', t.updatedConvocationIntro];
	return {
		to: email,
		subject: change.kind === 'moved' ? t.changedSubject(defenseDate(convocation)) : t.convocationSubject(defenseDate(convocation)),
		text: [t.greeting(convocation.candidate.name), '', ...intro, '', body, '', t.attachmentsNote, '', t.signature].join('\n'),
		attachments: await convocationAttachments(convocation, context.certifier)
	};
}

function juryLabel(context: PublicationContext, slot: CandidateSlot): string {
	return context.plan.juries.find((jury) => jury.id === slot.juryId)?.label ?? '?';
}

function slotCandidates(context: PublicationContext, slot: CandidateSlot): string {
	return slot.candidates
		.map((id) => nameOf(context, id))
		.sort((a, b) => a.localeCompare(b, 'fr'))
		.join(', ');
}

function slotLine(context: PublicationContext, slot: CandidateSlot, withDay: boolean): string {
	const zone = context.session.timezone;
	const starts = formatInTimeZone(slot.start, zone, withDay ? 'EEEE d MMMM yyyy, HH:mm' : 'HH:mm');
	const time = `${starts}–${formatInTimeZone(slot.end, zone, 'HH:mm')}`;
	const project = context.registrations.get(slot.candidates[0])?.projectTitle ?? '';
	return t.jurorDefenseLine(time, juryLabel(context, slot), placeText(slot.room, null), slotCandidates(context, slot), project);
}

/** A juror's defenses day by day, in the session's zone, each day with its UTC offset (it changes with DST). */
export function jurorScheduleText(context: PublicationContext, slots: CandidateSlot[]): string {
	const zone = context.session.timezone;
	const days = new Map<string, CandidateSlot[]>();
	for (const slot of slots) {
		const day = `${formatInTimeZone(slot.start, zone, 'EEEE d MMMM yyyy')} (${zoneLabel(slot.start, zone)})`;
		days.set(day, [...(days.get(day) ?? []), slot]);
	}
	return [...days]
		.map(([day, daySlots]) =>
			[day.charAt(0).toUpperCase() + day.slice(1), ...daySlots.map((slot) => `  ${slotLine(context, slot, false)}`)].join('\n')
		)
		.join('\n\n');
}

function jurorEvent(context: PublicationContext, slot: CandidateSlot, cancelled: boolean): CalendarEvent {
	const project = context.registrations.get(slot.candidates[0])?.projectTitle ?? '';
	return {
		uid: defenseUid(context.session.id, slot.candidates),
		sequence: icsSequence(context.version),
		start: slot.start,
		end: slot.end,
		title: t.jurorEventTitle(slotCandidates(context, slot), juryLabel(context, slot)),
		description: `${context.session.name}\n« ${project} »`,
		location: placeText(slot.room, slot.room?.remote ? null : context.session.place),
		url: slot.room?.remote ? slot.room.videoUrl : null,
		cancelled
	};
}

/** Calendar entries of all the juror's defenses, plus cancellations of those they no longer hear. */
export function jurorEvents(context: PublicationContext, slots: CandidateSlot[], removed: CandidateSlot[] = []): CalendarEvent[] {
	const kept = new Set(slots.map((slot) => defenseUid(context.session.id, slot.candidates)));
	const cancelled = removed.filter((slot) => !kept.has(defenseUid(context.session.id, slot.candidates)));
	return [...slots.map((slot) => jurorEvent(context, slot, false)), ...cancelled.map((slot) => jurorEvent(context, slot, true))];
}

export function jurorMail(
	context: PublicationContext,
	juror: Person,
	slots: CandidateSlot[],
	change: JurorChange,
	firstPublication: boolean
): OutgoingMail {
	const { session } = context;
	const changes = firstPublication
		? []
		: [
				t.jurorChangesTitle,
				...change.removed.map((slot) => `  - ${t.jurorRemoved(slotLine(context, slot, true))}`),
				...change.added.map((slot) => `  - ${t.jurorAdded(slotLine(context, slot, true))}`),
				''
			];
	const schedule = slots.length
		? [t.jurorIntro(session.name), '', jurorScheduleText(context, slots), '', t.jurorCalendarNote]
		: [t.jurorNoneLeft(session.name)];
	return {
		to: juror.email,
		subject: firstPublication ? t.jurorSubject(session.name) : t.jurorChangedSubject(session.name),
		text: [t.greeting(juror.name), '', ...changes, ...schedule, '', t.signature].join('\n'),
		attachments: [calendarAttachment('planning-jury.ics', buildCalendar(jurorEvents(context, slots, change.removed)))]
	};
}
