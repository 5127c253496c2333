import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import type { DatabaseHandle } from '../db';
import { clearAllData } from '../db/clear';
import { insertUser } from '../auth/user-repository';
import { inTransaction } from '../db/transaction';
import { appendAudit, stageScoreSave, verifyAuditChain, type AuditAnchor } from './audit-repository';
import { chainScoreSaves, journalExport, journalPage, parseAnchor } from './journal-service';

let handle: DatabaseHandle;
beforeEach(async () => {
	handle = await freshDatabase();
});
afterEach(() => handle?.close());

const append = (step: number, note = `étape ${step}`) =>
	inTransaction(handle.db, (trx) =>
		appendAudit(trx, { actorId: null, action: 'test.step', entity: 'test', entityId: String(step), after: { note } })
	);

/** Six rows; the anchors a document would have printed after the third and the sixth. */
async function chainOfSix(): Promise<{ third: AuditAnchor; sixth: AuditAnchor }> {
	const anchors: AuditAnchor[] = [];
	for (let step = 1; step <= 6; step++) anchors.push(await append(step));
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
		for (let step = 3; step <= 6; step++) await append(step);
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
