import type { Block, BlockRule, Referentiel } from '../referentiel/referentiel';

/** The jury's consolidated level: the median of the submitted levels, the lower one for an even count. */
export function consolidatedLevel(levels: readonly number[]): number | null {
	if (levels.length === 0) return null;
	const sorted = [...levels].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)];
}

export const DIVERGENCE_GAP = 2;

/** Levels two or more apart on one competency: the jurors at both ends, for the jury to discuss. */
export function divergence(levels: readonly { jurorId: string; level: number }[]): { divergent: boolean; jurorIds: string[] } {
	if (levels.length < 2) return { divergent: false, jurorIds: [] };
	const values = levels.map((entry) => entry.level);
	const low = Math.min(...values);
	const high = Math.max(...values);
	if (high - low < DIVERGENCE_GAP) return { divergent: false, jurorIds: [] };
	return { divergent: true, jurorIds: levels.filter((entry) => entry.level === low || entry.level === high).map((entry) => entry.jurorId) };
}

export function isAcquiredLevel(level: number | null, acquiredFrom: number): boolean {
	return level !== null && level >= acquiredFrom;
}

/**
 * Whether a block is validated from its competencies' decisions. "all": every competency acquired.
 * "atLeast": at least `count` acquired and none with a level below `noneBelow`.
 */
export function blockValidated(rule: BlockRule, competencies: readonly { acquired: boolean; level: number | null }[]): boolean {
	if (competencies.length === 0) return false;
	if (rule.kind === 'all') return competencies.every((competency) => competency.acquired);
	const acquired = competencies.filter((competency) => competency.acquired).length;
	const floor = rule.noneBelow;
	const tooLow = floor !== undefined && competencies.some((competency) => competency.level === null || competency.level < floor);
	return acquired >= rule.count && !tooLow;
}

/**
 * Why the rule proposes what it does for a block: the competencies not acquired and, for an
 * "atLeast" rule with a floor, those below it. The proposal itself is `blockValidated`.
 */
export function blockProposalReasons(
	rule: BlockRule,
	competencies: readonly { code: string; acquired: boolean; level: number | null }[]
): { validated: boolean; notAcquired: string[]; belowFloor: string[] } {
	const floor = rule.kind === 'atLeast' ? rule.noneBelow : undefined;
	return {
		validated: blockValidated(rule, competencies),
		notAcquired: competencies.filter((competency) => !competency.acquired).map((competency) => competency.code),
		belowFloor:
			floor === undefined
				? []
				: competencies.filter((competency) => competency.level === null || competency.level < floor).map((competency) => competency.code)
	};
}

export interface CompetencyProposal {
	code: string;
	consolidated: number | null;
	proposedAcquired: boolean;
}

/** What the référentiel's rules propose for one candidate, from the jurors' submitted levels. */
export function proposeForCandidate(
	referentiel: Referentiel,
	block: Block,
	levelsByCompetency: Record<string, number[]>
): { competencies: CompetencyProposal[]; blockValidated: boolean } {
	const competencies = block.competencies.map((competency) => {
		const consolidated = consolidatedLevel(levelsByCompetency[competency.code] ?? []);
		return { code: competency.code, consolidated, proposedAcquired: isAcquiredLevel(consolidated, referentiel.scale.acquiredFrom) };
	});
	return {
		competencies,
		blockValidated: blockValidated(
			block.rule,
			competencies.map((competency) => ({ acquired: competency.proposedAcquired, level: competency.consolidated }))
		)
	};
}

/** The block the president proposes after the competency decisions (which may differ from the levels' proposal). */
export function blockProposalFromDecisions(
	block: Block,
	decisions: readonly { code: string; acquired: boolean; level: number | null }[]
): boolean {
	return blockValidated(
		block.rule,
		block.competencies.map((competency) => {
			const decision = decisions.find((entry) => entry.code === competency.code);
			return { acquired: decision?.acquired ?? false, level: decision?.level ?? null };
		})
	);
}

export interface DecisionInput {
	code: string;
	proposed: boolean;
	decided: boolean;
	justification: string;
}

export const MAX_JUSTIFICATION_LENGTH = 2000;

/** Codes whose decision differs from the proposal without a written justification. */
export function unjustifiedDecisions(decisions: readonly DecisionInput[]): string[] {
	return decisions
		.filter((decision) => decision.decided !== decision.proposed && decision.justification.trim() === '')
		.map((decision) => decision.code);
}

/** One block's status for a candidate, as one source tells it. */
export interface BlockRecord {
	blockCode: string;
	validated: boolean;
	/** When the block was decided (ISO date); used to order records. */
	on: string | null;
	origin: string;
}

export interface BlockStatus {
	blockCode: string;
	validated: boolean;
	/** The record that made the block validated (the earliest), or the latest one otherwise. */
	origin: string | null;
	on: string | null;
	known: boolean;
}

/**
 * Folds every record of a candidate's blocks (earlier sessions, imports, the jury's decision) into
 * one status per block: a block validated once stays validated, whatever comes later.
 */
export function blockStatuses(blockCodes: readonly string[], records: readonly BlockRecord[]): BlockStatus[] {
	return blockCodes.map((blockCode) => {
		const mine = records.filter((record) => record.blockCode === blockCode).sort((a, b) => (a.on ?? '').localeCompare(b.on ?? ''));
		const validated = mine.find((record) => record.validated);
		const shown = validated ?? mine.at(-1);
		return { blockCode, validated: Boolean(validated), origin: shown?.origin ?? null, on: shown?.on ?? null, known: mine.length > 0 };
	});
}

export type Outcome = 'titre' | 'partielle' | 'non_admis' | 'absent';

export interface CertificationDecision {
	outcome: Outcome;
	validatedBlocks: string[];
	blocks: BlockStatus[];
}

/**
 * The certification decision from all the title's blocks: titre obtenu when every block is
 * validated (counting earlier sessions), absent when the candidate did not defend, validation
 * partielle when some blocks are validated, non admis when none is.
 */
export function certificationDecision(
	blockCodes: readonly string[],
	records: readonly BlockRecord[],
	absent: boolean
): CertificationDecision {
	const blocks = blockStatuses(blockCodes, records);
	const validatedBlocks = blocks.filter((block) => block.validated).map((block) => block.blockCode);
	let outcome: Outcome;
	if (validatedBlocks.length === blockCodes.length && blockCodes.length > 0) outcome = 'titre';
	else if (absent) outcome = 'absent';
	else if (validatedBlocks.length > 0) outcome = 'partielle';
	else outcome = 'non_admis';
	return { outcome, validatedBlocks, blocks };
}

/** Each juror's mean level against the jury's consolidated level on the same grids: positive is lenient, negative severe. */
export function jurorSeverity(
	entries: readonly { jurorId: string; level: number; consolidated: number }[]
): { jurorId: string; meanLevel: number; meanGap: number; count: number }[] {
	const byJuror = new Map<string, { sum: number; gap: number; count: number }>();
	for (const entry of entries) {
		const total = byJuror.get(entry.jurorId) ?? { sum: 0, gap: 0, count: 0 };
		total.sum += entry.level;
		total.gap += entry.level - entry.consolidated;
		total.count++;
		byJuror.set(entry.jurorId, total);
	}
	return [...byJuror].map(([jurorId, total]) => ({
		jurorId,
		meanLevel: total.sum / total.count,
		meanGap: total.gap / total.count,
		count: total.count
	}));
}
