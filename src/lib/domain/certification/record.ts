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

export interface RecordCandidate {
	id: string;
	name: string;
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
	format: 'soutenance.pv/1';
	version: number;
	previous: { version: number; sha256: string; reason: string } | null;
	certifier: string;
	certification: { title: string; rncpCode: string; level: number };
	session: { id: string; name: string; timezone: string; dates: string[]; places: string[]; mode: SessionMode };
	jury: { id: string; label: string; members: { id: string; name: string; president: boolean; external: boolean | null }[] };
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

/** "2 min 05 s" for an overrun. */
export function overrunText(seconds: number): string {
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	return minutes > 0 ? `+${minutes} min ${String(rest).padStart(2, '0')} s` : `+${rest} s`;
}

/** What a candidate sees of their own published results for one session. */
export interface CandidateResultsView {
	sessionId: string;
	sessionName: string;
	appealUntil: string;
	outcome: string;
	blocks: { code: string; title: string; validated: boolean; known: boolean; origin: string | null }[];
}
