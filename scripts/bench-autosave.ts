// npm run bench:autosave — the built server (run `npm run build` first) on a scratch PostgreSQL
// database: 300 logged-in jurors each saving a level every 5 s for 60 s through the real autosave
// endpoint (latency, errors, rows lost), then a saturation pass against the same upsert through pg alone.
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server; the
// scratch database is dropped at the end. BENCH_JURORS, BENCH_SECONDS, BENCH_PORT adjust the run.
import http from 'node:http';
import pg from 'pg';
import { changeClock } from '../src/lib/domain/scoring/changes';
import { SESSION_COOKIE } from '../src/lib/server/auth/cookies';
import { entryChangeStatement } from '../src/lib/server/scoring/scoring-repository';
import { scratchDatabase, seedJurors, startBuiltServer, type BenchJuror as Juror, type BuiltServer } from './scoring-bench-support';
import { mark, tableRow } from './bench/table';

const JURORS = Number(process.env.BENCH_JURORS ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const PERIOD_MS = 5000;
// The two saturated paths take turns in short rounds, so a drift of the machine (another process,
// PostgreSQL's checkpoints, the tables growing) weighs on both alike.
const SATURATION_ROUNDS = 4;
const SATURATION_ROUND_SECONDS = 5;
const SATURATION_SECONDS = SATURATION_ROUNDS * SATURATION_ROUND_SECONDS;
const SATURATION_CONCURRENCY = 64;
const PORT = Number(process.env.BENCH_PORT ?? 4291);
const CODES = ['C6.1', 'C6.2', 'C6.3', 'C6.4', 'C6.5', 'C6.6'];

const scratch = await scratchDatabase();
const { db, databaseUrl } = scratch;

interface Sent {
	juror: Juror;
	changeId: string;
	code: string;
	level: number;
	clientTime: number;
}

let clientClock = Date.now() - 3_600_000;
function nextChange(juror: Juror, index: number): Sent {
	return {
		juror,
		changeId: crypto.randomUUID(),
		code: CODES[index % CODES.length],
		level: Math.floor(Math.random() * 4),
		clientTime: ++clientClock
	};
}

// node:http with kept-alive sockets rather than fetch: the load generator shares the machine's cores
// with the server and PostgreSQL, and fetch costs it about twice the CPU per request.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(path: string, token: string, payload: string): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			{
				host: '127.0.0.1',
				port: PORT,
				path,
				method: 'POST',
				agent,
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(payload),
					cookie: `${SESSION_COOKIE}=${token}`,
					origin: `http://127.0.0.1:${PORT}`
				}
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
				response.on('error', reject);
			}
		);
		request.on('error', reject);
		request.end(payload);
	});
}

/** One save through the real endpoint; throws, saying why, unless the server answered that it holds the change. */
async function save(change: Sent): Promise<void> {
	const payload = JSON.stringify({
		changes: [
			{
				changeId: change.changeId,
				candidateId: change.juror.candidateId,
				field: 'level',
				competencyCode: change.code,
				value: change.level,
				clientTime: change.clientTime
			}
		]
	});
	const response = await post(`/api/soutenances/${change.juror.defenseId}/grille`, change.juror.token, payload);
	if (response.status !== 200) throw new Error(`HTTP ${response.status} ${response.body.slice(0, 120)}`);
	if (!(JSON.parse(response.body) as { stored: string[] }).stored.includes(change.changeId))
		throw new Error(`not stored: ${response.body.slice(0, 120)}`);
}

