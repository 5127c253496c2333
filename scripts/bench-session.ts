// npm run bench:session [-- 1000 2000] [--driver=pglite|postgres] — a whole session at scale, through
// the services as the pages call them: N candidates (default 2000) on 60 juries over 5 days, a local
// SMTP server (smtp-server) receiving every message through the app's outbox worker. For each step
// (import confirm, planning, publication, results publication) it prints how long the call took,
// how long until its last message was accepted by the SMTP server, and what a probe saw meanwhile:
// `select 1` every 50 ms on the same database handle and event loop (what /api/health runs), timed
// from when it was due, so a blocked event loop or a busy embedded connection counts; and an audited
// write (one journal entry in its own transaction) every 200 ms. Then it starts the built server
// (npm run build) on that database and prints the size of the coordinator's pages on the wire and
// the RSS of the processes; on the embedded database, also the built server's RSS on a first start
// and a restart. A table, not a timed test.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { appendAudit } from '../src/lib/server/audit/audit-repository';
import { createUsersWithPassword } from '../src/lib/server/auth/account-service';
import { SESSION_COOKIE } from '../src/lib/server/auth/cookies';
import { SESSION_IDLE_MS } from '../src/lib/server/auth/session-service';
import { generateToken, tokenId } from '../src/lib/server/auth/tokens';
import { publishResults } from '../src/lib/server/certification/results-service';
import { prepareDatabase, type Database, type DatabaseHandle } from '../src/lib/server/db';
import { inTransaction } from '../src/lib/server/db/transaction';
import { runJob } from '../src/lib/server/jobs';
import { createJury } from '../src/lib/server/juries/jury-service';
import { closeSmtpConnections, startOutboxWorker } from '../src/lib/server/notifications/mailer';
import { importCandidates } from '../src/lib/server/people/candidate-import-service';
import { addExistingJuror, updateJurorProfile } from '../src/lib/server/people/juror-service';
import { currentRun, startPlanningRun } from '../src/lib/server/planning/schedule-service';
import { publishPlan } from '../src/lib/server/publication/publication-service';
import { addDay, addRoom, createSession } from '../src/lib/server/sessions/session-service';
import { startLocalSmtp } from '../tests/helpers/smtp';
import { migratedScratchDatabase } from './scratch-database';
import { startBuiltServer } from './scoring-bench-support';
import { sessionForm } from './bench/session-form';
import { tableRow } from './bench/table';

const JURIES = 60;
const DAYS = 5;
const PORT = Number(process.env.BENCH_PORT ?? 8700);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const args = process.argv.slice(2);
const sizes = args.filter((arg) => /^\d+$/.test(arg)).map(Number);
const driverArg = args.find((arg) => arg.startsWith('--driver='))?.slice('--driver='.length);
const drivers = driverArg ? [driverArg] : ['pglite', 'postgres'];
/** --import-only: the import step alone, to compare the audited write's wait behind it. */
const importOnly = args.includes('--import-only');

