// npm run bench:autosave — the built server (run `npm run build` first) on a scratch PostgreSQL
// database: 300 logged-in jurors each saving a level every 5 s for 60 s through the real autosave
// endpoint (latency, errors, rows lost), then a saturation pass against the same upsert through pg alone.
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server; the
// scratch database is dropped at the end. BENCH_JURORS, BENCH_SECONDS, BENCH_PORT adjust the run.
import pg from 'pg';
import { changeClock } from '../src/lib/domain/scoring/changes';
import { SESSION_COOKIE } from '../src/lib/server/auth/cookies';
import { entryChangeStatement } from '../src/lib/server/scoring/scoring-repository';
import { scratchDatabase, seedJurors, startBuiltServer, type BenchJuror as Juror, type BuiltServer } from './scoring-bench-support';

const JURORS = Number(process.env.BENCH_JURORS ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const PERIOD_MS = 5000;
const SATURATION_SECONDS = 10;
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
	return { juror, changeId: crypto.randomUUID(), code: CODES[index % CODES.length], level: Math.floor(Math.random() * 4), clientTime: ++clientClock };
}

/** One save through the real endpoint; true when the server answered that it holds the change. */
async function save(change: Sent): Promise<boolean> {
	const response = await fetch(`http://127.0.0.1:${PORT}/api/soutenances/${change.juror.defenseId}/grille`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${change.juror.token}`, origin: `http://127.0.0.1:${PORT}` },
		body: JSON.stringify({ changes: [{ changeId: change.changeId, candidateId: change.juror.candidateId, field: 'level', competencyCode: change.code, value: change.level, clientTime: change.clientTime }] })
	});
	if (!response.ok) {
		await response.arrayBuffer();
		return false;
	}
	const outcome = (await response.json()) as { stored: string[] };
	return outcome.stored.includes(change.changeId);
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
			for (let index = 0; index < SECONDS * 1000 / PERIOD_MS; index++) {
				const due = performance.now() + PERIOD_MS;
				const change = nextChange(juror, index);
				const before = performance.now();
				const stored = await save(change).catch(() => false);
				latencies.push(performance.now() - before);
				if (stored) acknowledged.push(change);
				else errors++;
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
		.select(['score_sheets.juror_id as jurorId', 'score_entries.competency_code as code', 'score_entries.level', 'score_entries.level_clock as clock'])
		.execute();
	const stored = new Map(rows.map((row) => [`${row.jurorId}|${row.code}`, row]));
	for (const [key, change] of newest) {
		const row = stored.get(key);
		if (!row || row.level !== change.level || row.clock !== changeClock(change)) lost++;
	}
	return lost;
}

async function saturate(run: (worker: number, index: number) => Promise<boolean>) {
	let done = 0;
	let failed = 0;
	const deadline = performance.now() + SATURATION_SECONDS * 1000;
	await Promise.all(
		Array.from({ length: SATURATION_CONCURRENCY }, async (_, worker) => {
			for (let index = 0; performance.now() < deadline; index++) {
				if (await run(worker, index).catch(() => false)) done++;
				else failed++;
			}
		})
	);
	return { rate: done / SATURATION_SECONDS, failed };
}

let server: BuiltServer | null = null;
try {
	const seeding = performance.now();
	const jurors = await seedJurors(db, JURORS);
	console.log(`Base ${scratch.name} : ${jurors.length} jurés connectés, ${jurors.length / 2} soutenances (${((performance.now() - seeding) / 1000).toFixed(1)} s).`);
	server = await startBuiltServer(databaseUrl, PORT);

	// Each juror has the defense page open, as on a tablet (loading it creates the juror's sheets).
	await Promise.all(jurors.map((juror) => fetch(`${server!.origin}/api/soutenances/${juror.defenseId}/grille`, { headers: { cookie: `${SESSION_COOKIE}=${juror.token}` } }).then((response) => response.arrayBuffer())));
	console.log(`Passe régulière : ${jurors.length} jurés, un niveau toutes les ${PERIOD_MS / 1000} s pendant ${SECONDS} s…`);
	const steady = await steadyPass(jurors);
	const lost = await lostRows(steady.acknowledged);

	console.log(`Saturation : ${SATURATION_CONCURRENCY} requêtes simultanées pendant ${SATURATION_SECONDS} s, par l’application puis par pg seul…`);
	const app = await saturate((worker, index) => save(nextChange(jurors[worker % jurors.length], index)));
	const sheets = await db.selectFrom('score_sheets').select(['juror_id as jurorId', 'defense_id as defenseId', 'candidate_id as candidateId']).execute();
	const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
	const raw = await saturate(async (worker) => {
		const sheet = sheets[worker % sheets.length];
		const change = nextChange(jurors[0], worker);
		const compiled = entryChangeStatement({ changeId: change.changeId, jurorId: sheet.jurorId, defenseId: sheet.defenseId, candidateId: sheet.candidateId, code: change.code, field: 'level', value: change.level, clock: changeClock(change) }).compile(db);
		await pool.query(compiled.sql, compiled.parameters as unknown[]);
		return true;
	});
	await pool.end();

	const total = steady.latencies.length;
	const p99 = percentile(steady.latencies, 99);
	const ratio = app.rate / raw.rate;
	console.log('\n### Autosave: 300 jurors, one level every 5 s for 60 s (real endpoint, PostgreSQL)\n');
	console.log('| measure | value | target |');
	console.log('|---|---|---|');
	console.log(`| saves sent | ${total} | |`);
	console.log(`| throughput | ${(total / steady.elapsed).toFixed(1)} saves/s | |`);
	console.log(`| latency p50 | ${ms(percentile(steady.latencies, 50))} | |`);
	console.log(`| latency p95 | ${ms(percentile(steady.latencies, 95))} | |`);
	console.log(`| latency p99 | ${ms(p99)} | ≤ 150 ms ${p99 <= 150 ? '✓' : '✗'} |`);
	console.log(`| errors | ${steady.errors} | 0 ${steady.errors === 0 ? '✓' : '✗'} |`);
	console.log(`| rows lost | ${lost} | 0 ${lost === 0 ? '✓' : '✗'} |`);
	console.log(`\n### Saturation (${SATURATION_CONCURRENCY} concurrent, ${SATURATION_SECONDS} s each)\n`);
	console.log('| path | saves/s | failures |');
	console.log('|---|---|---|');
	console.log(`| app: HTTP endpoint (session check, then one atomic statement checking access and the open sheet) | ${app.rate.toFixed(0)} | ${app.failed} |`);
	console.log(`| raw: the same upsert through pg alone (pool of 10) | ${raw.rate.toFixed(0)} | ${raw.failed} |`);
	console.log(`| ratio app / raw | ${(ratio * 100).toFixed(0)} % | ≥ 40 % ${ratio >= 0.4 ? '✓' : '✗'} |`);
	if (p99 > 150 || steady.errors > 0 || lost > 0 || ratio < 0.4) process.exitCode = 1;
} finally {
	await server?.stop();
	await scratch.drop();
}
