import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import type { DatabaseHandle } from '../db';
import { clearAllData } from '../db/clear';
import { insertUser } from '../auth/user-repository';
import { inTransaction } from '../db/transaction';
import { appendAnchoredAudit, appendAudit, stageScoreSave, verifyAuditChain, type AuditAnchor } from './audit-repository';
import { chainScoreSaves, journalExport, journalPage, parseAnchor } from './journal-service';

let handle: DatabaseHandle;
beforeEach(async () => {
	handle = await freshDatabase();
});
afterEach(() => handle?.close());

const step = (number: number, note = `étape ${number}`) => ({
	actorId: null,
	action: 'test.step',
	entity: 'test',
	entityId: String(number),
	after: { note }
});

/** One step journaled in its own transaction; the link a document printed in it would show. */
const append = (number: number, note?: string) => inTransaction(handle.db, (trx) => appendAnchoredAudit(trx, step(number, note)));

/** Six rows; the anchors a document would have printed after the third and the sixth. */
async function chainOfSix(): Promise<{ third: AuditAnchor; sixth: AuditAnchor }> {
	const anchors: AuditAnchor[] = [];
	for (let number = 1; number <= 6; number++) anchors.push(await append(number));
	return { third: anchors[2], sixth: anchors[5] };
}

/** What a superuser (or the tables' owner) can do: the journal's triggers off for one transaction. */
function tamper(statements: (trx: Parameters<typeof appendAudit>[0]) => Promise<void>) {
	return handle.db.transaction().execute(async (trx) => {
		await sql`alter table audit_log disable trigger user`.execute(trx);
		await statements(trx);
		await sql`alter table audit_log enable trigger user`.execute(trx);
	});
}

const statuses = async (...anchors: AuditAnchor[]) => (await verifyAuditChain(handle.db, anchors)).anchors;

describe('the journal refuses TRUNCATE', () => {
	it('on the table itself and through a cascade from the accounts it references', async () => {
		await chainOfSix();
		await expect(sql`truncate audit_log`.execute(handle.db)).rejects.toThrow(/append-only/);
		await expect(sql`truncate users cascade`.execute(handle.db)).rejects.toThrow(/append-only/);
		expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, rows: 6 });
	});
});

describe('the demo’s reset, run as the tables’ owner', () => {
	it('empties the journal, which starts again from the genesis and verifies', async () => {
		await chainOfSix();
		await clearAllData(handle.db);
		expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, rows: 0 });
		await append(1);
		await expect(sql`truncate audit_log`.execute(handle.db)).rejects.toThrow(/append-only/);
		expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, rows: 1 });
	});
});

describe('score saves, staged without a lock then chained', () => {
	it('chains the waiting saves in order with the time they were written, and a staged row is never changed nor removed', async () => {
		const actorId = (await insertUser(handle.db, { email: 'juror@test.fr', displayName: 'Juré', role: 'juror' })).id;
		const defenseId = '00000000-0000-4000-8000-000000000002';
		await append(1);
		for (const level of [1, 2, 3]) await stageScoreSave(handle.db, { actorId, defenseId, changes: [{ field: 'level', value: level }] });
		const staged = await handle.db.selectFrom('score_journal').select(['id', 'at']).orderBy('id').execute();
		const scoreRows = () => handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'scores.save').orderBy('id').execute();
		expect(await scoreRows()).toEqual([]);

		const refusal = /written once/;
		await expect(sql`update score_journal set changes = '[]'`.execute(handle.db)).rejects.toThrow(refusal);
		await expect(sql`delete from score_journal`.execute(handle.db)).rejects.toThrow(refusal);
		await expect(sql`truncate score_journal`.execute(handle.db)).rejects.toThrow(refusal);

		expect(await chainScoreSaves(handle.db, 2)).toBe(2);
		expect(await chainScoreSaves(handle.db, 2)).toBe(1);
		expect(await chainScoreSaves(handle.db, 2)).toBe(0);
		const chained = await scoreRows();
		expect(chained.map((row) => (row.after as { changes: { value: number }[] }).changes[0].value)).toEqual([1, 2, 3]);
		expect(chained.map((row) => row.at.getTime())).toEqual(staged.map((row) => row.at.getTime()));
		expect(chained.every((row) => row.actor_id === actorId && row.entity_id === defenseId)).toBe(true);
		await expect(sql`update score_journal set chained_at = now()`.execute(handle.db)).rejects.toThrow(refusal);
		expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, rows: 4 });
	});
});

