import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { addDays, format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { defaultReferentiel } from '$lib/domain/referentiel/referentiel';
import type { Database } from '../db/connect';
import { inTransaction } from '../db/transaction';
import { appendAudit } from '../audit/audit-repository';
import { hashPassword } from '../auth/password';
import { startPlanningRun } from '../planning/schedule-service';
import { latestRun } from '../planning/schedule-runs-repository';
import { publishPlan } from '../publication/publication-service';
import { startTimerForDemo } from '../live/timer-service';
import { setDefenseStatus } from '../live/timer-repository';
import { deliberateDemoSession } from '../deliberation/demo-deliberation';
import { seededRandom } from '$lib/domain/scheduling/random';
import { timeOfDay } from '$lib/domain/scheduling/time';
import { DEMO_PASSWORD, demoAbstracts, demoCandidates, demoJuries, demoJurors, demoRooms } from './demo-data';

export const DEMO_TIMEZONE = 'Europe/Paris';

export const demoAccounts = {
	coordinator: 'coordination@soutenance.test',
	juror: (n: number) => `jury${n}@soutenance.test`,
	candidate: (n: number) => `candidat${n}@soutenance.test`
};

/** Opening hours of today's demo day, around `now`, so a visitor always finds something happening. */
export function demoDayAround(now: Date): { date: string; opensAt: string; closesAt: string } {
	const local = new TZDate(now.getTime(), DEMO_TIMEZONE);
	const minutes = local.getHours() * 60 + local.getMinutes();
	const opens = Math.max(0, Math.floor((minutes - 150) / 30) * 30);
	const closes = Math.min(23 * 60 + 55, opens + 8 * 60);
	return { date: format(local, 'yyyy-MM-dd'), opensAt: timeOfDay(opens), closesAt: timeOfDay(Math.max(closes, opens + 60)) };
}

async function hasUsers(db: Database): Promise<boolean> {
	return (await db.selectFrom('users').select('id').limit(1).execute()).length > 0;
}

/** The embedded database gets the demo on its first start; its accounts are printed at every start. */
export async function seedDemoOnFirstStart(db: Database): Promise<void> {
	if (!(await hasUsers(db))) await seedDemo(db);
	const demo = await db.selectFrom('users').select('id').where('email', '=', demoAccounts.coordinator).executeTakeFirst();
	if (demo) printDemoAccounts();
}

export function printDemoAccounts(): void {
	console.log(
		[
			'',
			'Démo Soutenance prête. Comptes (mot de passe « soutenance-demo ») :',
			`  coordination : ${demoAccounts.coordinator}`,
			`  jurés        : ${demoAccounts.juror(1)} … ${demoAccounts.juror(demoJurors.length)}`,
			`  candidats    : ${demoAccounts.candidate(1)} … ${demoAccounts.candidate(demoCandidates.length)}`,
			''
		].join('\n')
	);
}

/** Removes every row the app owns, keeping the schema and the référentiels. */
export async function clearAllData(db: Database): Promise<void> {
	const tables = await sql<{ tablename: string }>`
		select tablename from pg_tables
		where schemaname = 'public' and tablename not like 'kysely_%' and tablename <> 'referentiels'`.execute(db);
	if (tables.rows.length === 0) return;
	await sql.raw(`truncate ${tables.rows.map((row) => `"${row.tablename}"`).join(', ')} restart identity cascade`).execute(db);
}

/**
 * The demo's people and sessions, each session scheduled by the engine and published as a
 * coordinator would; then today's jury A (presided by jury1) is mid-defense, and the session of
 * three weeks ago is scored, deliberated, signed and its results published.
 */
export async function seedDemo(db: Database, now = new Date()): Promise<void> {
	const { coordinatorId, sessionIds } = await seedPeopleAndSessions(db, now);
	for (const sessionId of sessionIds) {
		const { runId, finished } = await startPlanningRun(db, coordinatorId, sessionId, 'plan');
		await finished;
		const run = await latestRun(db, sessionId);
		if (run?.id !== runId || run.status !== 'done') throw new Error(`La planification de la démo a échoué : ${run?.error ?? 'résultat introuvable'}`);
		await publishPlan(db, coordinatorId, sessionId, 0);
	}
	const [todayId, pastId] = sessionIds;
	await inTransaction(db, async (trx) => {
		await startDefenseInProgress(trx, todayId, 'A', now);
		const pastDefenses = await trx.selectFrom('defenses').select(['id', 'ends_at']).where('session_id', '=', pastId).execute();
		for (const defense of pastDefenses) await setDefenseStatus(trx, defense.id, 'done');
		const lastEnd = new Date(Math.max(...pastDefenses.map((defense) => defense.ends_at.getTime())));
		const firstCandidate = await trx.selectFrom('users').select('id').where('email', '=', demoAccounts.candidate(1)).executeTakeFirstOrThrow();
		await deliberateDemoSession(trx, pastId, {
			rng: seededRandom(35288),
			signedAt: new Date(lastEnd.getTime() + 30 * 60_000),
			publishedBy: coordinatorId,
			origin: process.env.ORIGIN ?? 'http://localhost:3000',
			strongCandidateIds: [firstCandidate.id]
		});
	});
}

/** The jury's defense under way at `now` (or the last one begun) has its presentation running for a few minutes. */
async function startDefenseInProgress(trx: Transaction<DB>, sessionId: string, juryLabel: string, now: Date): Promise<void> {
	const defenses = await trx
		.selectFrom('defenses')
		.innerJoin('juries', 'juries.id', 'defenses.jury_id')
		.select(['defenses.id', 'defenses.starts_at'])
		.where('defenses.session_id', '=', sessionId)
		.where('juries.label', '=', juryLabel)
		.orderBy('defenses.starts_at')
		.execute();
	const current = defenses.filter((defense) => defense.starts_at <= now).at(-1) ?? defenses[0];
	if (!current) return;
	const fewMinutesAgo = new Date(now.getTime() - 4 * 60_000);
	await startTimerForDemo(trx, current.id, current.starts_at > fewMinutesAgo ? current.starts_at : fewMinutesAgo);
}

async function seedPeopleAndSessions(db: Database, now: Date): Promise<{ coordinatorId: string; sessionIds: string[] }> {
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	return inTransaction(db, async (trx) => {
		const user = (email: string, displayName: string, role: 'coordinator' | 'juror' | 'candidate') =>
			trx.insertInto('users').values({ email, display_name: displayName, role, password_hash: passwordHash }).returning('id').executeTakeFirstOrThrow();

		const coordinator = await user(demoAccounts.coordinator, 'Nadia Coordination', 'coordinator');
		const jurorIds: string[] = [];
		for (const [index, juror] of demoJurors.entries()) {
			const { id } = await user(demoAccounts.juror(index + 1), juror.name, 'juror');
			jurorIds.push(id);
			await trx
				.insertInto('juror_profiles')
				.values({ user_id: id, company: juror.company, expertise: JSON.stringify(juror.expertise), external: juror.external, president_eligible: juror.presidentEligible })
				.execute();
		}
		const candidateIds: string[] = [];
		for (const [index, candidate] of demoCandidates.entries()) {
			const { id } = await user(demoAccounts.candidate(index + 1), candidate.name, 'candidate');
			candidateIds.push(id);
			await trx
				.insertInto('candidate_profiles')
				.values({ user_id: id, cohort: candidate.cohort, company: candidate.company, timezone: candidate.timezone ?? DEMO_TIMEZONE, extra_time_percent: candidate.extraTimePercent ?? 0 })
				.execute();
		}
		// Julien Bernard (Jedha) tutored Moussa N'Diaye: a declared conflict of interest.
		await trx.insertInto('conflicts').values({ juror_id: jurorIds[1], candidate_id: candidateIds[1], reason: 'Tuteur du projet' }).execute();

		const today = demoDayAround(now);
		const past = format(addDays(new TZDate(now.getTime(), DEMO_TIMEZONE), -21), 'yyyy-MM-dd');
		const sessions = [
			{ name: `Session du ${today.date.split('-').reverse().join('/')}`, day: today, candidates: candidateIds },
			{ name: `Session du ${past.split('-').reverse().join('/')}`, day: { date: past, opensAt: '09:00', closesAt: '17:30' }, candidates: candidateIds.slice(0, 10) }
		];
		const sessionIds: string[] = [];
		for (const session of sessions) {
			const { id: sessionId } = await trx
				.insertInto('exam_sessions')
				.values({ referentiel_id: defaultReferentiel.id, name: session.name, timezone: DEMO_TIMEZONE, place: 'Jedha Paris, 4 rue de la Bourse, 75002 Paris' })
				.returning('id')
				.executeTakeFirstOrThrow();
			sessionIds.push(sessionId);
			await trx
				.insertInto('session_days')
				.values({ session_id: sessionId, day: session.day.date, opens_at: session.day.opensAt, closes_at: session.day.closesAt, breaks: '[]' })
				.execute();
			const roomIds = new Map<string, string>();
			for (const room of demoRooms) {
				const { id } = await trx
					.insertInto('rooms')
					.values({ session_id: sessionId, name: room.name, remote: room.remote, video_url: room.videoUrl })
					.returning('id')
					.executeTakeFirstOrThrow();
				roomIds.set(room.name, id);
			}
			await trx.insertInto('session_jurors').values(jurorIds.map((juror_id) => ({ session_id: sessionId, juror_id }))).execute();
			for (const jury of demoJuries) {
				const { id: juryId } = await trx
					.insertInto('juries')
					.values({ session_id: sessionId, label: jury.label, room_id: roomIds.get(jury.room)!, president_id: jurorIds[jury.members[0]] })
					.returning('id')
					.executeTakeFirstOrThrow();
				await trx.insertInto('jury_members').values(jury.members.map((member) => ({ jury_id: juryId, juror_id: jurorIds[member] }))).execute();
			}
			await trx
				.insertInto('registrations')
				.values(
					session.candidates.map((candidateId) => {
						const candidate = demoCandidates[candidateIds.indexOf(candidateId)];
						return { session_id: sessionId, candidate_id: candidateId, project_title: candidate.project, project_abstract: demoAbstracts[candidate.project], tags: JSON.stringify(candidate.tags), team: candidate.team ?? null };
					})
				)
				.execute();
		}
		await appendAudit(trx, { actorId: coordinator.id, action: 'demo.seed', entity: 'demo', after: { sessions: sessions.map((s) => s.name), at: now.toISOString() } });
		return { coordinatorId: coordinator.id, sessionIds };
	});
}
