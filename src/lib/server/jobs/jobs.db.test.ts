import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, freshDatabase } from '../../../../tests/helpers/database';
import { startLocalSmtp, type LocalSmtp } from '../../../../tests/helpers/smtp';
import { defaultReferentiel } from '$lib/domain/referentiel/referentiel';
import type { DatabaseHandle } from '../db';
import { insertUser } from '../auth/user-repository';
import { verifyAuditChain } from '../audit/audit-repository';
import { closeSmtpConnections, dispatchOutbox } from '../notifications/mailer';
import { syncReferentiels } from '../referentiel/referentiel-repository';
import { importCandidates } from '../people/candidate-import-service';
import { claimJob, findJob, findSessionJob, lockJobAt } from './job-repository';
import { runJobs } from '.';

let handle: DatabaseHandle;
let smtp: LocalSmtp;
let coordinatorId: string;
let sessionId: string;

const ROWS = 250;
const file = new TextEncoder().encode(
	[
		'Nom;Prénom;Email;Titre du projet',
		...Array.from({ length: ROWS }, (_, index) => `Nom${index};Prénom${index};c${index}@jobs.test;Projet ${index}`)
	].join('\n')
);

async function newSession(name: string) {
	const session = await handle.db
		.insertInto('exam_sessions')
		.values({ referentiel_id: defaultReferentiel.id, name, timezone: 'Europe/Paris' })
		.returning('id')
		.executeTakeFirstOrThrow();
	return session.id;
}

beforeAll(async () => {
	handle = await freshDatabase();
	smtp = await startLocalSmtp();
	await syncReferentiels(handle.db);
	coordinatorId = (await insertUser(handle.db, { email: 'coord@jobs.test', displayName: 'Coord', role: 'coordinator' })).id;
	sessionId = await newSession('Session des travaux');
});
afterAll(async () => {
	closeSmtpConnections();
	await smtp?.close();
	await handle?.close();
});

const count = (table: 'registrations' | 'outbox') => countRows(handle.db, table);

describe('a job interrupted mid-way', () => {
	it('is taken over by another runner once its lease ends, goes on from its last batch and sends each message once', async () => {
		const { jobId } = await importCandidates(handle.db, coordinatorId, sessionId, file, 'liste.csv', 'http://localhost');
		expect(await count('registrations')).toBe(0);

		// The first instance writes three batches, then dies: its claim stays until the lease ends.
		await runJobs(handle.db, { instanceId: 'instance-a', maxBatches: 3 });
		const interrupted = (await findJob(handle.db, jobId))!;
		expect(interrupted).toMatchObject({ status: 'pending', claimed_by: 'instance-a' });
		expect(interrupted.done).toBeGreaterThan(0);
		expect(interrupted.done).toBeLessThan(ROWS);
		expect(await count('registrations')).toBe(interrupted.done);
		expect(await count('outbox')).toBe(interrupted.done);
		// Its invitations go out meanwhile, as the outbox worker sends them after each batch commits.
		await dispatchOutbox(handle.db, smtp.url);

		// While the lease holds, another instance leaves the job alone.
		expect(await runJobs(handle.db, { instanceId: 'instance-b' })).toBe(0);
		await handle.db
			.updateTable('jobs')
			.set({ claimed_until: sql<Date>`now() - interval '1 second'` })
			.where('id', '=', jobId)
			.execute();

		// A fresh runner takes it over and finishes it; the dead one could no longer write a batch.
		expect(await runJobs(handle.db, { instanceId: 'instance-b' })).toBe(1);
		expect(await lockJobAt(handle.db, jobId, 'instance-a', interrupted.done)).toBeUndefined();
		const job = await findJob(handle.db, jobId);
		expect(job).toMatchObject({ status: 'done', done: ROWS, failures: [], claimed_by: 'instance-b', claimed_until: null });
		expect(job!.result).toEqual({ imported: ROWS, created: ROWS, reused: 0 });
		expect(await count('registrations')).toBe(ROWS);
		await dispatchOutbox(handle.db, smtp.url);

		expect(await findSessionJob(handle.db, sessionId, jobId)).toMatchObject({ messages: String(ROWS), messagesSent: String(ROWS) });
		const recipients = smtp.messages.flatMap((message) => message.to);
		expect(recipients).toHaveLength(ROWS);
		expect(new Set(recipients).size).toBe(ROWS);
		const imports = await handle.db.selectFrom('audit_log').select('after').where('action', '=', 'candidate.import').execute();
		expect(imports).toHaveLength(1);
		expect(imports[0].after).toMatchObject({ candidates: ROWS, accountsCreated: ROWS });
		expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
		expect(await claimJob(handle.db, { instanceId: 'instance-c', leaseMs: 60_000 })).toBeUndefined();
	});

	it('keeps a line registered by hand since the file was checked as a failure and writes the others', async () => {
		const other = await newSession('Autre session');
		const { jobId } = await importCandidates(handle.db, coordinatorId, other, file, 'liste.csv', 'http://localhost');
		// c7 becomes staff between the check and the job: that line alone is refused.
		await handle.db.updateTable('users').set({ role: 'juror' }).where('email', '=', 'c7@jobs.test').execute();
		await runJobs(handle.db, { instanceId: 'instance-a' });
		const job = await findJob(handle.db, jobId);
		expect(job).toMatchObject({ status: 'done', done: ROWS });
		expect(job!.failures).toEqual([{ item: 'Ligne 9 (c7@jobs.test)', message: expect.stringContaining('c7@jobs.test') }]);
		expect(job!.result).toEqual({ imported: ROWS - 1, created: 0, reused: ROWS - 1 });
	});
});
