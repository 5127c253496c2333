// Shared by the scoring benchmarks: a scratch PostgreSQL database with logged-in jurors, and the
// built server (npm run build) started on it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { defaultReferentiel } from '../src/lib/domain/referentiel/referentiel';
import type { Database } from '../src/lib/server/db/connect';
import { syncReferentiels } from '../src/lib/server/referentiel/referentiel-repository';
import { SESSION_IDLE_MS } from '../src/lib/server/auth/session-service';
import { generateToken, tokenId } from '../src/lib/server/auth/tokens';
import { migratedScratchDatabase } from './scratch-database';

export interface BenchJuror {
	id: string;
	/** The session cookie's value: the juror is logged in. */
	token: string;
	defenseId: string;
	candidateId: string;
}

/** A migrated database of its own on BENCH_DATABASE_URL's server, dropped by drop(). */
export async function scratchDatabase() {
	const scratch = await migratedScratchDatabase(
		process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
		'soutenance_bench',
		4
	);
	await syncReferentiels(scratch.db);
	return scratch;
}

/** `count` jurors in juries of two, one defense of one candidate per jury, each juror with a live session. */
export async function seedJurors(db: Database, count: number): Promise<BenchJuror[]> {
	const { id: sessionId } = await db
		.insertInto('exam_sessions')
		.values({ referentiel_id: defaultReferentiel.id, name: 'Banc d’essai', timezone: 'Europe/Paris' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const juries = Math.ceil(count / 2);
	const users = await db
		.insertInto('users')
		.values(
			Array.from({ length: count + juries }, (_, index) =>
				index < count
					? { email: `jure${index}@bench.test`, display_name: `Juré ${index}`, role: 'juror' }
					: { email: `candidat${index}@bench.test`, display_name: `Candidat ${index}`, role: 'candidate' }
			)
		)
		.returning(['id', 'role'])
		.execute();
	const jurorIds = users.filter((user) => user.role === 'juror').map((user) => user.id);
	const candidateIds = users.filter((user) => user.role === 'candidate').map((user) => user.id);
	const jurors: BenchJuror[] = [];
	const start = new Date();
	for (let jury = 0; jury < juries; jury++) {
		const members = jurorIds.slice(2 * jury, 2 * jury + 2);
		const { id: juryId } = await db
			.insertInto('juries')
			.values({ session_id: sessionId, label: `J${jury}`, president_id: members[0] })
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('jury_members')
			.values(members.map((juror_id) => ({ jury_id: juryId, juror_id })))
			.execute();
		const { id: defenseId } = await db
			.insertInto('defenses')
			.values({ session_id: sessionId, jury_id: juryId, starts_at: start, ends_at: new Date(start.getTime() + 1_500_000) })
			.returning('id')
			.executeTakeFirstOrThrow();
		await db.insertInto('defense_candidates').values({ defense_id: defenseId, candidate_id: candidateIds[jury] }).execute();
		await db
			.insertInto('registrations')
			.values({
				session_id: sessionId,
				candidate_id: candidateIds[jury],
				project_title: `Projet ${jury}`,
				project_abstract: 'Résumé du projet.'
			})
			.execute();
		for (const id of members) jurors.push({ id, token: generateToken(), defenseId, candidateId: candidateIds[jury] });
	}
	// Sessions as a login makes them: a juror scoring today is well within the idle window.
	await db
		.insertInto('auth_sessions')
		.values(jurors.map((juror) => ({ id: tokenId(juror.token), user_id: juror.id, expires_at: new Date(Date.now() + SESSION_IDLE_MS) })))
		.execute();
	return jurors;
}

export interface BuiltServer {
	origin: string;
	pid: number;
	stop(): Promise<void>;
}

/**
 * `node build` on the scratch database (the embedded one in `env.DATA_DIR` when databaseUrl is
 * empty). To look inside it while it is measured: BENCH_NODE_FLAGS passes flags to node (for
 * example "--cpu-prof --cpu-prof-dir=/tmp/prof"), BENCH_SERVER_OUTPUT=1 shows its output.
 */
export async function startBuiltServer(databaseUrl: string, port: number, env: NodeJS.ProcessEnv = {}): Promise<BuiltServer> {
	if (!existsSync('build/index.js')) throw new Error('Construisez d’abord l’application : npm run build');
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn('node', [...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), 'build'], {
		env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), ORIGIN: origin, ...env },
		stdio: process.env.BENCH_SERVER_OUTPUT ? 'inherit' : 'ignore'
	});
	const stop = async () => {
		if (child.exitCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		await exited;
	};
	for (let attempt = 0; attempt < 300; attempt++) {
		if (
			await fetch(`${origin}/api/health`).then(
				(response) => response.ok,
				() => false
			)
		)
			return { origin, pid: child.pid!, stop };
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	await stop();
	throw new Error(`Le serveur construit ne répond pas sur ${origin}`);
}
