import { sql } from 'kysely';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { Executor } from '../db/transaction';

export interface AuditEntry {
	actorId: string | null;
	action: string;
	entity: string;
	entityId?: string | null;
	before?: unknown;
	after?: unknown;
}

const GENESIS = '0'.repeat(64);

function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((key) => [key, canonical((value as Record<string, unknown>)[key])])
		);
	}
	return value ?? null;
}

function rowHash(
	previousHash: string,
	row: { at: Date; actorId: string | null; action: string; entity: string; entityId: string | null; before: unknown; after: unknown }
): string {
	const payload = JSON.stringify(canonical({ ...row, at: row.at.toISOString(), previousHash }));
	return encodeHexLowerCase(sha256(new TextEncoder().encode(payload)));
}

/** Appends one row to the hash chain; must run inside the use case's transaction. */
export async function appendAudit(trx: Transaction<DB>, entry: AuditEntry): Promise<void> {
	// One writer at a time extends the chain, otherwise two rows could claim the same predecessor.
	await sql`select pg_advisory_xact_lock(hashtext('audit_log'))`.execute(trx);
	const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
	const previousHash = last?.hash ?? GENESIS;
	const at = new Date();
	const before = entry.before === undefined ? null : canonical(entry.before);
	const after = entry.after === undefined ? null : canonical(entry.after);
	const fields = {
		at,
		actorId: entry.actorId,
		action: entry.action,
		entity: entry.entity,
		entityId: entry.entityId ?? null,
		before,
		after
	};
	await trx
		.insertInto('audit_log')
		.values({
			at,
			actor_id: entry.actorId,
			action: entry.action,
			entity: entry.entity,
			entity_id: fields.entityId,
			before: before === null ? null : JSON.stringify(before),
			after: after === null ? null : JSON.stringify(after),
			previous_hash: previousHash,
			hash: rowHash(previousHash, fields)
		})
		.execute();
}

export type ChainVerification = { ok: true; rows: number } | { ok: false; rows: number; brokenAtId: string; reason: string };

/** Recomputes every hash from the first row: any edited, removed or reordered row breaks the chain. */
export async function verifyAuditChain(db: Executor): Promise<ChainVerification> {
	const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
	let previousHash = GENESIS;
	for (const row of rows) {
		if (row.previous_hash !== previousHash)
			return { ok: false, rows: rows.length, brokenAtId: row.id, reason: 'maillon précédent introuvable' };
		const expected = rowHash(previousHash, {
			at: row.at,
			actorId: row.actor_id,
			action: row.action,
			entity: row.entity,
			entityId: row.entity_id,
			before: row.before,
			after: row.after
		});
		if (expected !== row.hash) return { ok: false, rows: rows.length, brokenAtId: row.id, reason: 'contenu modifié' };
		previousHash = row.hash;
	}
	return { ok: true, rows: rows.length };
}

export interface AuditRow {
	id: string;
	at: Date;
	actor: string | null;
	action: string;
	entity: string;
	entityId: string | null;
	before: unknown;
	after: unknown;
}

export async function listAudit(db: Executor, options: { limit: number; beforeId?: string; search?: string }): Promise<AuditRow[]> {
	let query = db
		.selectFrom('audit_log')
		.leftJoin('users', 'users.id', 'audit_log.actor_id')
		.select([
			'audit_log.id',
			'audit_log.at',
			'users.email as actor',
			'audit_log.action',
			'audit_log.entity',
			'audit_log.entity_id as entityId',
			'audit_log.before',
			'audit_log.after'
		])
		.orderBy('audit_log.id', 'desc')
		.limit(options.limit);
	if (options.beforeId) query = query.where('audit_log.id', '<', options.beforeId);
	if (options.search) {
		const pattern = `%${options.search}%`;
		query = query.where((eb) =>
			eb.or([eb('audit_log.action', 'ilike', pattern), eb('audit_log.entity', 'ilike', pattern), eb('users.email', 'ilike', pattern)])
		);
	}
	return query.execute();
}
