// npm run bench:jobs — where the time of an import and of a publication goes, and what the server's
// event loop and database connection do meanwhile. In one process, through the services, on the
// embedded database (default, in memory) or on PostgreSQL (BENCH_DRIVER=postgres, scratch database
// on BENCH_DATABASE_URL, dropped at the end). BENCH_CANDIDATES (default 1000) candidates are
// imported twice: as the single transaction the import was, then as the job's batches; a plan
// placing them (40 juries, 80 jurors, 5 days) is published; its messages are built on the main
// thread as before, then in the worker pool; then all of them go out through a local SMTP server.
// A probe runs a `select 1` every 25 ms throughout, as /api/health does: its wait shows how long a
// juror's autosave would have waited behind the work.
import { sql } from 'kysely';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { defaultReferentiel } from '../src/lib/domain/referentiel/referentiel';
import { insertUser } from '../src/lib/server/auth/user-repository';
import { connectPglite, type Database, type DatabaseHandle } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrator';
import { JOB_HANDLERS, runJobs } from '../src/lib/server/jobs';
import { findJob } from '../src/lib/server/jobs/job-repository';
import { inTransaction } from '../src/lib/server/db/transaction';
import { CANDIDATE_IMPORT_JOB, importCandidates } from '../src/lib/server/people/candidate-import-service';
import { closeSmtpConnections, dispatchOutbox } from '../src/lib/server/notifications/mailer';
import { buildMails, buildMailsInWorkers, closeMailWorkers } from '../src/lib/server/publication/publication-mail-worker';
import { insertDefense } from '../src/lib/server/publication/publication-repository';
import { publicationMessages, publishPlan } from '../src/lib/server/publication/publication-service';
import { syncReferentiels } from '../src/lib/server/referentiel/referentiel-repository';
import { startLocalSmtp } from '../tests/helpers/smtp';
import { migratedScratchDatabase } from './scratch-database';
import { tableRow } from './bench/table';

const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 1000);
const JURIES = 40;
const DAYS = ['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26'];
const driver = process.env.BENCH_DRIVER === 'postgres' ? 'postgres' : 'pglite';

let handle: DatabaseHandle;
let drop = async () => {};
if (driver === 'postgres') {
	const scratch = await migratedScratchDatabase(
		process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
		'bench_jobs',
		10
	);
	handle = { kind: 'postgres', db: scratch.db, close: async () => {} } as DatabaseHandle;
	drop = scratch.drop;
} else {
	handle = await connectPglite();
	await migrateToLatest(handle.db);
}
const db: Database = handle.db;
await syncReferentiels(db);
const coordinatorId = (await insertUser(db, { email: 'coord@bench.test', displayName: 'Coordination', role: 'coordinator' })).id;