/** Failures by reason, printed under the tables: a benchmark that only counts them hides what to fix. */
const failureReasons = new Map<string, number>();
function failed(error: unknown) {
	const reason = error instanceof Error ? error.message : String(error);
	failureReasons.set(reason, (failureReasons.get(reason) ?? 0) + 1);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function steadyPass(jurors: Juror[]) {
	const latencies: number[] = [];
	const acknowledged: Sent[] = [];
	let errors = 0;
	const started = performance.now();
	await Promise.all(
		jurors.map(async (juror) => {
			// Spread the jurors over the period, as real tablets are.
			await new Promise((resolve) => setTimeout(resolve, Math.random() * PERIOD_MS));
			for (let index = 0; index < (SECONDS * 1000) / PERIOD_MS; index++) {
				const due = performance.now() + PERIOD_MS;
				const change = nextChange(juror, index);
				const before = performance.now();
				try {
					await save(change);
					acknowledged.push(change);
				} catch (error) {
					failed(error);
					errors++;
				}
				latencies.push(performance.now() - before);
				await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
			}
		})
	);
	const elapsed = (performance.now() - started) / 1000;
	return { latencies: latencies.sort((a, b) => a - b), acknowledged, errors, elapsed };
}

/** Rows lost: acknowledged changes missing from applied_changes, and fields not holding the newest acknowledged level. */
async function lostRows(acknowledged: Sent[]): Promise<number> {
	const applied = new Set((await db.selectFrom('applied_changes').select('change_id').execute()).map((row) => row.change_id));
	let lost = acknowledged.filter((change) => !applied.has(change.changeId)).length;
	const newest = new Map<string, Sent>();
	for (const change of acknowledged) {
		const key = `${change.juror.id}|${change.code}`;
		if (!newest.has(key) || newest.get(key)!.clientTime < change.clientTime) newest.set(key, change);
	}
	const rows = await db
		.selectFrom('score_entries')
		.innerJoin('score_sheets', 'score_sheets.id', 'score_entries.sheet_id')
		.select([
			'score_sheets.juror_id as jurorId',
			'score_entries.competency_code as code',
			'score_entries.level',
			'score_entries.level_clock as clock'
		])
		.execute();
	const stored = new Map(rows.map((row) => [`${row.jurorId}|${row.code}`, row]));
	for (const [key, change] of newest) {
		const row = stored.get(key);
		if (!row || row.level !== change.level || row.clock !== changeClock(change)) lost++;
	}
	return lost;
}

interface Saturation {
	done: number;
	failed: number;
}

async function saturateRound(run: (worker: number, index: number) => Promise<unknown>, total: Saturation) {
	const deadline = performance.now() + SATURATION_ROUND_SECONDS * 1000;
	await Promise.all(
		Array.from({ length: SATURATION_CONCURRENCY }, async (_, worker) => {
			for (let index = 0; performance.now() < deadline; index++) {
				try {
					await run(worker, index);
					total.done++;
				} catch (error) {
					failed(error);
					total.failed++;
				}
			}
		})
	);
}

let server: BuiltServer | null = null;
try {
	const seeding = performance.now();
	const jurors = await seedJurors(db, JURORS);
	const seconds = ((performance.now() - seeding) / 1000).toFixed(1);
	console.log(`Base ${scratch.name} : ${jurors.length} jurés connectés, ${jurors.length / 2} soutenances (${seconds} s).`);
	server = await startBuiltServer(databaseUrl, PORT);

	// Each juror has the defense page open, as on a tablet (loading it creates the juror's sheets).
	await Promise.all(
		jurors.map((juror) =>
			fetch(`${server!.origin}/api/soutenances/${juror.defenseId}/grille`, {
				headers: { cookie: `${SESSION_COOKIE}=${juror.token}` }
			}).then((response) => response.arrayBuffer())
		)
	);
	console.log(`Passe régulière : ${jurors.length} jurés, un niveau toutes les ${PERIOD_MS / 1000} s pendant ${SECONDS} s…`);
	const steady = await steadyPass(jurors);
	const lost = await lostRows(steady.acknowledged);

	console.log(
		`Saturation : ${SATURATION_CONCURRENCY} requêtes simultanées, l’application et pg seul tour à tour ` +
			`(${SATURATION_ROUNDS} manches de ${SATURATION_ROUND_SECONDS} s chacun)…`
	);
	const sheets = await db
		.selectFrom('score_sheets')
		.select(['juror_id as jurorId', 'defense_id as defenseId', 'candidate_id as candidateId'])
		.execute();
	const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
	const app: Saturation = { done: 0, failed: 0 };
	const raw: Saturation = { done: 0, failed: 0 };
	for (let round = 0; round < SATURATION_ROUNDS; round++) {
		await saturateRound((worker, index) => save(nextChange(jurors[worker % jurors.length], index)), app);
		await saturateRound(async (worker) => {
			const sheet = sheets[worker % sheets.length];
			const change = nextChange(jurors[0], worker);
			const compiled = entryChangeStatement({
				changeId: change.changeId,
				writer: { jurorId: sheet.jurorId },
				defenseId: sheet.defenseId,
				candidateId: sheet.candidateId,
				code: change.code,
				field: 'level',
				value: change.level,
				clock: changeClock(change)
			}).compile(db);
			await pool.query(compiled.sql, compiled.parameters as unknown[]);
		}, raw);
	}
	await pool.end();

	const total = steady.latencies.length;
	const p99 = percentile(steady.latencies, 99);
	const appRate = app.done / SATURATION_SECONDS;
	const rawRate = raw.done / SATURATION_SECONDS;
	const ratio = appRate / rawRate;
	console.log('\n### Autosave: 300 jurors, one level every 5 s for 60 s (real endpoint, PostgreSQL)\n');
	console.log('| measure | value | target |');
	console.log('|---|---|---|');
	console.log(`| saves sent | ${total} | |`);
	console.log(`| throughput | ${(total / steady.elapsed).toFixed(1)} saves/s | |`);
	console.log(`| latency p50 | ${ms(percentile(steady.latencies, 50))} | |`);
	console.log(`| latency p95 | ${ms(percentile(steady.latencies, 95))} | |`);
	console.log(tableRow('latency p99', ms(p99), `≤ 150 ms ${mark(p99 <= 150)}`));
	console.log(tableRow('errors', steady.errors, `0 ${mark(steady.errors === 0)}`));
	console.log(tableRow('rows lost', lost, `0 ${mark(lost === 0)}`));
	console.log(
		`\n### Saturation (${SATURATION_CONCURRENCY} concurrent; app and raw take turns, ` +
			`${SATURATION_ROUNDS} rounds of ${SATURATION_ROUND_SECONDS} s each)\n`
	);
	console.log('| path | saves/s | failures |');
	console.log('|---|---|---|');
	const appPath = 'app: HTTP endpoint (one atomic statement checking the session, the jury and the open sheet)';
	console.log(tableRow(appPath, appRate.toFixed(0), app.failed));
	console.log(tableRow('raw: the same upsert through pg alone, juror already known (pool of 10)', rawRate.toFixed(0), raw.failed));
	console.log(tableRow('ratio app / raw', `${(ratio * 100).toFixed(0)} %`, `≥ 40 % ${mark(ratio >= 0.4)}`));
	for (const [reason, count] of failureReasons) console.log(`\nFailure × ${count}: ${reason}`);
	if (p99 > 150 || steady.errors > 0 || lost > 0 || ratio < 0.4) process.exitCode = 1;
} finally {
	await server?.stop();
	await scratch.drop();
}