const MB = 1024 * 1024;
const rssOf = (pid: number | 'self') => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const percentile = (values: number[], p: number) => {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (value: number) => (Number.isNaN(value) ? '–' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`);
const spread = (values: number[]) =>
	`${ms(percentile(values, 50))} / ${ms(percentile(values, 99))} / ${ms(percentile(values, 100))} (${values.length})`;

/** Runs `run` every `intervalMs`, each timed from when it was due, until stop(). */
function probe(run: () => Promise<unknown>, intervalMs: number) {
	const times: number[] = [];
	let stopped = false;
	const loop = (async () => {
		let due = performance.now();
		while (!stopped) {
			await run();
			const end = performance.now();
			times.push(Math.max(0, end - due));
			due = Math.max(due + intervalMs, end);
			await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
		}
	})();
	return async () => {
		stopped = true;
		await loop;
		return times;
	};
}

interface Step {
	name: string;
	seconds: number;
	mailSeconds: number | null;
	mails: number;
	health: number[];
	audited: number[];
}

/** Messages queued and neither sent nor given up. */
async function unsent(db: Database): Promise<number> {
	const { count } = await db
		.selectFrom('outbox')
		.where('sent_at', 'is', null)
		.where('failed_at', 'is', null)
		.select((eb) => eb.fn.countAll<string>().as('count'))
		.executeTakeFirstOrThrow();
	return Number(count);
}

async function measured(db: Database, name: string, sent: () => number, work: () => Promise<unknown>): Promise<Step> {
	const before = sent();
	const stopHealth = probe(() => sql`select 1`.execute(db), 50);
	const stopAudit = probe(
		() => inTransaction(db, (trx) => appendAudit(trx, { actorId: null, action: 'bench.probe', entity: 'bench', entityId: name })),
		200
	);
	const started = performance.now();
	await work();
	const seconds = (performance.now() - started) / 1000;
	while ((await unsent(db)) > 0) await new Promise((resolve) => setTimeout(resolve, 100));
	const mails = sent() - before;
	const mailSeconds = mails ? (performance.now() - started) / 1000 : null;
	return { name, seconds, mailSeconds, mails, health: await stopHealth(), audited: await stopAudit() };
}

function candidatesCsv(count: number): Uint8Array {
	const lines = ['Nom;Prénom;Email;Promotion;Entreprise;Titre du projet;Fuseau horaire;Tiers-temps'];
	for (let index = 0; index < count; index++)
		lines.push(
			`Candidat${index};Prénom${index};candidat${index}@bench.test;Promo ${index % 20};Entreprise ${index % 400};` +
				`Projet de données n° ${index};Europe/Paris;non`
		);
	return new TextEncoder().encode(lines.join('\n'));
}

const dayAfter = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** Session, days, rooms, jurors (three per jury, two external) and juries, through the services. */
async function setUpSession(db: Database) {
	const [coordinatorId] = await createUsersWithPassword(
		db,
		null,
		[{ email: 'coordination@bench.test', displayName: 'Coordination', role: 'coordinator' }],
		'banc-d-essai-2026'
	);
	const jurorIds = await createUsersWithPassword(
		db,
		coordinatorId,
		Array.from({ length: JURIES * 3 }, (_, index) => ({ email: `jure${index}@bench.test`, displayName: `Juré ${index}`, role: 'juror' })),
		'banc-d-essai-2026'
	);
	// The new-session form as it comes, its durations the référentiel's.
	const sessionId = await createSession(db, coordinatorId, sessionForm({ name: 'Session de charge', place: 'Paris' }));
	const first = new Date(Date.now() + 30 * 86_400_000);
	for (let day = 0; day < DAYS; day++)
		await addDay(db, coordinatorId, sessionId, { date: dayAfter(first, day), opensAt: '09:00', closesAt: '18:00' });
	for (const [index, jurorId] of jurorIds.entries()) {
		await addExistingJuror(db, coordinatorId, sessionId, jurorId);
		await updateJurorProfile(db, coordinatorId, sessionId, jurorId, {
			company: `Jury ${index}`,
			expertise: '',
			external: index % 3 < 2 ? 'on' : undefined,
			presidentEligible: index % 3 === 0 ? 'on' : undefined
		});
	}
	for (let jury = 0; jury < JURIES; jury++) {
		const roomId = await addRoom(db, coordinatorId, sessionId, { name: `Salle ${jury + 1}`, remote: false, videoUrl: '' });
		const memberIds = jurorIds.slice(3 * jury, 3 * jury + 3);
		await createJury(db, coordinatorId, sessionId, { label: `Jury ${jury + 1}`, roomId, presidentId: memberIds[0], memberIds });
	}
	return { coordinatorId, sessionId, appealUntil: dayAfter(first, DAYS + 30) };
}

/** A use case that queues a job (the request's part), then that job run to its end, as the server's runner would. */
async function queuedAndRun(db: Database, queued: Promise<{ jobId: string }>): Promise<void> {
	const { jobId } = await queued;
	if (!(await runJob(db, jobId))) throw new Error(`job ${jobId} did not finish`);
}

async function runSteps(db: Database, size: number, sent: () => number) {
	const { coordinatorId, sessionId, appealUntil } = await setUpSession(db);
	const steps: Step[] = [];
	steps.push(
		await measured(db, 'import confirm', sent, () =>
			queuedAndRun(db, importCandidates(db, coordinatorId, sessionId, candidatesCsv(size), 'candidats.csv', ORIGIN))
		)
	);
	if (importOnly) return { steps, sessionId, token: '', placed: 0 };
	steps.push(
		await measured(db, 'planning', sent, async () => {
			const { finished } = await startPlanningRun(db, coordinatorId, sessionId, 'plan');
			await finished;
			const run = await currentRun(db, sessionId);
			if (run?.status !== 'done') throw new Error(`planning: ${run?.status} ${run?.error ?? ''}`);
		})
	);
	steps.push(await measured(db, 'publication', sent, () => queuedAndRun(db, publishPlan(db, coordinatorId, sessionId, 0))));
	// No deliberation here: every candidate is marked absent, which decides them, so that the results can be published.
	await db.updateTable('defenses').set({ status: 'absent' }).where('session_id', '=', sessionId).execute();
	steps.push(
		await measured(db, 'results publication', sent, () =>
			queuedAndRun(db, publishResults(db, coordinatorId, sessionId, appealUntil, ORIGIN))
		)
	);
	const placed = await db
		.selectFrom('defense_candidates')
		.innerJoin('defenses', 'defenses.id', 'defense_candidates.defense_id')
		.where('defenses.session_id', '=', sessionId)
		.select((eb) => eb.fn.countAll<string>().as('count'))
		.executeTakeFirstOrThrow();
	// The coordinator logged in, for the page sizes.
	const token = generateToken();
	await db
		.insertInto('auth_sessions')
		.values({ id: tokenId(token), user_id: coordinatorId, expires_at: new Date(Date.now() + SESSION_IDLE_MS) })
		.execute();
	return { steps, sessionId, token, placed: Number(placed.count) };
}

/** The page's bytes as sent when the browser accepts gzip and brotli, its encoding, and its size decoded. */
function pageOnTheWire(path: string, token: string): Promise<{ status: number; wire: number; encoding: string; ms: number }> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		http
			.get(
				`${ORIGIN}${path}`,
				{ headers: { cookie: `${SESSION_COOKIE}=${token}`, 'accept-encoding': 'gzip, deflate, br' } },
				(response) => {
					let wire = 0;
					response.on('data', (chunk: Buffer) => (wire += chunk.length));
					response.on('end', () =>
						resolve({
							status: response.statusCode ?? 0,
							wire,
							encoding: String(response.headers['content-encoding'] ?? 'aucune'),
							ms: performance.now() - started
						})
					);
				}
			)
			.on('error', reject);
	});
}

async function benchOne(driver: string, size: number) {
	const smtp = await startLocalSmtp();
	process.env.SMTP_URL = smtp.url;
	const dataDir = driver === 'pglite' ? mkdtempSync(join(tmpdir(), 'soutenance-bench-')) : null;
	const rssBefore = rssOf('self');
	let databaseUrl = '';
	let drop = async () => {};
	let handle: DatabaseHandle;
	if (dataDir) handle = await prepareDatabase({ ...process.env, DATABASE_URL: '', DATA_DIR: dataDir });
	else {
		const scratch = await migratedScratchDatabase(
			process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
			'soutenance_bench_session',
			10
		);
		databaseUrl = scratch.databaseUrl;
		drop = scratch.drop;
		handle = await prepareDatabase({ ...process.env, DATABASE_URL: databaseUrl });
	}
	const rssStarted = rssOf('self');
	const worker = await startOutboxWorker(handle, { smtpUrl: smtp.url });
	let run: Awaited<ReturnType<typeof runSteps>>;
	try {
		run = await runSteps(handle.db, size, () => smtp.messages.length);
	} finally {
		await worker.stop();
		closeSmtpConnections();
	}
	const rssAfter = rssOf('self');
	const wasm = handle.pglite ? (handle.pglite as unknown as { mod?: { HEAP8?: Int8Array } }).mod?.HEAP8?.byteLength : undefined;
	await handle.close();
	await smtp.close();

	console.log(`\n#### ${size} candidates, ${JURIES} juries × ${DAYS} days, ${driver === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'}`);
	console.log(`${run.placed} candidates placed; load average before the run: ${loadBefore}\n`);
	console.log(tableRow('step', 'call', 'mail out (count)', 'health p50 / p99 / max (probes)', 'audited write p50 / p99 / max (probes)'));
	console.log(tableRow('---', '---:', '---:', '---:', '---:'));
	for (const step of run.steps)
		console.log(
			tableRow(
				step.name,
				ms(step.seconds * 1000),
				step.mailSeconds === null ? '–' : `${ms(step.mailSeconds * 1000)} (${step.mails})`,
				spread(step.health),
				spread(step.audited)
			)
		);

	if (importOnly) {
		await drop();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
		return;
	}
	const server = await startBuiltServer(databaseUrl, PORT, dataDir ? { DATA_DIR: dataDir } : {});
	try {
		const serverStarted = rssOf(server.pid);
		const base = `/coordination/sessions/${run.sessionId}`;
		console.log('');
		console.log(tableRow('page', 'status', 'on the wire', 'encoding', 'time'));
		console.log(tableRow('---', '---:', '---:', '---', '---:'));
		for (const page of ['planning', 'resultats', 'candidats']) {
			const answer = await pageOnTheWire(`${base}/${page}`, run.token);
			console.log(tableRow(page, answer.status, `${(answer.wire / 1024).toFixed(0)} kB`, answer.encoding, ms(answer.ms)));
		}
		const serverAfter = rssOf(server.pid);
		console.log('');
		console.log(tableRow('RSS', 'MB'));
		console.log(tableRow('---', '---:'));
		console.log(tableRow('bench process before the database', rssBefore.toFixed(0)));
		console.log(tableRow(`bench process, database open${dataDir ? ' (PGlite in it)' : ''}`, rssStarted.toFixed(0)));
		console.log(tableRow('bench process after the steps', rssAfter.toFixed(0)));
		if (wasm) console.log(tableRow('PGlite WebAssembly memory after the steps', (wasm / MB).toFixed(0)));
		console.log(tableRow(`built server just started${dataDir ? ' (PGlite in it)' : ''}`, serverStarted.toFixed(0)));
		console.log(tableRow('built server after the three pages', serverAfter.toFixed(0)));
	} finally {
		await server.stop();
		await drop();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	}
}

/** The built server on an empty folder, as a first `npm start` runs it (initdb, migrations, the demo), then restarted on it. */
async function embeddedStart() {
	const dataDir = mkdtempSync(join(tmpdir(), 'soutenance-bench-'));
	const settled = async (pid: number) => {
		const started = rssOf(pid);
		await new Promise((resolve) => setTimeout(resolve, 15_000));
		return `${started.toFixed(0)} → ${rssOf(pid).toFixed(0)}`;
	};
	try {
		const rows: [string, string][] = [];
		for (const label of ['first start on an empty folder (demo seeded)', 'restart on that folder']) {
			const server = await startBuiltServer('', PORT, { DATA_DIR: dataDir });
			try {
				rows.push([label, await settled(server.pid)]);
			} finally {
				await server.stop();
			}
		}
		console.log('\n#### The built server on the embedded database\n');
		console.log(tableRow('RSS (MB), when it answers → 15 s later', ''));
		console.log(tableRow('---', '---:'));
		for (const row of rows) console.log(tableRow(...row));
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
}

const loadBefore = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
for (const driver of drivers) for (const size of sizes.length ? sizes : [2000]) await benchOne(driver, size);
if (drivers.includes('pglite') && !importOnly) await embeddedStart();