describe('an anchor printed in a document', () => {
	it('matches the journal as it was written', async () => {
		const { third, sixth } = await chainOfSix();
		expect(sixth.id).toBe(
			(
				await handle.db
					.selectFrom('audit_log')
					.select(({ fn }) => fn.max('id').as('id'))
					.executeTakeFirstOrThrow()
			).id
		);
		expect(await statuses(third, sixth)).toEqual(['intact', 'intact']);
	});

	it('no longer matches once the last rows are deleted, though the shortened chain still verifies', async () => {
		const { third, sixth } = await chainOfSix();
		await tamper(async (trx) => {
			await trx.deleteFrom('audit_log').where('id', '>', third.id).execute();
		});
		const verified = await verifyAuditChain(handle.db, [third, sixth]);
		expect(verified).toMatchObject({ ok: true, rows: 3 });
		expect(verified.anchors).toEqual(['intact', 'missing']);
	});

	it('no longer matches once a row is rewritten and every later hash recomputed, though the chain still verifies', async () => {
		const { third, sixth } = await chainOfSix();
		// Rows 2 to 6 deleted, the numbering and the head put back, then written again with the app's
		// own code, row 2 changed: the same ids, a chain that verifies from the first row to the last.
		const first = await handle.db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id').limit(1).executeTakeFirstOrThrow();
		await tamper(async (trx) => {
			await trx.deleteFrom('audit_log').where('id', '>', first.id).execute();
			await sql`select setval(pg_get_serial_sequence('audit_log', 'id'), ${first.id}::bigint)`.execute(trx);
			await trx.updateTable('audit_head').set({ hash: first.hash }).execute();
		});
		await append(2, 'étape 2, réécrite');
		for (let number = 3; number <= 6; number++) await append(number);
		const ids = (await handle.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((row) => row.id);
		expect(ids).toContain(third.id);
		expect(ids.at(-1)).toBe(sixth.id);
		const verified = await verifyAuditChain(handle.db, [third, sixth]);
		expect(verified).toMatchObject({ ok: true, rows: 6 });
		expect(verified.anchors).toEqual(['rewritten', 'rewritten']);
	});

	it('says the chain is broken before it when an earlier row was edited and the later hashes left alone', async () => {
		const { third, sixth } = await chainOfSix();
		await tamper(async (trx) => {
			await trx.updateTable('audit_log').set({ action: 'forged' }).where('id', '=', third.id).execute();
		});
		expect(await verifyAuditChain(handle.db, [third, sixth])).toMatchObject({
			ok: false,
			brokenAtId: third.id,
			anchors: ['broken', 'broken']
		});
	});
});

describe('the journal page and its export', () => {
	it('exports every row with its hashes and the head, and checks an anchor typed in', async () => {
		const { third, sixth } = await chainOfSix();
		const exported = await journalExport(handle.db, new Date('2026-12-03T10:00:00Z'));
		expect(exported).toMatchObject({ format: 'soutenance.journal/1', exportedAt: '2026-12-03T10:00:00.000Z', head: sixth });
		expect(exported.entries).toHaveLength(6);
		expect(exported.entries[3]).toMatchObject({ previousHash: third.hash, action: 'test.step', entityId: '4' });

		expect(parseAnchor(` 00${third.id} `, third.hash.toUpperCase())).toEqual(third);
		expect(parseAnchor('', '')).toBeNull();
		expect(parseAnchor('3', 'abc')).toBe('invalid');
		expect(parseAnchor('9'.repeat(19), third.hash)).toBe('invalid');
		expect((await journalPage(handle.db, { check: third })).check).toEqual({ anchor: third, status: 'intact' });
		expect((await journalPage(handle.db, { check: { id: '999', hash: third.hash } })).check).toMatchObject({ status: 'missing' });
		expect((await journalPage(handle.db, { check: { id: third.id, hash: sixth.hash } })).check).toMatchObject({ status: 'rewritten' });
		expect((await journalPage(handle.db, { check: 'invalid' })).check).toBe('invalid');
	});
});

// PGlite is one connection: two transactions cannot interleave there.
describe.skipIf(process.env.TEST_DRIVER !== 'postgres')('two appends at once', () => {
	it('never chain two rows to the same head, even from a serializable transaction whose snapshot predates the other', async () => {
		await append(1);
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		let snapshotTaken!: () => void;
		const taken = new Promise<void>((resolve) => (snapshotTaken = resolve));
		let attempts = 0;
		const late = inTransaction(
			handle.db,
			async (trx) => {
				attempts++;
				await trx.selectFrom('audit_log').select('id').execute();
				if (attempts === 1) {
					snapshotTaken();
					await released;
				}
				return appendAudit(trx, { actorId: null, action: 'test.late', entity: 'test' });
			},
			{ serializable: true }
		);
		await taken;
		await append(2);
		release();
		await late;
		expect(attempts).toBe(2);
		expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, rows: 3 });
	});
});

