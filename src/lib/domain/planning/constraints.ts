import type { DayModel, Span } from './model';
import type { Minute } from './time';
import type { Durations } from './types';

/*
 * The rules of a planning, one function each, numbered as in planning-v1
 * (/work/shared/formats/planning-v1.md), in the way Timefold's constraint providers read:
 * the engine (model.ts, state.ts, metrics.ts), the checker of whole schedules (check.ts), the
 * validation of a problem (validate.ts), the move check (move-check.ts), the jury form
 * (juries/composition.ts), the timer and the convocation all call these, so a rule changes here
 * or nowhere. scripts/bench/checker.ts stays apart on purpose: it judges the engine. Nothing here
 * imports code, so the jury form and the juror's timer carry only these few lines to the browser.
 */

/** Half-open intervals `[aStart, aEnd)` and `[bStart, bEnd)` share a minute (numbers, for the engine's inner loops). */
export function intersects(aStart: Minute, aEnd: Minute, bStart: Minute, bEnd: Minute): boolean {
	return aStart < bEnd && bStart < aEnd;
}

/** Half-open spans share a minute. */
export function overlaps(a: Span, b: Span): boolean {
	return intersects(a.start, a.end, b.start, b.end);
}

// ─── What makes a problem invalid ───────────────────────────────────────────────────────────

export type CompositionBreach =
	| { rule: 'tooFewMembers'; members: number }
	| { rule: 'presidentMissing' }
	| { rule: 'presidentNotMember' }
	| { rule: 'presidentNotEligible'; presidentId: string }
	| { rule: 'notEnoughExternal'; external: number; members: number };

/** Jury composition: at least 2 members, a president among them who may preside, at least half of them external. */
export function juryCompositionBreaches(
	members: { id: string; external: boolean; presidentEligible: boolean }[],
	presidentId: string | null
): CompositionBreach[] {
	const breaches: CompositionBreach[] = [];
	if (members.length < 2) breaches.push({ rule: 'tooFewMembers', members: members.length });
	const president = presidentId ? members.find((member) => member.id === presidentId) : undefined;
	if (!presidentId) breaches.push({ rule: 'presidentMissing' });
	else if (!president) breaches.push({ rule: 'presidentNotMember' });
	else if (!president.presidentEligible) breaches.push({ rule: 'presidentNotEligible', presidentId });
	const external = members.filter((member) => member.external).length;
	if (external * 2 < members.length) breaches.push({ rule: 'notEnoughExternal', external, members: members.length });
	return breaches;
}

// ─── Hard rules: what every schedule must satisfy ───────────────────────────────────────────

/** Rule 1: two lists name the same candidates (a team is always whole, together). */
export function sameCandidates(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
}

/** Rule 2: presentation and questions lengthened by an extra time in percent, rounded up to the minute. */
export function spokenMinutes(durations: Pick<Durations, 'presentation' | 'questions'>, extraTimePercent: number): number {
	// Rounding first guards against float noise: 20 × 1.1 is 22.000000000000004, and must give 22, not 23.
	return Math.ceil(Math.round((durations.presentation + durations.questions) * (100 + extraTimePercent) * 1e6) / 1e8);
}

/** Rule 2: the length of a defense by `teamSize` candidates whose largest extra time is `largestExtraTimePercent`. */
export function defenseLength(durations: Durations, teamSize: number, largestExtraTimePercent: number): number {
	return spokenMinutes(durations, largestExtraTimePercent) + (teamSize - 1) * durations.extraPerTeamMember + durations.deliberation;
}

/** Rule 3: the defense does not lie inside the opening hours of its day (or has no session day). */
export function outsideOpeningHours(day: Pick<DayModel, 'open' | 'close'> | undefined, defense: Span): boolean {
	return !day || defense.start < day.open || defense.end > day.close;
}

/** Rule 3: the breaks of its day that the defense intersects. */
export function breaksCrossed(day: Pick<DayModel, 'breaks'>, defense: Span): Span[] {
	return day.breaks.filter((pause) => overlaps(pause, defense));
}

/** Rule 4: the unavailability (of a candidate, a juror or a room) during the defense. */
export function unavailableDuring(unavailable: readonly Span[], defense: Span): Span[] {
	return unavailable.filter((busy) => overlaps(busy, defense));
}

/**
 * Rule 5: two defenses that share a juror (in any jury) or a room are double-booked unless
 * `changeover` minutes apart. On numbers: the scheduler asks this in its innermost loop.
 */
export function doubleBooked(aStart: Minute, aEnd: Minute, bStart: Minute, bEnd: Minute, changeover: number): boolean {
	return intersects(aStart, aEnd + changeover, bStart, bEnd + changeover);
}

/**
 * Rule 6: a company name as conflicts compare it, trimmed and case-insensitive ('' for none).
 * Accents are kept: the format says exactly this, and other tools check schedules the same way,
 * so "Société Générale" and "Societe Generale" are two companies.
 */
export function companyKey(company: string | null | undefined): string {
	return (company ?? '').trim().toLowerCase();
}

/** Rule 6: a juror and a candidate work for the same company (a missing company conflicts with nobody). */
export function sameCompany(a: string | null | undefined, b: string | null | undefined): boolean {
	const key = companyKey(a);
	return key !== '' && key === companyKey(b);
}

/** Rule 6: why a juror may not hear a candidate, or null: a declared conflict first, then the same company. */
export function jurorConflictOfInterest(
	juror: { id: string; company?: string | null },
	candidate: { company?: string | null; conflicts?: readonly string[] }
): 'declared' | 'sameCompany' | null {
	if ((candidate.conflicts ?? []).includes(juror.id)) return 'declared';
	return sameCompany(juror.company, candidate.company) ? 'sameCompany' : null;
}

// ─── Soft rules: what makes one valid schedule better than another, in this order ────────────
// 1. More candidates placed: counted by the search state and metrics.ts.

/**
 * 2. With a previous schedule: the defense moved (its jury or its start changed). Hard rule 7
 * asks the same of a pinned defense, which must not move at all.
 */
export function movedFrom<Jury>(before: { jury: Jury; start: Minute }, jury: Jury, start: Minute): boolean {
	return before.jury !== jury || before.start !== start;
}

/**
 * 3. Idle time of one jury-day: between its first start and last end, the time spent neither in
 * a defense, nor in a break, nor in the changeover that follows each defense.
 * `defenses` must be sorted by start.
 */
export function juryDayIdle(defenses: Span[], breaks: Span[], changeover: number): number {
	let idle = 0;
	for (let i = 1; i < defenses.length; i++) {
		const gap = { start: defenses[i - 1].end, end: defenses[i].start };
		let pauses = 0;
		for (const pause of breaks) pauses += Math.max(0, Math.min(gap.end, pause.end) - Math.max(gap.start, pause.start));
		idle += Math.max(0, gap.end - gap.start - pauses - changeover);
	}
	return idle;
}

/** 4. A tag or an expertise as they match: trimmed and case-insensitive. */
export function tagKey(tag: string): string {
	return tag.trim().toLowerCase();
}

// 5. Balanced load: the sum of squared defense counts per jury, kept by the search state and metrics.ts.

/** 5. A defense starting at `localMinuteOfDay` in the candidate's zone leaves their 08:00–20:00. */
export function outsideLocalHours(localMinuteOfDay: number, length: number): boolean {
	return localMinuteOfDay < 8 * 60 || localMinuteOfDay + length > 20 * 60;
}
