import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishPlan } from '../publication/publication-service';
import { freshDatabase } from '../../../../tests/helpers/database';
import { defaultReferentiel } from '$lib/domain/referentiel/referentiel';
import type { TimerSnapshot } from '$lib/domain/live/snapshot';
import type { DatabaseHandle } from '../db';
import { inTransaction } from '../db/transaction';
import { UserFacingError } from '../errors';
import { insertUser } from '../auth/user-repository';
import { insertDefense } from '../publication/publication-repository';
import { createLiveBus, notify, type BusSignal, type LiveBus } from './bus';
import { candidateForecasts, roomDisplay, sessionBoard } from './board-service';
import { actOnTimer, defenseTimerView, notifySubmission, startTimerForDemo, type TimerCommand } from './timer-service';
import { listPhaseRecords } from './timer-repository';
import { refusal } from '../../../../tests/helpers/refusal';

let handle: DatabaseHandle;
let bus: LiveBus;
const received: BusSignal[] = [];
const people: Record<string, { id: string; role: 'coordinator' | 'juror' | 'candidate' }> = {};
let sessionId: string;
let otherSession: string;
let juryA: string;
const defenses: Record<string, string> = {};

const T0 = Date.parse('2027-03-29T09:00:00+02:00');
const minute = 60_000;
const at = (minutes: number) => () => T0 + minutes * minute;

