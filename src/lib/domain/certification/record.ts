import { fr } from '$lib/i18n/fr';
import type { BlockStatus, Outcome } from './rules';

const t = fr.certification;

export type SessionMode = 'presentiel' | 'distanciel' | 'mixte';

/** Présentiel when every room is a physical room, distanciel when every one is a video room, else mixte. */
export function sessionMode(rooms: readonly { remote: boolean }[]): SessionMode {
	if (rooms.length > 0 && rooms.every((room) => room.remote)) return 'distanciel';
	if (rooms.some((room) => room.remote)) return 'mixte';
	return 'presentiel';
}

export interface RecordCompetency {
	code: string;
	consolidated: number | null;
	proposed: boolean;
	acquired: boolean;
	justification: string | null;
}

/** What a phase of the defense lasted by the timer, against what was planned (extra time included). */
export interface RecordPhase {
	phase: string;
	plannedSeconds: number;
	actualSeconds: number;
}

/** The accommodations a candidate was granted, and what the timer shows they got. */
export interface RecordAccommodations {
	extraTimePercent: number;
	other: string | null;
	/** The defense's timed phases as the timer recorded them (shared by a team); empty when the timer was not used. */
	delivered: RecordPhase[];
}

export interface RecordCandidate {
	id: string;
	name: string;
	/** The candidate's number in the session: what an anonymised deliberation showed instead of the name (format 2). */
	number?: number;
	/** Format 2. */
	accommodations?: RecordAccommodations;
	/** The jurors who submitted a grid for the defense (format 2). */
	jurors?: string[];
	projectTitle: string | null;
	absent: boolean;
	competencies: RecordCompetency[];
	/** The jury's decision on the defended block, with its justification when it differs from the proposal. */
	block: { code: string; proposed: boolean; validated: boolean; justification: string | null } | null;
	/** Every block of the title, counting earlier sessions and imported results. */
	blocks: BlockStatus[];
	outcome: Outcome;
	reasons: string[];
	incidents: string[];
}

/** What a procès-verbal says: the content every member signs (its SHA-256 is what they sign). */
export interface RecordContent {
	/** Format 2 adds the accommodations, the jurors present, the candidates' numbers and the jury's own incidents. */
	format: 'soutenance.pv/1' | 'soutenance.pv/2';
	version: number;
	previous: { version: number; sha256: string; reason: string } | null;
	certifier: string;
	certification: { title: string; rncpCode: string; level: number };
	session: { id: string; name: string; timezone: string; dates: string[]; places: string[]; mode: SessionMode };
	jury: { id: string; label: string; members: { id: string; name: string; president: boolean; external: boolean | null }[] };
	/** What happened to the jury itself: a member replaced after the planning was published (format 2). */
	juryIncidents?: string[];
	rule: string;
	blockCode: string;
	blockTitles: Record<string, string>;
	candidates: RecordCandidate[];
}

export interface RecordSignature {
	name: string;
	signedAt: string;
}

/** The reasons of a candidate's decision: blocks not validated and why, then the jury's written justifications. */
export function decisionReasons(
	candidate: Pick<RecordCandidate, 'absent' | 'competencies' | 'block' | 'blocks'>,
	defendedBlock: string
): string[] {
	const reasons: string[] = [];
	if (candidate.absent) reasons.push(t.reasons.absent);
	const missing = candidate.blocks.filter((block) => !block.known).map((block) => block.blockCode);
	for (const block of candidate.blocks) {
		if (block.validated || !block.known) continue;
		const notAcquired =
			block.blockCode === defendedBlock
				? candidate.competencies.filter((competency) => !competency.acquired).map((competency) => competency.code)
				: [];
		reasons.push(t.reasons.blockNotValidated(block.blockCode, notAcquired));
	}
	if (missing.length > 0) reasons.push(t.reasons.blockMissing(missing));
	for (const competency of candidate.competencies)
		if (competency.justification) reasons.push(`${competency.code} : ${competency.justification}`);
	if (candidate.block?.justification) reasons.push(`${candidate.block.code} : ${candidate.block.justification}`);
	return reasons;
}

/**
 * A change of jury member: between two published plans, who left the jury and who joined it, as
 * the later publication made it so (composing the juries before the first one is no incident).
 */
export function compositionChanges(
	plans: readonly { publishedAt: Date; juries: readonly { id: string; members: readonly string[] }[] }[],
	juryId: string
): { at: Date; left: string[]; joined: string[] }[] {
	const changes: { at: Date; left: string[]; joined: string[] }[] = [];
	for (let index = 1; index < plans.length; index++) {
		const before = plans[index - 1].juries.find((jury) => jury.id === juryId)?.members ?? [];
		const after = plans[index].juries.find((jury) => jury.id === juryId)?.members ?? [];
		const left = before.filter((member) => !after.includes(member));
		const joined = after.filter((member) => !before.includes(member));
		if (left.length > 0 || joined.length > 0) changes.push({ at: plans[index].publishedAt, left, joined });
	}
	return changes;
}

/** "13 min 20 s", "45 s": a duration the timer recorded. */
export function durationText(seconds: number): string {
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	return minutes > 0 ? `${minutes} min ${String(rest).padStart(2, '0')} s` : `${rest} s`;
}

/** "2 min 05 s" for an overrun. */
export function overrunText(seconds: number): string {
	return `+${durationText(seconds)}`;
}

/** What a candidate sees of their own published results for one session. */
export interface CandidateResultsView {
	sessionId: string;
	sessionName: string;
	appealUntil: string;
	outcome: string;
	blocks: { code: string; title: string; validated: boolean; known: boolean; origin: string | null }[];
}