const head = () => handle.db.selectFrom('audit_head').select('hash').executeTakeFirstOrThrow();

describe('a transaction’s journal entries', () => {
	it('are chained in one step when it commits, in the order they were written, and not at all when it rolls back', async () => {
		const { sixth } = await chainOfSix();
		await inTransaction(handle.db, async (trx) => {
			await appendAudit(trx, step(7));
			await appendAudit(trx, step(8));
			expect(await trx.selectFrom('audit_log').select('id').execute()).toHaveLength(6);
		});
		await expect(
			inTransaction(handle.db, async (trx) => {
				await appendAudit(trx, step(9));
				throw new Error('annulé');
			})
		).rejects.toThrow('annulé');
		const rows = await handle.db.selectFrom('audit_log').select(['entity_id', 'previous_hash', 'hash']).orderBy('id').execute();
		expect(rows.map((row) => row.entity_id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
		expect(rows[6].previous_hash).toBe(sixth.hash);
		expect((await head()).hash).toBe(rows[7].hash);
		expect(await verifyAuditChain(handle.db, [sixth])).toMatchObject({ ok: true, rows: 8, anchors: ['intact'] });
	});

	it('past one INSERT’s worth (a thousand, as an import writes) still chain in order', async () => {
		await inTransaction(handle.db, async (trx) => {
			for (let number = 1; number <= 1001; number++) await appendAudit(trx, step(number));
		});
		const ids = (await handle.db.selectFrom('audit_log').select('entity_id').orderBy('id').execute()).map((row) => Number(row.entity_id));
		expect(ids).toEqual(Array.from({ length: 1001 }, (_, index) => index + 1));
		expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, rows: 1001 });
	});

	it('chained for a document before more are written: the link printed is the one in the chain', async () => {
		await append(1);
		const printed = await inTransaction(handle.db, async (trx) => {
			await appendAudit(trx, step(2));
			const anchor = await appendAnchoredAudit(trx, step(3));
			await appendAudit(trx, step(4));
			return anchor;
		});
		const rows = await handle.db.selectFrom('audit_log').select(['id', 'entity_id', 'hash']).orderBy('id').execute();
		expect(rows.map((row) => row.entity_id)).toEqual(['1', '2', '3', '4']);
		expect(printed).toEqual({ id: rows[2].id, hash: rows[2].hash });
		expect(await statuses(printed)).toEqual(['intact']);
	});
});

/** Whether the chain's head row is locked by the transaction `trx` itself (a row lock sets its xmax). */
async function headLockedBy(trx: Parameters<typeof appendAudit>[0]): Promise<boolean> {
	const { rows } = await sql<{ mine: boolean }>`
		select xmax::text = (txid_current() % 4294967296)::text as mine from audit_head`.execute(trx);
	return rows[0].mine;
}

describe('an audited write beside a long transaction', () => {
	it('is not held behind its work: the long one locks the chain’s head only to append, when it commits', async () => {
		await append(1);
		let workDone!: () => void;
		const work = new Promise<void>((resolve) => (workDone = resolve));
		let journaled!: () => void;
		const inWork = new Promise<void>((resolve) => (journaled = resolve));
		const events: string[] = [];
		let headHeldDuringWork: boolean | null = null;
		const long = inTransaction(handle.db, async (trx) => {
			await appendAudit(trx, step(2, 'import, début'));
			// Its work goes on (an import's thousand rows): the head is not this transaction's.
			headHeldDuringWork = await headLockedBy(trx);
			journaled();
			await work;
			await appendAudit(trx, step(4, 'import, fin'));
			events.push('long one’s work ends');
		});
		await inWork;
		try {
			expect(headHeldDuringWork).toBe(false);
			if (process.env.TEST_DRIVER === 'postgres') {
				// A second connection: the audited write commits while the long transaction is still open.
				// Were the head held, it would wait for the long one, and its lock_timeout end it.
				await inTransaction(handle.db, async (trx) => {
					await sql`set local lock_timeout = '10s'`.execute(trx);
					await appendAudit(trx, step(3, 'autre écriture'));
				});
				events.push('other write commits');
			}
		} finally {
			workDone();
		}
		await long;
		const rows = await handle.db.selectFrom('audit_log').select('entity_id').orderBy('id').execute();
		if (process.env.TEST_DRIVER === 'postgres') {
			expect(events).toEqual(['other write commits', 'long one’s work ends']);
			// The long one chained after the write that committed first.
			expect(rows.map((row) => row.entity_id)).toEqual(['1', '3', '2', '4']);
		} else expect(rows.map((row) => row.entity_id)).toEqual(['1', '2', '4']);
		expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
	});
});
