// Prepares (or inspects) the embedded database a scoring spec's own server will use:
//   tsx tests/e2e/scoring-fixture.ts seed     → defenses for juries A and B added to the copied demo, ids as JSON
//   tsx tests/e2e/scoring-fixture.ts inspect <defenseId> → rows stored for that defense, as JSON
// Run while the server is stopped: PGlite is one process at a time.
import { connectPglite } from '../../src/lib/server/db/connect';
import { insertDefense, latestPlanVersion } from '../../src/lib/server/publication/publication-repository';
import { publishPlan } from '../../src/lib/server/publication/publication-service';

const handle = await connectPglite({ dataDir: process.env.DATA_DIR });
const { db } = handle;
const idOf = async (email: string) => (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

async function seed() {
	const president = await idOf('jury1@soutenance.test');
	// Today's session: the one with the latest day up to today among the juries jury1 presides (the next one is later).
	const today = new Date().toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris' });
	const juryA = await db
		.selectFrom('juries')
		.innerJoin('session_days', 'session_days.session_id', 'juries.session_id')
		.select(['juries.id', 'juries.session_id as sessionId'])
		.where('juries.president_id', '=', president)
		.where('session_days.day', '<=', today)
		.orderBy('session_days.day', 'desc')
		.executeTakeFirstOrThrow();
	const juryB = await db
		.selectFrom('juries')
		.select('id')
		.where('session_id', '=', juryA.sessionId)
		.where('label', '=', 'B')
		.executeTakeFirstOrThrow();
	const now = Date.now();
	const slot = (offsetMinutes: number) => ({
		start: new Date(now + offsetMinutes * 60_000),
		end: new Date(now + (offsetMinutes + 25) * 60_000)
	});
	const solo = await insertDefense(db, {
		sessionId: juryA.sessionId,
		juryId: juryA.id,
		...slot(-5),
		candidates: [await idOf('candidat1@soutenance.test')]
	});
	await db.updateTable('defenses').set({ status: 'in_progress' }).where('id', '=', solo).execute();
	const team = await insertDefense(db, {
		sessionId: juryA.sessionId,
		juryId: juryA.id,
		...slot(25),
		candidates: [await idOf('candidat11@soutenance.test'), await idOf('candidat12@soutenance.test')]
	});
	const elsewhere = await insertDefense(db, {
		sessionId: juryA.sessionId,
		juryId: juryB.id,
		...slot(-5),
		candidates: [await idOf('candidat7@soutenance.test')]
	});
	// Jurors see the published plan: publish it with these defenses, as the coordination would.
	const published = (await latestPlanVersion(db, juryA.sessionId))?.version ?? 0;
	await publishPlan(db, await idOf('coordination@soutenance.test'), juryA.sessionId, published);
	return { solo, team, elsewhere };
}

async function inspect(defenseId: string) {
	const entries = await db
		.selectFrom('score_entries')
		.innerJoin('score_sheets', 'score_sheets.id', 'score_entries.sheet_id')
		.innerJoin('users', 'users.id', 'score_sheets.juror_id')
		.select(['users.email', 'score_entries.competency_code as code', 'score_entries.level', 'score_entries.comment'])
		.where('score_sheets.defense_id', '=', defenseId)
		.orderBy('users.email')
		.orderBy('score_entries.competency_code')
		.execute();
	const applied = await db
		.selectFrom('applied_changes')
		.select(({ fn }) => fn.countAll<string>().as('count'))
		.where('defense_id', '=', defenseId)
		.executeTakeFirstOrThrow();
	return { entries, appliedChanges: Number(applied.count) };
}

try {
	const [command, argument] = process.argv.slice(2);
	const result = command === 'seed' ? await seed() : await inspect(argument);
	process.stdout.write(JSON.stringify(result));
} finally {
	await handle.close();
}
