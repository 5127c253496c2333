import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import { startLocalSmtp, type LocalSmtp } from '../../../../tests/helpers/smtp';
import type { DatabaseHandle } from '../db';
import { inTransaction } from '../db/transaction';
import { enqueueMail, pendingMail } from './outbox-repository';

const INSTANCE_SCRIPT = fileURLToPath(new URL('../../../../tests/helpers/outbox-instance.ts', import.meta.url));
const BATCH_SIZE = 5; // as tests/helpers/outbox-instance.ts claims

// Server instances are processes of their own, each with its own pool, on one PostgreSQL database
// (PGlite is one process's database: there is no second instance to run).
describe.skipIf(process.env.TEST_DRIVER !== 'postgres')('outbox workers of several server processes on one database', () => {
	let handle: DatabaseHandle;
	let smtp: LocalSmtp;
	const running = new Set<ChildProcess>();

	beforeAll(async () => {
		handle = await freshDatabase();
		smtp = await startLocalSmtp();
	});
	afterAll(async () => {
		await smtp?.close();
		await handle?.close();
	});
	beforeEach(async () => {
		await handle.db.deleteFrom('outbox').execute();
		smtp.messages.length = 0;
	});
	afterEach(async () => {
		await Promise.all([...running].map((child) => stop(child)));
	});

	async function startInstance(leaseMs: number): Promise<ChildProcess> {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', INSTANCE_SCRIPT, handle.pool!.options.connectionString!, smtp.url, String(leaseMs)],
			{
				stdio: ['ignore', 'pipe', 'inherit']
			}
		);
		running.add(child);
		child.once('exit', () => running.delete(child));
		await new Promise<void>((resolve, reject) => {
			child.once('exit', (code) => reject(new Error(`l’instance s’est arrêtée (${code}) avant d’être prête`)));
			child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
		});
		return child;
	}

	async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = once(child, 'exit');
		child.kill(signal);
		await exited;
	}

	const enqueueMany = (count: number) =>
		inTransaction(handle.db, async (trx) => {
			for (let i = 0; i < count; i++) await enqueueMail(trx, { to: `c${i}@exemple.fr`, subject: `Convocation ${i}`, text: 'Bonjour' });
		});

	const allSent = () => vi.waitFor(async () => expect(await pendingMail(handle.db)).toEqual([]), { timeout: 150_000, interval: 250 });

	function receivedCounts() {
		const counts = new Map<string, number>();
		for (const message of smtp.messages) counts.set(message.messageId, (counts.get(message.messageId) ?? 0) + 1);
		return counts;
	}

	it('two instances send each of 400 messages exactly once', async () => {
		await Promise.all([startInstance(30_000), startInstance(30_000)]);
		await enqueueMany(400);
		await allSent();
		const rows = await handle.db.selectFrom('outbox').select(['message_id', 'attempts', 'claimed_by']).execute();
		const counts = receivedCounts();
		expect(smtp.messages).toHaveLength(400);
		expect([...counts.values()].every((count) => count === 1)).toBe(true);
		expect(new Set(counts.keys())).toEqual(new Set(rows.map((row) => row.message_id)));
		expect(rows.every((row) => row.attempts === 1)).toBe(true);
		const perInstance = new Map<string, number>();
		for (const row of rows) perInstance.set(row.claimed_by!, (perInstance.get(row.claimed_by!) ?? 0) + 1);
		console.log('messages sent per instance:', [...perInstance.values()]);
	}, 180_000);

	it('an instance killed while sending: the other takes its messages over once their lease ends, under the same Message-ID', async () => {
		const doomed = await startInstance(1_500);
		await enqueueMany(300);
		await vi.waitFor(() => expect(smtp.messages.length).toBeGreaterThanOrEqual(20), { timeout: 60_000, interval: 20 });
		await stop(doomed, 'SIGKILL');
		const unmarked = await handle.db
			.selectFrom('outbox')
			.select('message_id')
			.where('sent_at', 'is', null)
			.where('claimed_until', 'is not', null)
			.execute();
		await startInstance(1_500);
		await allSent();

		const counts = receivedCounts();
		const rows = await handle.db.selectFrom('outbox').select(['message_id', 'sent_at']).execute();
		expect(new Set(counts.keys())).toEqual(new Set(rows.map((row) => row.message_id)));
		// Only a message the killed instance had on the wire (accepted, not yet marked) can arrive
		// twice, and then with its one Message-ID; never more than the batch it had claimed.
		const twice = [...counts].filter(([, count]) => count > 1).map(([id]) => id);
		expect(twice.length).toBeLessThanOrEqual(BATCH_SIZE);
		expect(twice.every((id) => unmarked.some((row) => row.message_id === id))).toBe(true);
		expect([...counts.values()].every((count) => count <= 2)).toBe(true);
		console.log(`killed with ${unmarked.length} messages claimed and not marked; ${twice.length} arrived twice`);
	}, 180_000);
});
