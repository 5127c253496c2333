import type { Transaction } from 'kysely';
import { changeClock } from '$lib/domain/scoring/changes';
import type { DB } from '../db/schema';
import { createSheets, applyEntryChange, setSubmitted, sheetsOf } from '../scoring/scoring-repository';
import { blockRecordsOf, referentielOf } from '../results/certification-service';
import { findSessionForResults, upsertBlockResults, sessionCandidates } from '../results/results-repository';
import { publishInTransaction } from '../results/results-service';
import { defensesOfJuries, juryMembersWithProfile } from './deliberation-repository';
import { decideInTransaction, decisionField, deliberationView, justificationField, signInTransaction } from './deliberation-service';

export interface DemoDeliberationOptions {
	/** A random source in [0, 1): the same one gives the same scores. */
	rng: () => number;
	/** When the jurors sign (default: now). */
	signedAt?: Date;
	/** The coordinator who publishes the results; results stay unpublished when omitted. */
	publishedBy?: string | null;
	/** Appeal deadline (YYYY-MM-DD) stated at publication (default: two months after `signedAt`). */
	appealUntil?: string;
	/** The app's address, for the link in the candidates' e-mails. */
	origin?: string;
	/** Candidates who get every level at "acquise" or above and BC01–BC05 validated (they obtain the title). */
	strongCandidateIds?: string[];
}

/**
 * Deliberates a past demo session whose defenses exist: every juror submits a grid for every
 * candidate heard (absent defenses excepted), each president decides per the proposal, BC01–BC05
 * results are recorded, every member signs each jury's record, then the results are published.
 */
export async function deliberateDemoSession(trx: Transaction<DB>, sessionId: string, options: DemoDeliberationOptions): Promise<void> {
	const { rng } = options;
	const signedAt = options.signedAt ?? new Date();
	const session = await findSessionForResults(trx, sessionId);
	if (!session) throw new Error(`Session ${sessionId} introuvable`);
	const referentiel = await referentielOf(trx, session.referentielId);
	const block = referentiel.blocks.find((entry) => entry.code === session.blockCode)!;
	const levels = referentiel.scale.levels.map((level) => level.value).sort((a, b) => a - b);
	const top = levels.at(-1)!;
	const strong = new Set(options.strongCandidateIds ?? []);
	const pick = (values: number[]) => values[Math.floor(rng() * values.length)];

	const juryIds = (await trx.selectFrom('juries').select('id').where('session_id', '=', sessionId).execute()).map((row) => row.id);
	const defenses = (await defensesOfJuries(trx, juryIds)).filter((defense) => defense.status !== 'absent');
	let clock = signedAt.getTime() - 60 * 60_000;
	for (const defense of defenses) {
		const members = await juryMembersWithProfile(trx, defense.juryId);
		const ability = new Map(defense.candidates.map((candidate) => [candidate.id, strong.has(candidate.id) ? top : pick([1, 2, 2, 3])]));
		for (const member of members) {
			await createSheets(trx, defense.id, member.id, defense.candidates.map((candidate) => candidate.id));
			for (const sheet of await sheetsOf(trx, defense.id, member.id)) {
				for (const competency of block.competencies) {
					const base = ability.get(sheet.candidateId)!;
					const noisy = strong.has(sheet.candidateId) ? pick([top - 1, top]) : base + pick([-1, 0, 0, 1]);
					const level = Math.min(top, Math.max(levels[0], noisy));
					const changeId = crypto.randomUUID();
					clock += 1000;
					await applyEntryChange(trx, { changeId, writer: { jurorId: member.id }, defenseId: defense.id, candidateId: sheet.candidateId, code: competency.code, field: 'level', value: level, clock: changeClock({ clientTime: clock, changeId }) });
				}
			}
			await setSubmitted(trx, defense.id, member.id, new Date(clock));
		}
		const view = await deliberationView(trx, members[0].id, defense.id);
		if (view.state !== 'open') throw new Error(`Délibération de ${defense.id} non ouverte`);
		const president = (await trx.selectFrom('juries').select('president_id').where('id', '=', defense.juryId).executeTakeFirstOrThrow()).president_id!;
		const form: Record<string, string> = {};
		for (const candidate of view.candidates) {
			for (const competency of candidate.competencies) form[decisionField(candidate.id, competency.code)] = competency.proposed ? 'oui' : 'non';
			// A divergence the jury settled in the candidate's favour, with the reason written down.
			const settled = candidate.competencies.find((competency) => competency.divergent && !competency.proposed && competency.consolidated === levels[1]);
			if (settled && !strong.has(candidate.id)) {
				form[decisionField(candidate.id, settled.code)] = 'oui';
				form[justificationField(candidate.id, settled.code)] = 'Compétence démontrée lors des questions, après échange du jury sur la divergence.';
			}
			const acquired = candidate.competencies.every((competency) => form[decisionField(candidate.id, competency.code)] === 'oui');
			form[decisionField(candidate.id, block.code)] = acquired ? 'oui' : 'non';
		}
		await decideInTransaction(trx, president, defense.id, form);
	}

	const candidates = (await sessionCandidates(trx, sessionId)).filter((candidate) => candidate.defenseId);
	const already = await blockRecordsOf(trx, candidates.map((candidate) => candidate.id));
	const others = referentiel.blocks.filter((entry) => entry.code !== block.code);
	await upsertBlockResults(
		trx,
		options.publishedBy ?? null,
		candidates.flatMap((candidate) =>
			others
				.filter((entry) => !(already.get(candidate.id) ?? []).some((record) => record.blockCode === entry.code && record.validated))
				.map((entry) => ({
					sessionId,
					candidateId: candidate.id,
					blockCode: entry.code,
					validated: strong.has(candidate.id) || rng() < 0.85,
					obtainedOn: new Date(signedAt.getTime() - 30 * 86_400_000).toISOString().slice(0, 10),
					origin: entry.evaluation.mode,
					source: 'demo' as const
				}))
		)
	);

	for (const juryId of juryIds) {
		if (!defenses.some((defense) => defense.juryId === juryId)) continue;
		const members = await juryMembersWithProfile(trx, juryId);
		for (const [index, member] of members.entries()) await signInTransaction(trx, member.id, juryId, new Date(signedAt.getTime() + index * 60_000));
	}

	if (options.publishedBy !== undefined) {
		const appealUntil = options.appealUntil ?? new Date(signedAt.getTime() + 61 * 86_400_000).toISOString().slice(0, 10);
		await publishInTransaction(trx, options.publishedBy, session, appealUntil, options.origin ?? 'http://localhost:3000');
	}
}
