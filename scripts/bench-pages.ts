// npm run bench:pages — what the coordination's heavy pages weigh on the wire at 1000 candidates: a
// session of 1000 candidates, 20 juries and 4 days built through the use cases on a scratch PostgreSQL
// database (BENCH_DATABASE_URL) and planned by the scheduler, then each page fetched from the built
// server (npm run build first) as a browser asks for it (brotli), as an old client does (gzip) and
// uncompressed; and the live board's read. Targets (issue 15): ≤ 300 kB on the wire for the planning, results and
// candidates pages; the board ≤ 30 ms, reading today's defenses only.
import { get } from 'node:http';
import { addDays, format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { createUsersWithPassword } from '../src/lib/server/auth/account-service';
import { SESSION_COOKIE } from '../src/lib/server/auth/cookies';
import { SESSION_IDLE_MS } from '../src/lib/server/auth/session-service';
import { generateToken, tokenId } from '../src/lib/server/auth/tokens';
import { createJury } from '../src/lib/server/juries/jury-service';
import { sessionBoard } from '../src/lib/server/live/board-service';
import { addCandidate } from '../src/lib/server/people/candidate-service';
import { addExistingJuror, updateJurorProfile } from '../src/lib/server/people/juror-service';
import { currentRun, startPlanningRun } from '../src/lib/server/planning/schedule-service';
import { addDay, addRoom, createSession } from '../src/lib/server/sessions/session-service';
import { scratchDatabase, startBuiltServer, type BuiltServer } from './scoring-bench-support';
import { sessionForm } from './bench/session-form';
import { mark, tableRow } from './bench/table';

const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 1000);
// 20 juries hear about 380 candidates a day: the plan spreads over three of the four days.
const JURIES = 20;
const DAYS = 4;
const TARGET_KB = 300;
const BOARD_TARGET_MS = 30;
const ORIGIN = 'http://localhost';