beforeAll(async () => {
	handle = await freshDatabase();
	bus = await createLiveBus(handle);
	bus.subscribe((signal) => received.push(signal));
	const { db } = handle;
	const user = async (key: string, role: 'coordinator' | 'juror' | 'candidate') => {
		people[key] = { id: (await insertUser(db, { email: `${key}@test.fr`, displayName: `Personne ${key}`, role })).id, role };
	};
	await user('coord', 'coordinator');
	for (const key of ['president', 'member', 'outsider']) await user(key, 'juror');
	for (const key of ['c1', 'c2', 'c3']) await user(key, 'candidate');
	await db.insertInto('candidate_profiles').values({ user_id: people.c1.id, extra_time_percent: 25 }).execute();
	// The second session is never published: the one-at-a-time tests read its defenses as planned.
	[sessionId, otherSession] = (
		await db
			.insertInto('exam_sessions')
			.values(
				['Session test', 'Session parallèle'].map((name) => ({ referentiel_id: defaultReferentiel.id, name, timezone: 'Europe/Paris' }))
			)
			.returning('id')
			.execute()
	).map((row) => row.id);
	juryA = (
		await db
			.insertInto('juries')
			.values({ session_id: sessionId, label: 'A', president_id: people.president.id })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	const juryB = (
		await db
			.insertInto('juries')
			.values({ session_id: sessionId, label: 'B', president_id: people.outsider.id })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	await db
		.insertInto('jury_members')
		.values([
			{ jury_id: juryA, juror_id: people.president.id },
			{ jury_id: juryA, juror_id: people.member.id },
			{ jury_id: juryB, juror_id: people.outsider.id }
		])
		.execute();
	// c1 has 25 % extra time: ceil(20 × 1.25) + 5 = 30 minutes. Then c2 at 09:35, c3 at 10:05.
	defenses.c1 = await insertDefense(db, {
		sessionId,
		juryId: juryA,
		start: new Date(T0),
		end: new Date(T0 + 30 * minute),
		candidates: [people.c1.id]
	});
	defenses.c2 = await insertDefense(db, {
		sessionId,
		juryId: juryA,
		start: new Date(T0 + 35 * minute),
		end: new Date(T0 + 60 * minute),
		candidates: [people.c2.id]
	});
	defenses.c3 = await insertDefense(db, {
		sessionId,
		juryId: juryA,
		start: new Date(T0 + 65 * minute),
		end: new Date(T0 + 90 * minute),
		candidates: [people.c3.id]
	});
});

afterAll(async () => {
	await bus?.close();
	await handle?.close();
});

/** The first bus signal matching `match` within `ms`, or null. */
async function nextSignal(match: (signal: BusSignal) => boolean, ms = 3000): Promise<BusSignal | null> {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		const found = received.find(match);
		if (found) return found;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	return null;
}

const timerEventOf = (defenseId: string, phase: string) => (signal: BusSignal) =>
	signal.type === 'timer' && signal.defenseId === defenseId && (signal.data as TimerSnapshot).state.phase === phase;

const act = (who: string, defenseId: string, command: TimerCommand, minutes: number) =>
	actOnTimer(handle.db, people[who], defenseId, command, at(minutes));

describe('who drives and who reads the timer', () => {
	it('refuses everyone but the jury president, and writes nothing', async () => {
		expect((await refusal(act('member', defenses.c1, { action: 'start' }, 0))).status).toBe(403);
		expect((await refusal(act('coord', defenses.c1, { action: 'start' }, 0))).status).toBe(403);
		expect((await refusal(act('outsider', defenses.c1, { action: 'start' }, 0))).status).toBe(404);
		expect((await refusal(act('c1', defenses.c1, { action: 'start' }, 0))).status).toBe(404);
		expect((await refusal(act('president', 'pas-un-uuid', { action: 'start' }, 0))).status).toBe(404);
		expect(await handle.db.selectFrom('defense_timers').selectAll().execute()).toEqual([]);
	});

	it('lets the jury members and the coordination read it, and nobody else', async () => {
		expect((await defenseTimerView(handle.db, people.president, defenses.c1)).canControl).toBe(true);
		const member = await defenseTimerView(handle.db, people.member, defenses.c1);
		expect(member).toMatchObject({ role: 'juror', canControl: false });
		expect(member.snapshot.durations).toEqual({ presentation: 750, questions: 750, deliberation: 300 });
		expect((await defenseTimerView(handle.db, people.coord, defenses.c1)).role).toBe('coordinator');
		expect((await refusal(defenseTimerView(handle.db, people.outsider, defenses.c1))).status).toBe(404);
		expect((await refusal(defenseTimerView(handle.db, people.c1, defenses.c1))).status).toBe(404);
	});
});

describe('running a defense', () => {
	it('records each phase, the defense status, an audit row per action, and announces each change on commit', async () => {
		const started = await act('president', defenses.c1, { action: 'start', expectedPhase: 'accueil' }, 3);
		expect(started.state).toMatchObject({ phase: 'presentation', startedAt: T0 + 3 * minute });
		expect(await nextSignal(timerEventOf(defenses.c1, 'presentation'))).toMatchObject({ sessionId, juryId: juryA });
		await act('president', defenses.c1, { action: 'pause' }, 5);
		await act('president', defenses.c1, { action: 'resume' }, 6);
		await act('president', defenses.c1, { action: 'next', expectedPhase: 'presentation' }, 17);
		// A second tap from a screen that still shows the presentation does not skip the questions.
		const stale = await refusal(act('president', defenses.c1, { action: 'next', expectedPhase: 'presentation' }, 17));
		expect(stale.status).toBe(409);
		await act('president', defenses.c1, { action: 'next', expectedPhase: 'questions' }, 35);
		expect(await nextSignal(timerEventOf(defenses.c1, 'deliberation'))).not.toBeNull();

		const records = await listPhaseRecords(handle.db, defenses.c1);
		expect(
			records.map(({ phase, plannedSeconds, actualSeconds, pausedSeconds }) => ({ phase, plannedSeconds, actualSeconds, pausedSeconds }))
		).toEqual([
			{ phase: 'presentation', plannedSeconds: 750, actualSeconds: 13 * 60, pausedSeconds: 60 },
			{ phase: 'questions', plannedSeconds: 750, actualSeconds: 18 * 60, pausedSeconds: 0 }
		]);
		const status = await handle.db.selectFrom('defenses').select('status').where('id', '=', defenses.c1).executeTakeFirstOrThrow();
		expect(status.status).toBe('in_progress');
		const audit = await handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', defenses.c1).orderBy('id').execute();
		expect(audit.map((row) => row.action)).toEqual(['timer.start', 'timer.pause', 'timer.resume', 'timer.next', 'timer.next']);
	});

	it('forecasts the next defenses from the live state and shows the current one in the room and on the board', async () => {
		// c1 started 3 minutes late and its questions ran 35 − 17 = 18 minutes (planned 12:30):
		// deliberation from 09:35 to 09:40, so c2 at 09:45 (10 minutes late) and c3 at 10:15.
		const now = new Date(T0 + 36 * minute);
		const board = await sessionBoard(handle.db, sessionId, now);
		const rowA = board.find((row) => row.label === 'A')!;
		expect(rowA).toMatchObject({ delayMinutes: 3, delayKind: 'actual', total: 3, done: 0, expected: 2, submitted: 0, absences: [] });
		expect(rowA.current?.defenseId).toBe(defenses.c1);
		const [forecast] = await candidateForecasts(handle.db, people.c2.id, now);
		expect(forecast).toBeUndefined(); // not published yet: the candidate sees nothing
		await publishPlan(handle.db, people.coord.id, sessionId, 0);
		const [published] = await candidateForecasts(handle.db, people.c2.id, now);
		expect(published).toMatchObject({ defenseId: defenses.c2, predictedStart: T0 + 45 * minute, delayMinutes: 10 });
		expect((await roomDisplay(handle.db, { id: juryA, label: 'A' }, now)).current?.candidates).toEqual(['Personne c1']);
	});

	it('closes the defense, then the room moves on to the next candidate', async () => {
		await act('president', defenses.c1, { action: 'next', expectedPhase: 'deliberation' }, 40);
		const done = await handle.db.selectFrom('defenses').select('status').where('id', '=', defenses.c1).executeTakeFirstOrThrow();
		expect(done.status).toBe('done');
		expect((await refusal(act('president', defenses.c1, { action: 'next' }, 41))).status).toBe(409);
		const room = await roomDisplay(handle.db, { id: juryA, label: 'A' }, new Date(T0 + 41 * minute));
		expect(room.current).toMatchObject({ defenseId: defenses.c2, state: { phase: 'accueil' } });
	});

	it('marks an absent candidate before the start only, and forecasts the next one at its own time', async () => {
		await act('president', defenses.c2, { action: 'absent', expectedPhase: 'accueil' }, 40);
		expect((await refusal(act('president', defenses.c2, { action: 'start' }, 41))).status).toBe(409);
		const board = await sessionBoard(handle.db, sessionId, new Date(T0 + 41 * minute));
		const rowA = board.find((row) => row.label === 'A')!;
		expect(rowA).toMatchObject({ absences: ['Personne c2'], done: 1, dayExpected: 2 + 0 + 2 });
		expect(rowA.current?.defenseId).toBe(defenses.c3);
		const [forecast] = await candidateForecasts(handle.db, people.c3.id, new Date(T0 + 41 * minute));
		expect(forecast).toMatchObject({ predictedStart: T0 + 65 * minute, delayMinutes: 0 });
	});
});

describe('live events', () => {
	it('leave on commit only', async () => {
		const event = { type: 'submission' as const, sessionId, juryId: juryA, defenseId: defenses.c3 };
		await inTransaction(handle.db, async (trx) => {
			await notify(trx, { ...event, data: 'rolled back' });
			throw new Error('rollback');
		}).catch(() => undefined);
		await inTransaction(handle.db, async (trx) => {
			await notify(trx, { ...event, data: 'committed' });
			await new Promise((resolve) => setTimeout(resolve, 200));
			expect(received.some((signal) => signal.type === 'submission' && 'data' in signal && signal.data === 'committed')).toBe(false);
		});
		expect(await nextSignal((signal) => signal.type === 'submission' && 'data' in signal && signal.data === 'committed')).not.toBeNull();
		expect(received.some((signal) => signal.type === 'submission' && 'data' in signal && signal.data === 'rolled back')).toBe(false);
	});

	it('announce a submitted grid to the jury with the ids only', async () => {
		await inTransaction(handle.db, (trx) => notifySubmission(trx, defenses.c3));
		expect(
			await nextSignal((signal) => signal.type === 'submission' && signal.defenseId === defenses.c3 && !('data' in signal && signal.data))
		).toEqual({
			type: 'submission',
			sessionId,
			juryId: juryA,
			defenseId: defenses.c3
		});
	});

	it('reach a second listener on the same database, as another app instance would', async () => {
		if (!handle.pool) return; // PGlite is one process's database: there is no other instance to reach.
		const other = await createLiveBus(handle);
		const seen: BusSignal[] = [];
		other.subscribe((signal) => seen.push(signal));
		await inTransaction(handle.db, (trx) => startTimerForDemo(trx, defenses.c3, new Date(T0 + 65 * minute)));
		await act('president', defenses.c3, { action: 'pause' }, 70);
		const deadline = Date.now() + 3000;
		while (!seen.some((signal) => signal.type === 'timer') && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 20));
		expect(seen.find((signal) => signal.type === 'timer')).toMatchObject({
			defenseId: defenses.c3,
			data: { state: { phase: 'presentation', pausedAt: T0 + 70 * minute } }
		});
		await other.close();
	});
});

describe('one defense at a time per jury', () => {
	/** A jury of its own, presided by `president`, with `count` defenses from 14:00, every 30 minutes. */
	async function juryWithDefenses(label: string, count: number): Promise<string[]> {
		const { db } = handle;
		const juryId = (
			await db
				.insertInto('juries')
				.values({ session_id: otherSession, label, president_id: people.president.id })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		await db.insertInto('jury_members').values({ jury_id: juryId, juror_id: people.president.id }).execute();
		const ids: string[] = [];
		for (let index = 0; index < count; index++) {
			const candidate = (
				await insertUser(db, {
					email: `${label.toLowerCase()}-${index}@test.fr`,
					displayName: `Candidat ${label}${index}`,
					role: 'candidate'
				})
			).id;
			const start = T0 + (5 * 60 + 30 * index) * minute;
			ids.push(
				await insertDefense(db, {
					sessionId: otherSession,
					juryId,
					start: new Date(start),
					end: new Date(start + 25 * minute),
					candidates: [candidate]
				})
			);
		}
		return ids;
	}
	const statusOf = async (defenseId: string) =>
		(await handle.db.selectFrom('defenses').select('status').where('id', '=', defenseId).executeTakeFirstOrThrow()).status;

	it('refuses a start while another defense of the jury is under way, in any phase or paused, naming it and what to do', async () => {
		const [first, second] = await juryWithDefenses('C', 2);
		await act('president', first, { action: 'start', expectedPhase: 'accueil' }, 300);
		for (const step of [null, 'next', 'pause'] as const) {
			if (step) await act('president', first, { action: step }, 305);
			const refused = await refusal(act('president', second, { action: 'start', expectedPhase: 'accueil' }, 306));
			expect(refused).toMatchObject({ status: 409, code: 'live.jury-busy', data: { busyWith: first } });
			expect(refused.message).toContain('Candidat C0 (14:00)');
			expect(refused.message).toContain('Terminez-la');
			expect(await statusOf(second)).toBe('planned');
		}
		expect(busyDefenseOf(await defenseTimerView(handle.db, people.president, second))).toBe(first);
		// Another jury is not held up by this one.
		const [elsewhere] = await juryWithDefenses('E', 1);
		await act('president', elsewhere, { action: 'start' }, 306);
		// Once the first is over, the second starts.
		await act('president', first, { action: 'resume' }, 307);
		await act('president', first, { action: 'next' }, 308);
		await act('president', first, { action: 'next' }, 309);
		expect(await statusOf(first)).toBe('done');
		expect((await defenseTimerView(handle.db, people.president, second)).busyWith).toBeNull();
		await act('president', second, { action: 'start', expectedPhase: 'accueil' }, 310);
		expect(await statusOf(second)).toBe('in_progress');
	});

	it('lets only one of two simultaneous starts of one jury succeed', async () => {
		for (const label of ['D1', 'D2', 'D3']) {
			const [one, two] = await juryWithDefenses(label, 2);
			const outcomes = await Promise.allSettled([
				act('president', one, { action: 'start' }, 400),
				act('president', two, { action: 'start' }, 400)
			]);
			expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
			const rejected = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
			expect((rejected.reason as UserFacingError).code).toBe('live.jury-busy');
			expect([await statusOf(one), await statusOf(two)].sort()).toEqual(['in_progress', 'planned']);
		}
	});
});

const busyDefenseOf = (view: Awaited<ReturnType<typeof defenseTimerView>>) => view.busyWith?.defenseId;
