import { printedAnchors } from '../certification/deliberation-repository';
import type { Database } from '../db/connect';
import { isDatabaseUnavailable } from '../db/unavailable';
import { inTransaction } from '../db/transaction';
import {
	appendAudit,
	exportAudit,
	journalNames,
	listAudit,
	markScoreSavesChained,
	verifyAuditChain,
	waitingScoreSaves,
	type AnchorStatus,
	type AuditAnchor
} from './audit-repository';

const PAGE_SIZE = 100;
const CHAIN_BATCH = 500;
const CHAIN_INTERVAL_MS = 1000;

/** Appends the score saves waiting in `score_journal` to the chain, oldest first; how many it chained. */
export async function chainScoreSaves(db: Database, limit = CHAIN_BATCH): Promise<number> {
	return inTransaction(db, async (trx) => {
		const waiting = await waitingScoreSaves(trx, limit);
		for (const save of waiting)
			await appendAudit(trx, {
				actorId: save.actorId,
				action: 'scores.save',
				entity: 'defense',
				entityId: save.defenseId,
				after: { juror: save.actorId, changes: save.changes },
				at: save.at
			});
		await markScoreSavesChained(
			trx,
			waiting.map((save) => save.id),
			new Date()
		);
		return waiting.length;
	});
}

/** Every score save written so far, in the chain: before the journal is read or a record is anchored to it. */
export async function chainAllScoreSaves(db: Database): Promise<void> {
	while ((await chainScoreSaves(db)) > 0);
}

/** Each server process chains the waiting score saves every second; stop() waits for a round in flight. */
export function startScoreJournalChainer(db: Database, intervalMs = CHAIN_INTERVAL_MS) {
	let round: Promise<void> = Promise.resolve();
	const timer = setInterval(() => {
		round = round.then(() =>
			chainAllScoreSaves(db).catch((error: unknown) => {
				if (!isDatabaseUnavailable(error)) console.error('Journal : échec de l’enchaînement des saisies de notes', error);
			})
		);
	}, intervalMs);
	return {
		async stop() {
			clearInterval(timer);
			await round;
		}
	};
}

/** An anchor typed into « Vérifier une empreinte »: null when both fields are empty, 'invalid' when either is malformed. */
export function parseAnchor(id: string | null, hash: string | null): AuditAnchor | 'invalid' | null {
	const idText = id?.trim() ?? '';
	const hashText = hash?.trim().toLowerCase() ?? '';
	if (!idText && !hashText) return null;
	// An audit id is a bigint: 18 digits always fit, more may not.
	if (!/^\d{1,18}$/.test(idText) || !/^[0-9a-f]{64}$/.test(hashText)) return 'invalid';
	return { id: BigInt(idText).toString(), hash: hashText };
}

/**
 * The coordinator's journal: a page of rows, the chain's verification, each anchor printed in a
 * signed procès-verbal with its status today, and the anchor typed in, if any.
 */
export async function journalPage(db: Database, options: { search?: string; beforeId?: string; check: AuditAnchor | 'invalid' | null }) {
	await chainAllScoreSaves(db);
	const printed = await printedAnchors(db);
	const checked = options.check && options.check !== 'invalid' ? options.check : null;
	const [rows, chain] = await Promise.all([
		listAudit(db, { limit: PAGE_SIZE, beforeId: options.beforeId, search: options.search }),
		verifyAuditChain(db, checked ? [...printed, checked] : printed)
	]);
	const { anchors: statuses, ...verification } = chain;
	const names = await journalNames(db, rows);
	return {
		rows: rows.map((row) => ({ ...row, targets: (row.entityId ?? '').split('/').map((id) => names.get(id) ?? null) })),
		chain: verification,
		printed: printed.map((anchor, index) => ({ ...anchor, status: statuses[index] })),
		check: options.check === 'invalid' ? ('invalid' as const) : checked && { anchor: checked, status: statuses.at(-1) as AnchorStatus },
		nextBeforeId: rows.length === PAGE_SIZE ? rows.at(-1)!.id : null
	};
}

/**
 * The whole journal as JSON, oldest first, with every row's hashes (a reader can recompute the
 * chain) and its head: kept with the file, the head shows later whether the journal was shortened
 * or rewritten since.
 */
export async function journalExport(db: Database, now = new Date()) {
	await chainAllScoreSaves(db);
	const entries = await exportAudit(db);
	const last = entries.at(-1);
	return {
		format: 'soutenance.journal/1',
		exportedAt: now.toISOString(),
		head: last ? { id: last.id, hash: last.hash } : null,
		entries: entries.map((entry) => ({ ...entry, at: entry.at.toISOString() }))
	};
}