const scratch = await scratchDatabase();
let server: BuiltServer | null = null;
try {
	const { db } = scratch;
	const built = performance.now();
	const [coordinatorId, ...jurorIds] = await createUsersWithPassword(
		db,
		null,
		[
			{ email: 'coordination@bench.test', displayName: 'Coordination', role: 'coordinator' },
			...Array.from({ length: 2 * JURIES }, (_, index) => ({
				email: `jure${index}@bench.test`,
				displayName: `Juré ${index}`,
				role: 'juror'
			}))
		],
		'banc-d-essai-pages'
	);
	const sessionId = await createSession(db, coordinatorId, sessionForm({ name: 'Session à 1000 candidats', place: 'Paris' }));
	const firstDay = addDays(new Date(), 30);
	for (let day = 0; day < DAYS; day++)
		await addDay(db, coordinatorId, sessionId, { date: format(addDays(firstDay, day), 'yyyy-MM-dd'), opensAt: '09:00', closesAt: '17:00' });
	for (let jury = 0; jury < JURIES; jury++) {
		const roomId = await addRoom(db, coordinatorId, sessionId, { name: `Salle ${jury + 1}`, remote: undefined, videoUrl: '' });
		const memberIds = jurorIds.slice(2 * jury, 2 * jury + 2);
		for (const [index, jurorId] of memberIds.entries()) {
			await addExistingJuror(db, coordinatorId, sessionId, jurorId);
			await updateJurorProfile(db, coordinatorId, sessionId, jurorId, {
				company: `Entreprise ${jury}-${index}`,
				expertise: 'python, ml',
				external: 'on',
				presidentEligible: 'on'
			});
		}
		await createJury(db, coordinatorId, sessionId, { label: `J${jury + 1}`, roomId, presidentId: memberIds[0], memberIds });
	}
	for (let index = 0; index < CANDIDATES; index++)
		await addCandidate(
			db,
			coordinatorId,
			sessionId,
			{
				fullName: `Candidate Numéro ${index + 1}`,
				email: `candidat${index}@bench.test`,
				cohort: `Promo ${index % 12}`,
				company: `Société ${index % 97}`,
				projectTitle: `Prédiction de la demande, projet ${index + 1}`,
				projectAbstract: 'Un modèle de prévision entraîné sur trois ans de ventes.',
				tags: 'python, ml',
				team: '',
				timezone: 'Europe/Paris',
				extraTimePercent: index % 50 === 0 ? '33' : '0',
				otherArrangements: ''
			},
			ORIGIN
		);
	const { runId, finished } = await startPlanningRun(db, coordinatorId, sessionId, 'plan');
	await finished;
	const run = await currentRun(db, sessionId);
	if (run?.id !== runId || run.status !== 'done') throw new Error(`La planification a échoué : ${run?.error ?? 'introuvable'}`);
	const placed = await db
		.selectFrom('defenses')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('session_id', '=', sessionId)
		.executeTakeFirstOrThrow();
	const seconds = ((performance.now() - built) / 1000).toFixed(1);
	console.log(`\nSession built in ${seconds} s: ${CANDIDATES} candidates, ${placed.n} defenses, ${JURIES} juries, ${DAYS} days.\n`);
	// The live board's read, on the request's thread: with no defense today, and on a day of the plan at 11:00.
	const boardMs = async (now: Date) => {
		const times: number[] = [];
		for (let attempt = 0; attempt < 11; attempt++) {
			const started = performance.now();
			await sessionBoard(db, sessionId, now);
			times.push(performance.now() - started);
		}
		return times.sort((a, b) => a - b)[5];
	};
	const planDay = new TZDate(`${format(firstDay, 'yyyy-MM-dd')}T11:00:00`, 'Europe/Paris');
	console.log(tableRow('live board read', 'defenses that day', 'median of 11', 'target'));
	console.log(tableRow('---', '---:', '---:', '---'));
	for (const [name, now] of [
		['no defense today', new Date()],
		['a day of the plan, 11:00', planDay]
	] as const) {
		const [ms, rows] = [await boardMs(now), await sessionBoard(db, sessionId, now)];
		const count = rows.reduce((sum, row) => sum + row.total, 0);
		console.log(tableRow(name, count, `${ms.toFixed(1)} ms`, `${mark(ms <= BOARD_TARGET_MS)} ≤ ${BOARD_TARGET_MS} ms`));
	}
	console.log('');
	const token = generateToken();
	await db
		.insertInto('auth_sessions')
		.values({ id: tokenId(token), user_id: coordinatorId, expires_at: new Date(Date.now() + SESSION_IDLE_MS) })
		.execute();
	server = await startBuiltServer(scratch.databaseUrl, Number(process.env.BENCH_PORT ?? 4293));
	const base = `/coordination/sessions/${sessionId}`;
	const pages: [string, string, boolean][] = [
		['planning (first day)', `${base}/planning`, true],
		['planning, second day', `${base}/planning?jour=${format(addDays(firstDay, 1), 'yyyy-MM-dd')}`, true],
		['results', `${base}/resultats`, true],
		['candidates', `${base}/candidats`, true],
		['candidates, search "Numéro 1"', `${base}/candidats?q=${encodeURIComponent('Numéro 1')}`, false],
		['messages', '/coordination/messages', false],
		['journal', '/coordination/journal', false],
		['live board', `${base}/direct`, false]
	];
	// node:http, not fetch: fetch decodes the body, and the bytes counted are the ones on the wire.
	const size = (path: string, encoding: string) =>
		new Promise<{ bytes: number; encoding: string }>((resolve, reject) => {
			const request = get(
				`${server!.origin}${path}`,
				{ headers: { cookie: `${SESSION_COOKIE}=${token}`, 'accept-encoding': encoding } },
				(response) => {
					if (response.statusCode !== 200) reject(new Error(`${path} répond ${response.statusCode}`));
					let bytes = 0;
					response.on('data', (chunk: Buffer) => (bytes += chunk.length));
					response.on('end', () => resolve({ bytes, encoding: String(response.headers['content-encoding'] ?? 'identity') }));
				}
			);
			request.on('error', reject);
		});
	const kb = (bytes: number) => (bytes / 1024).toFixed(1);
	console.log(tableRow('page', 'uncompressed kB', 'gzip kB', 'brotli kB (on the wire)', 'target'));
	console.log(tableRow('---', '---:', '---:', '---:', '---'));
	for (const [name, path, targeted] of pages) {
		const [identity, gzip, br] = [await size(path, 'identity'), await size(path, 'gzip'), await size(path, 'gzip, deflate, br, zstd')];
		const onWire = br.bytes;
		console.log(
			tableRow(
				name,
				kb(identity.bytes),
				`${kb(gzip.bytes)} (${gzip.encoding})`,
				`${kb(onWire)} (${br.encoding})`,
				targeted ? `${mark(onWire <= TARGET_KB * 1024)} ≤ ${TARGET_KB} kB` : ''
			)
		);
	}
} finally {
	await server?.stop();
	await scratch.drop();
}
