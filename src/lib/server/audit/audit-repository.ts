import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { runBeforeCommit, type Executor } from '../db/transaction';
import { isUuid } from '../../domain/ids';

export interface AuditEntry {
	actorId: string | null;
	action: string;
	entity: string;
	entityId?: string | null;
	before?: unknown;
	after?: unknown;
	/** When it happened, if not now: a score save is chained shortly after it was written. */
	at?: Date;
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

/** A link of the chain as a document prints it: the row's id and its hash. */
export interface AuditAnchor {
	id: string;
	hash: string;
}

type ChainFields = Parameters<typeof rowHash>[1];

function chainFields(entry: AuditEntry): ChainFields {
	return {
		at: entry.at ?? new Date(),
		actorId: entry.actorId,
		action: entry.action,
		entity: entry.entity,
		entityId: entry.entityId ?? null,
		before: entry.before === undefined ? null : canonical(entry.before),
		after: entry.after === undefined ? null : canonical(entry.after)
	};
}

/** The entries a transaction of inTransaction has journaled so far and not yet chained. */
const queued = new WeakMap<Transaction<DB>, ChainFields[]>();

/**
 * Journals one entry of the use case: it is chained with the transaction's other entries in one
 * step just before the transaction commits, so the chain's head is locked for that step only and a
 * long use case (an import) does not make every other audited write wait for it. Outside
 * inTransaction it is chained at once.
 */
export async function appendAudit(trx: Transaction<DB>, entry: AuditEntry): Promise<void> {
	const queue = queued.get(trx);
	if (queue) queue.push(chainFields(entry));
	else if (runBeforeCommit(trx, () => chainQueued(trx))) queued.set(trx, [chainFields(entry)]);
	else await chainRows(trx, [chainFields(entry)]);
}

async function chainQueued(trx: Transaction<DB>): Promise<void> {
	const entries = queued.get(trx)!.splice(0);
	if (entries.length) await chainRows(trx, entries);
}

/**
 * Chains the transaction's entries so far and this one now, and returns this one's link for a
 * document to print. The head then stays locked until the transaction ends (nobody else extends the
 * chain meanwhile, so the printed link is the head at commit): keep what follows short.
 */
export async function appendAnchoredAudit(trx: Transaction<DB>, entry: AuditEntry): Promise<AuditAnchor> {
	const entries = [...(queued.get(trx)?.splice(0) ?? []), chainFields(entry)];
	return chainRows(trx, entries);
}

/** Rows per INSERT: nine parameters each, well under PostgreSQL's 65535. */
const CHAIN_CHUNK = 1000;

/** Locks the head, appends the rows in order, moves the head; the last row's link. */
async function chainRows(trx: Transaction<DB>, entries: ChainFields[]): Promise<AuditAnchor> {
	let previousHash = await lockHead(trx);
	let last: AuditAnchor | null = null;
	for (let start = 0; start < entries.length; start += CHAIN_CHUNK) {
		const values = entries.slice(start, start + CHAIN_CHUNK).map((fields) => {
			const hash = rowHash(previousHash, fields);
			const row = {
				at: fields.at,
				actor_id: fields.actorId,
				action: fields.action,
				entity: fields.entity,
				entity_id: fields.entityId,
				before: fields.before === null ? null : JSON.stringify(fields.before),
				after: fields.after === null ? null : JSON.stringify(fields.after),
				previous_hash: previousHash,
				hash
			};
			previousHash = hash;
			return row;
		});
		// The rows and the head's move in one statement; ids follow the order of the values.
		const { id } = await trx
			.with('appended', (db) => db.insertInto('audit_log').values(values).returning('id'))
			.updateTable('audit_head')
			.set({ hash: previousHash })
			.returning((eb) =>
				eb
					.selectFrom('appended')
					.select((inner) => inner.fn.max('id').as('id'))
					.as('id')
			)
			.executeTakeFirstOrThrow();
		last = { id: id!, hash: previousHash };
	}
	return last!;
}

/**
 * Locks the chain's head row until the transaction ends and reads it: one writer at a time extends
 * the chain. In read committed the lock waits for a concurrent append and then reads its hash; in
 * repeatable read or serializable it fails (40001, retried by inTransaction) if one committed after
 * the snapshot. A journal emptied with the demo has no head row: it starts again from the genesis.
 */
async function lockHead(trx: Transaction<DB>): Promise<string> {
	const lock = () => trx.selectFrom('audit_head').select('hash').forUpdate().execute();
	let rows = await lock();
	if (rows.length === 0) {
		await trx
			.insertInto('audit_head')
			.values({ hash: GENESIS })
			.onConflict((conflict) => conflict.doNothing())
			.execute();
		rows = await lock();
	}
	return rows[0].hash;
}

export type ChainVerification = { ok: true; rows: number } | { ok: false; rows: number; brokenAtId: string; reason: string };

type ChainRow = Awaited<ReturnType<typeof journalRows>>[number];

function journalRows(db: Executor) {
	return db.selectFrom('audit_log').selectAll().orderBy('id').execute();
}

/** Recomputes every hash from the first row; the index of the first row that breaks the chain, if any. */
function walkChain(rows: ChainRow[]): { brokenAt: number; reason: string } | null {
	let previousHash = GENESIS;
	for (const [index, row] of rows.entries()) {
		if (row.previous_hash !== previousHash) return { brokenAt: index, reason: 'maillon précédent introuvable' };
		const expected = rowHash(previousHash, {
			at: row.at,
			actorId: row.actor_id,
			action: row.action,
			entity: row.entity,
			entityId: row.entity_id,
			before: row.before,
			after: row.after
		});
		if (expected !== row.hash) return { brokenAt: index, reason: 'contenu modifié' };
		previousHash = row.hash;
	}
	return null;
}

/**
 * 'intact': the row exists with that hash and the chain verifies up to it; 'missing': the chain no
 * longer reaches it (shortened); 'rewritten': the row holds another hash (the chain was rewritten
 * from there or before); 'broken': the row matches but an earlier one no longer does.
 */
export type AnchorStatus = 'intact' | 'missing' | 'rewritten' | 'broken';

/**
 * Any edited, removed or reordered row breaks the chain, unless every later hash was recomputed
 * too, or the last rows were removed: only anchors printed elsewhere show that, so the anchors
 * given (row ids as decimal strings) are checked in the same pass.
 */
export async function verifyAuditChain(
	db: Executor,
	anchors: AuditAnchor[] = []
): Promise<ChainVerification & { anchors: AnchorStatus[] }> {
	const rows = await journalRows(db);
	const broken = walkChain(rows);
	const indexById = new Map(rows.map((row, index) => [row.id, index]));
	const statuses = anchors.map((anchor): AnchorStatus => {
		const index = indexById.get(anchor.id);
		if (index === undefined) return 'missing';
		if (rows[index].hash !== anchor.hash.toLowerCase()) return 'rewritten';
		return broken && broken.brokenAt <= index ? 'broken' : 'intact';
	});
	if (!broken) return { ok: true, rows: rows.length, anchors: statuses };
	return { ok: false, rows: rows.length, brokenAtId: rows[broken.brokenAt].id, reason: broken.reason, anchors: statuses };
}

/** Who did what to which object, from what to what: the columns the journal page and its export both show. */
const whoDidWhatColumns = [
	'users.email as actor',
	'users.display_name as actorName',
	'audit_log.action',
	'audit_log.entity',
	'audit_log.entity_id as entityId',
	'audit_log.before',
	'audit_log.after'
] as const;

/** Every row with its hashes, oldest first, for an export a reader can verify by themselves. */
export async function exportAudit(db: Executor) {
	return db
		.selectFrom('audit_log')
		.leftJoin('users', 'users.id', 'audit_log.actor_id')
		.select([
			'audit_log.id',
			'audit_log.at',
			'audit_log.actor_id as actorId',
			...whoDidWhatColumns,
			'audit_log.previous_hash as previousHash',
			'audit_log.hash'
		])
		.orderBy('audit_log.id')
		.execute();
}

export interface AuditRow {
	id: string;
	at: Date;
	actor: string | null;
	actorName: string | null;
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
		.select(['audit_log.id', 'audit_log.at', ...whoDidWhatColumns])
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

/**
 * Whether the connection's role may alter the journal's table, and so disable its triggers: its
 * owner, a member of the owner's role, or a superuser. The triggers alone protect it then.
 */
export async function journalAlterableByCurrentRole(db: Executor): Promise<boolean> {
	const { rows } = await sql<{ alterable: boolean }>`
		select r.rolsuper or pg_has_role(current_user, c.relowner, 'MEMBER') as alterable
		from pg_class c, pg_roles r
		where c.oid = 'audit_log'::regclass and r.rolname = current_user`.execute(db);
	return rows[0]?.alterable ?? true;
}

export interface ScoreSave {
	actorId: string;
	defenseId: string;
	changes: unknown;
}

/** A score save's journal row, waiting for the chainer: no lock, so saves never wait for each other. */
export async function stageScoreSave(db: Executor, save: ScoreSave): Promise<void> {
	await db
		.insertInto('score_journal')
		.values({ actor_id: save.actorId, defense_id: save.defenseId, changes: JSON.stringify(save.changes) })
		.execute();
}

/** The oldest score saves not yet in the chain, locked for this transaction (another chainer skips them). */
export async function waitingScoreSaves(trx: Transaction<DB>, limit: number) {
	return trx
		.selectFrom('score_journal')
		.select(['id', 'at', 'actor_id as actorId', 'defense_id as defenseId', 'changes'])
		.where('chained_at', 'is', null)
		.orderBy('id')
		.limit(limit)
		.forUpdate()
		.skipLocked()
		.execute();
}

export async function markScoreSavesChained(trx: Transaction<DB>, ids: string[], now: Date): Promise<void> {
	if (ids.length) await trx.updateTable('score_journal').set({ chained_at: now }).where('id', 'in', ids).execute();
}

/**
 * The names the journal's sentences need: each actor, and whom or what each entry is about (a
 * person, a session, a jury, a room, a defense's candidates). One query per kind of name, for the
 * whole page; an id that names nothing any more (a removed jury) is simply left out.
 */
export async function journalNames(db: Executor, rows: { entity: string; entityId: string | null }[]): Promise<Map<string, string>> {
	const ids = (kinds: string[]) => [
		...new Set(
			rows
				.filter((row) => kinds.includes(row.entity) && row.entityId)
				.flatMap((row) => row.entityId!.split('/'))
				.filter(isUuid)
		)
	];
	const people = ids(['user', 'juror_profile', 'session_juror', 'registration', 'conflict']);
	const sessions = ids(['exam_session', 'session_juror', 'registration']);
	const juries = ids(['jury']);
	const rooms = ids(['room']);
	const defenses = ids(['defense']);
	const names = new Map<string, string>();
	const [peopleRows, sessionRows, juryRows, roomRows, defenseRows] = await Promise.all([
		people.length ? db.selectFrom('users').select(['id', 'display_name as name']).where('id', 'in', people).execute() : [],
		sessions.length ? db.selectFrom('exam_sessions').select(['id', 'name']).where('id', 'in', sessions).execute() : [],
		juries.length ? db.selectFrom('juries').select(['id', 'label as name']).where('id', 'in', juries).execute() : [],
		rooms.length ? db.selectFrom('rooms').select(['id', 'name']).where('id', 'in', rooms).execute() : [],
		defenses.length
			? db
					.selectFrom('defense_candidates')
					.innerJoin('users', 'users.id', 'defense_candidates.candidate_id')
					.select([
						'defense_candidates.defense_id as id',
						sql<string>`string_agg(users.display_name, ' et ' order by users.display_name)`.as('name')
					])
					.where('defense_candidates.defense_id', 'in', defenses)
					.groupBy('defense_candidates.defense_id')
					.execute()
			: []
	]);
	for (const row of [...peopleRows, ...sessionRows, ...juryRows, ...roomRows, ...defenseRows]) names.set(row.id, row.name);
	return names;
}
