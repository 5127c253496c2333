import type { Defense } from '../../domain/planning/types';
import type { Executor } from '../db/transaction';

/*
 * The current plan of a session is its `defenses` rows (one per defense, with its candidates in
 * `defense_candidates`); there is no separate draft table. Publication snapshots these rows into
 * `plan_versions`. A defense keeps its id while it moves, so anything attached to it (scores,
 * timer) stays attached; `pinned` keeps it in place when the engine re-plans, and a status other
 * than `planned` (in progress, done, absent) keeps it in place too.
 */
export interface StoredDefense {
	id: string;
	juryId: string;
	startsAt: Date;
	endsAt: Date;
	pinned: boolean;
	status: string;
	candidates: string[];
}

export const candidateSetKey = (candidates: string[]) => [...candidates].sort().join(',');

export async function listDefenses(db: Executor, sessionId: string): Promise<StoredDefense[]> {
	const rows = await db
		.selectFrom('defenses')
		.leftJoin('defense_candidates', 'defense_candidates.defense_id', 'defenses.id')
		.select([
			'defenses.id',
			'defenses.jury_id as juryId',
			'defenses.starts_at as startsAt',
			'defenses.ends_at as endsAt',
			'defenses.pinned',
			'defenses.status',
			'defense_candidates.candidate_id as candidateId'
		])
		.where('defenses.session_id', '=', sessionId)
		.orderBy('defenses.starts_at')
		.orderBy('defenses.id')
		.execute();
	const byId = new Map<string, StoredDefense>();
	for (const { candidateId, ...defense } of rows) {
		const stored = byId.get(defense.id) ?? { ...defense, candidates: [] };
		if (candidateId) stored.candidates.push(candidateId);
		byId.set(defense.id, stored);
	}
	return [...byId.values()];
}

export interface ReplaceOutcome {
	inserted: number;
	moved: number;
	kept: number;
	removed: number;
}

/**
 * Makes the session's defenses equal to `defenses`: a defense of the same candidates keeps its
 * row (moved when its jury or times change), the others are inserted, and planned defenses that
 * are no longer in the plan are deleted. Defenses already started or over are never touched.
 */
export async function replaceDefenses(trx: Executor, sessionId: string, defenses: Defense[]): Promise<ReplaceOutcome> {
	const existing = await listDefenses(trx, sessionId);
	const byKey = new Map(existing.map((defense) => [candidateSetKey(defense.candidates), defense]));
	const wanted = new Set(defenses.map((defense) => candidateSetKey(defense.candidates)));
	const outcome: ReplaceOutcome = { inserted: 0, moved: 0, kept: 0, removed: 0 };

	const obsolete = existing
		.filter((defense) => defense.status === 'planned' && !wanted.has(candidateSetKey(defense.candidates)))
		.map((defense) => defense.id);
	if (obsolete.length) await trx.deleteFrom('defenses').where('id', 'in', obsolete).execute();
	outcome.removed = obsolete.length;

	for (const defense of defenses) {
		const startsAt = new Date(defense.start);
		const endsAt = new Date(defense.end);
		const current = byKey.get(candidateSetKey(defense.candidates));
		if (current) {
			const unchanged =
				current.juryId === defense.jury &&
				current.startsAt.getTime() === startsAt.getTime() &&
				current.endsAt.getTime() === endsAt.getTime();
			if (unchanged || current.status !== 'planned') outcome.kept++;
			else {
				await trx
					.updateTable('defenses')
					.set({ jury_id: defense.jury, starts_at: startsAt, ends_at: endsAt })
					.where('id', '=', current.id)
					.execute();
				outcome.moved++;
			}
			continue;
		}
		const { id } = await trx
			.insertInto('defenses')
			.values({ session_id: sessionId, jury_id: defense.jury, starts_at: startsAt, ends_at: endsAt })
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('defense_candidates')
			.values(defense.candidates.map((candidate_id) => ({ defense_id: id, candidate_id })))
			.execute();
		outcome.inserted++;
	}
	return outcome;
}

export async function updateDefensePlacement(
	trx: Executor,
	defenseId: string,
	placement: { juryId: string; startsAt: Date; endsAt: Date }
): Promise<void> {
	await trx
		.updateTable('defenses')
		.set({ jury_id: placement.juryId, starts_at: placement.startsAt, ends_at: placement.endsAt })
		.where('id', '=', defenseId)
		.execute();
}

export async function updateDefensePinned(trx: Executor, defenseId: string, pinned: boolean): Promise<void> {
	await trx.updateTable('defenses').set({ pinned }).where('id', '=', defenseId).execute();
}
