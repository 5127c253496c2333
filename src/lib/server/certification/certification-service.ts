import { referentiels, type Referentiel } from '$lib/domain/referentiel/referentiel';
import { fr } from '$lib/i18n/fr';
import type { RecordContent } from '$lib/domain/certification/record';
import { certificationDecision, type BlockRecord, type CertificationDecision } from '$lib/domain/certification/rules';
import { decisionReasons } from '$lib/domain/certification/record';
import type { Executor } from '../db/transaction';
import { findReferentiel } from '../referentiel/referentiel-repository';
import { latestLockedContents } from './deliberation-repository';
import {
	blockResultsOf,
	certificationHistory,
	insertCertification,
	juriesHearing,
	sessionCandidates,
	type CertificationRow
} from './results-repository';
import { juryName } from '$lib/i18n/fr/common';

export async function referentielOf(db: Executor, referentielId: string): Promise<Referentiel> {
	const referentiel = referentiels.find((entry) => entry.id === referentielId) ?? (await findReferentiel(db, referentielId));
	if (!referentiel) throw new Error(`Référentiel ${referentielId} introuvable`);
	return referentiel;
}

/**
 * Every record of these candidates' blocks: imported or entered results, and the defended block as
 * each jury's latest signed procès-verbal decided it (except `exceptJuryId`, being re-decided).
 */
export async function blockRecordsOf(db: Executor, candidateIds: string[], exceptJuryId?: string): Promise<Map<string, BlockRecord[]>> {
	const records = new Map<string, BlockRecord[]>(candidateIds.map((id) => [id, []]));
	for (const row of await blockResultsOf(db, candidateIds)) {
		records.get(row.candidateId)!.push({
			blockCode: row.blockCode,
			validated: row.validated,
			on: row.obtainedOn ?? row.recordedAt.toISOString().slice(0, 10),
			origin: row.origin || row.sessionName
		});
	}
	const hearing = (await juriesHearing(db, candidateIds)).filter((row) => row.juryId !== exceptJuryId);
	const contents = await latestLockedContents(db, [...new Set(hearing.map((row) => row.juryId))]);
	for (const { content } of contents) {
		const record = content as RecordContent;
		for (const candidate of record.candidates) {
			if (!records.has(candidate.id) || !candidate.block) continue;
			records.get(candidate.id)!.push({
				blockCode: candidate.block.code,
				validated: candidate.block.validated,
				on: record.session.dates[0] ?? null,
				origin: `${juryName(record.jury.label)}, ${record.session.name}`
			});
		}
	}
	return records;
}

export interface CandidateDecision {
	candidateId: string;
	decision: CertificationDecision;
	reasons: string[];
}

/**
 * The decision of each candidate of the session who can be decided now: absent from the defense,
 * or heard by a jury whose procès-verbal is signed. Others are pending.
 */
export async function currentDecisions(
	db: Executor,
	sessionId: string,
	referentiel: Referentiel,
	onlyCandidateIds?: string[]
): Promise<{ decided: CandidateDecision[]; pending: string[] }> {
	const candidates = (await sessionCandidates(db, sessionId, { ids: onlyCandidateIds })).filter((candidate) => candidate.defenseId);
	const juryIds = [...new Set(candidates.map((candidate) => candidate.juryId!))];
	const signed = new Map((await latestLockedContents(db, juryIds)).map((row) => [row.juryId, row.content as RecordContent]));
	const records = await blockRecordsOf(
		db,
		candidates.map((candidate) => candidate.id)
	);
	const blockCodes = referentiel.blocks.map((block) => block.code);
	const decided: CandidateDecision[] = [];
	const pending: string[] = [];
	for (const candidate of candidates) {
		const absent = candidate.defenseStatus === 'absent';
		const fromRecord = signed.get(candidate.juryId!)?.candidates.find((entry) => entry.id === candidate.id);
		if (!absent && !fromRecord) {
			pending.push(candidate.id);
			continue;
		}
		const missed = absent
			? [
					{
						blockCode: referentiel.epreuve.block,
						validated: false,
						on: candidate.defenseStart!.toISOString().slice(0, 10),
						origin: fr.certification.reasons.absent
					}
				]
			: [];
		const decision = certificationDecision(
			blockCodes,
			[...(records.get(candidate.id) ?? []), ...missed],
			absent || Boolean(fromRecord?.absent)
		);
		const reasons = decisionReasons(
			{
				absent: decision.outcome === 'absent',
				competencies: fromRecord?.competencies ?? [],
				block: fromRecord?.block ?? null,
				blocks: decision.blocks
			},
			referentiel.epreuve.block
		);
		decided.push({ candidateId: candidate.id, decision, reasons });
	}
	return { decided, pending };
}

function sameDecision(row: CertificationRow | undefined, next: CandidateDecision): boolean {
	return (
		Boolean(row) &&
		row!.outcome === next.decision.outcome &&
		JSON.stringify(row!.validatedBlocks) === JSON.stringify(next.decision.validatedBlocks) &&
		JSON.stringify(row!.reasons) === JSON.stringify(next.reasons)
	);
}

/** Appends a decision for each candidate whose decision changed, saying what caused it: that is the history. */
export async function recordDecisionChanges(
	trx: Executor,
	sessionId: string,
	referentiel: Referentiel,
	cause: string,
	actorId: string | null,
	candidateIds?: string[]
): Promise<number> {
	const { decided } = await currentDecisions(trx, sessionId, referentiel, candidateIds);
	const history = await certificationHistory(
		trx,
		sessionId,
		decided.map((entry) => entry.candidateId)
	);
	let changed = 0;
	for (const next of decided) {
		const latest = history.filter((row) => row.candidateId === next.candidateId).at(-1);
		if (sameDecision(latest, next)) continue;
		await insertCertification(trx, {
			sessionId,
			candidateId: next.candidateId,
			outcome: next.decision.outcome,
			validatedBlocks: next.decision.validatedBlocks,
			blocks: next.decision.blocks,
			reasons: next.reasons,
			cause,
			decidedBy: actorId
		});
		changed++;
	}
	return changed;
}