async function newSession(name: string) {
	return (
		await db
			.insertInto('exam_sessions')
			.values({ referentiel_id: defaultReferentiel.id, name, timezone: 'Europe/Paris', place: '4 rue de la Bourse, 75002 Paris' })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
}

const csv = (domain: string) =>
	new TextEncoder().encode(
		[
			'Nom;Prénom;Email;Titre du projet;Fuseau horaire',
			...Array.from({ length: CANDIDATES }, (_, index) => `Nom${index};Prénom${index};c${index}@${domain};Projet ${index};Europe/Paris`)
		].join('\n')
	);

/**
 * `select 1` every 25 ms: how long each waited past its due time, event loop and connection
 * together. Stopping waits for the probe in flight: one held up by the work counts its whole wait.
 */
function startProbe() {
	const waits: number[] = [];
	let stopped = false;
	let inFlight: Promise<void> = Promise.resolve();
	// Due and not yet started when the work ends: the event loop never gave it its turn.
	let pendingDue: number | null = null;
	const tick = () => {
		const due = performance.now() + 25;
		pendingDue = due;
		setTimeout(() => {
			pendingDue = null;
			inFlight = sql`select 1`.execute(db).then(() => {
				waits.push(performance.now() - due);
				if (!stopped) tick();
			});
		}, 25);
	};
	tick();
	return async () => {
		stopped = true;
		if (pendingDue !== null && performance.now() > pendingDue) waits.push(performance.now() - pendingDue);
		await inFlight;
		const sorted = [...waits].sort((a, b) => a - b);
		const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
		return `${at(0.5).toFixed(0)} / ${at(0.99).toFixed(0)} / ${(sorted.at(-1) ?? 0).toFixed(0)}`;
	};
}

const rows: string[] = [];
async function step(label: string, work: () => Promise<unknown>) {
	const stop = startProbe();
	const started = performance.now();
	await work();
	const ms = performance.now() - started;
	rows.push(tableRow(label, (ms / 1000).toFixed(2), await stop()));
}

// The import as it was: every line in one transaction (the job's own writing, given the whole file at once).
const before = await newSession('Import en une transaction');
let queued = '';
await step(`import confirm, ${CANDIDATES} lines, request (check + queue)`, async () => {
	queued = (await importCandidates(db, coordinatorId, before, csv('avant.test'), 'avant.csv', 'http://localhost')).jobId;
});
const whole = (await findJob(db, queued))!;
await db.deleteFrom('jobs').where('id', '=', whole.id).execute();
await step(`import, ${CANDIDATES} lines in ONE transaction (as before)`, () =>
	inTransaction(db, (trx) => JOB_HANDLERS[CANDIDATE_IMPORT_JOB].write(trx, whole, { from: 0, to: whole.total }, undefined))
);

const sessionId = await newSession('Session du banc');
await step(`import confirm, ${CANDIDATES} lines, request (check + queue)`, () =>
	importCandidates(db, coordinatorId, sessionId, csv('apres.test'), 'apres.csv', 'http://localhost')
);
await step(`import job, ${CANDIDATES} lines, transactions sized to ~50 ms`, () => runJobs(db));

// A plan: JURIES juries of two jurors, each in its room, hearing its share of the candidates over 5 days.
await db
	.insertInto('session_days')
	.values(DAYS.map((day) => ({ session_id: sessionId, day, opens_at: '08:00', closes_at: '19:00' })))
	.execute();
const candidates = await db.selectFrom('registrations').select('candidate_id').where('session_id', '=', sessionId).execute();
const juries: string[] = [];
for (let index = 0; index < JURIES; index++) {
	const room = await db
		.insertInto('rooms')
		.values({ session_id: sessionId, name: `Salle ${index + 1}` })
		.returning('id')
		.executeTakeFirstOrThrow();
	const members = [];
	for (const seat of [0, 1])
		members.push(
			(await insertUser(db, { email: `jure${index}-${seat}@bench.test`, displayName: `Juré ${index}-${seat}`, role: 'juror' })).id
		);
	const jury = await db
		.insertInto('juries')
		.values({ session_id: sessionId, label: `J${index + 1}`, room_id: room.id, president_id: members[0] })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('jury_members')
		.values(members.map((juror_id) => ({ jury_id: jury.id, juror_id })))
		.execute();
	juries.push(jury.id);
}
for (const [index, { candidate_id }] of candidates.entries()) {
	const perJury = Math.floor(index / JURIES);
	const day = DAYS[Math.floor(perJury / 6) % DAYS.length];
	const start = new Date(`${day}T08:00:00+01:00`);
	start.setMinutes(start.getMinutes() + (perJury % 6) * 45);
	await insertDefense(db, {
		sessionId,
		juryId: juries[index % JURIES],
		start,
		end: new Date(start.getTime() + 30 * 60_000),
		candidates: [candidate_id]
	});
}

let jobId = '';
await step('publication confirm, request (check + version + queue)', async () => {
	jobId = (await publishPlan(db, coordinatorId, sessionId, 0)).jobId;
});
const messages = await publicationMessages(db, sessionId, 1);
const items = messages.items.filter((item) => item !== null);
await step(`${items.length} messages (PDF + ICS) built on the main thread (as before)`, () => buildMails({ ...messages, items }));
await step(`${items.length} messages built in the worker pool`, () => buildMailsInWorkers({ ...messages, items }));
await step(`publication job: ${items.length} messages built in workers, queued ≤ 50 a transaction`, () => runJobs(db));
const smtp = await startLocalSmtp();
const outbox = await db
	.selectFrom('outbox')
	.select((eb) => eb.fn.countAll<string>().as('n'))
	.executeTakeFirstOrThrow();
await step(`all ${outbox.n} queued messages sent through one pooled SMTP transport`, () => dispatchOutbox(db, smtp.url));
const job = await db.selectFrom('jobs').select(['status', 'done', 'total']).where('id', '=', jobId).executeTakeFirstOrThrow();

const load = loadavg()[0].toFixed(2);
console.log(`\nbench:jobs — ${driver}, ${CANDIDATES} candidates, ${JURIES} juries; ${new Date().toISOString()}; load ${load}\n`);
console.log(tableRow('step', 'seconds', 'probe wait p50 / p99 / max (ms)'));
console.log(tableRow('---', '---:', '---:'));
for (const row of rows) console.log(row);
console.log(`\npublication job: ${job.status}, ${job.done}/${job.total}; SMTP received ${smtp.messages.length} messages`);

closeSmtpConnections();
await smtp.close();
await closeMailWorkers();
await handle.close();
await drop();
