import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import { checkSchedule } from '../../domain/planning/check';
import { localMinuteOfDay, timeOfDay } from '../../domain/planning/time';
import { validateProblem } from '../../domain/planning/validate';
import type { DatabaseHandle } from '../db';
import { insertPlanningFixture, type PlanningFixture } from '../../../../tests/helpers/planning-fixture';
import { refusal } from '../../../../tests/helpers/refusal';
import { loadPlanningContext } from './problem-service';
import { listDefenses } from './schedule-repository';
import { getRun, latestRun } from './schedule-runs-repository';
import {
	PlanningRefusal,
	allowedStartsOfDefense,
	currentRun,
	importSchedule,
	loadPlanView,
	moveDefense,
	setDefensePinned,
	startPlanningRun
} from './schedule-service';

let handle: DatabaseHandle;
let fixture: PlanningFixture;

beforeAll(async () => {
	handle = await freshDatabase();
	fixture = await insertPlanningFixture(handle.db);
});
afterAll(() => handle.close());

const snapshot = async () =>
	(await listDefenses(handle.db, fixture.session)).map(({ id, juryId, startsAt, pinned, candidates }) => ({
		id,
		juryId,
		start: startsAt.toISOString(),
		pinned,
		candidates: [...candidates].sort()
	}));
const auditCount = async () =>
	Number(
		(
			await handle.db
				.selectFrom('audit_log')
				.select((eb) => eb.fn.countAll<string>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

async function plan(mode: 'plan' | 'reoptimise' = 'plan') {
	const { runId, finished } = await startPlanningRun(handle.db, fixture.coordinator, fixture.session, mode);
	await finished;
	return runId;
}

describe('planning problem of a session', () => {
	it('follows planning-v1 and passes validateProblem, with the session data carried over', async () => {
		const { problem, setupErrors } = await loadPlanningContext(handle.db, fixture.session);
		expect(setupErrors).toEqual([]);
		expect(validateProblem(problem)).toEqual({ ok: true, problem });
		expect(problem.days).toEqual([{ date: '2026-12-07', start: '09:00', end: '12:00', breaks: [{ start: '10:30', end: '10:45' }] }]);
		const zoe = problem.candidates.find((candidate) => candidate.id === fixture.candidates.zoe)!;
		expect(zoe.conflicts).toEqual([fixture.jurors.claire]);
		expect(zoe.timezone).toBe('America/Montreal');
		expect(zoe.unavailable).toEqual([{ start: '2026-12-07T09:00:00+01:00', end: '2026-12-07T10:00:00+01:00' }]);
		expect(problem.candidates.filter((candidate) => candidate.team === 'Énergie')).toHaveLength(2);
		expect(problem.juries.find((jury) => jury.id === fixture.juries.A)).toMatchObject({
			room: fixture.rooms.turing,
			president: fixture.jurors.claire
		});
	});

	it('answers an unknown session with a French 404', async () => {
		expect((await refusal(loadPlanningContext(handle.db, '00000000-0000-4000-8000-000000000000'))).status).toBe(404);
		expect((await refusal(loadPlanningContext(handle.db, 'pas-un-uuid'))).status).toBe(404);
	});
});

describe('engine run, saved plan and reload', () => {
	it('solves in a worker, saves every defense, and reloads the same schedule', async () => {
		const runId = await plan();
		const run = await latestRun(handle.db, fixture.session);
		expect(run).toMatchObject({ id: runId, status: 'done', placed: 6, total: 6 });
		const view = await loadPlanView(handle.db, fixture.session);
		expect(checkSchedule(view.context.problem, view.schedule)).toEqual([]);
		expect(view.schedule.unplaced).toEqual([]);
		const victor = view.schedule.defenses.find((defense) => defense.candidates.includes(fixture.candidates.victor))!;
		expect(victor.jury).toBe(fixture.juries.A);
		const result = run!.result as { changes: { inserted: number } };
		expect(result.changes.inserted).toBe(view.schedule.defenses.length);
		expect(view.metrics?.placedCandidates).toBe(6);
	});

	it('refuses a second run while one is running, in French', async () => {
		const first = await startPlanningRun(handle.db, fixture.coordinator, fixture.session, 'reoptimise');
		const second = await refusal(startPlanningRun(handle.db, fixture.coordinator, fixture.session, 'plan'));
		expect(second.status).toBe(409);
		expect(second.message).toMatch(/déjà en cours/);
		await first.finished;
		expect((await latestRun(handle.db, fixture.session))?.status).toBe('done');
	});

	it('re-optimising an unchanged plan moves nothing and keeps the defense ids', async () => {
		const before = await snapshot();
		await plan('reoptimise');
		expect(await snapshot()).toEqual(before);
	});
});

describe('manual edits', () => {
	it('refuses a move that breaks a rule, says why in French, and changes nothing', async () => {
		const before = await snapshot();
		const audits = await auditCount();
		const victor = before.find((defense) => defense.candidates.includes(fixture.candidates.victor))!;
		const refused = await refusal(
			moveDefense(handle.db, fixture.coordinator, fixture.session, victor.id, {
				juryId: fixture.juries.B,
				date: '2026-12-07',
				time: '10:20'
			})
		);
		expect(refused).toBeInstanceOf(PlanningRefusal);
		const reasons = (refused as PlanningRefusal).details;
		expect(reasons).toContain('Thomas Girard travaille chez Ubisoft, comme Victor Caron : conflit d’intérêts.');
		expect(reasons).toContain('La soutenance chevauche la pause 10:30–10:45.');
		expect(await snapshot()).toEqual(before);
		expect(await auditCount()).toBe(audits);
	});

	it('accepts a valid move, keeps the defense id, and writes one audit row', async () => {
		const before = await snapshot();
		const amelie = before.find((defense) => defense.candidates.includes(fixture.candidates.amelie))!;
		// Free the last slot of the day in jury A: 11:30–11:55 is free unless something sits there.
		const view = await loadPlanView(handle.db, fixture.session);
		const busyA = view.schedule.defenses.filter(
			(defense) => defense.jury === fixture.juries.A && !defense.candidates.includes(fixture.candidates.amelie)
		);
		const target = ['11:30', '11:00', '10:45', '09:00'].find((time) => {
			const start = Date.parse(`2026-12-07T${time}:00+01:00`);
			return busyA.every((defense) => Date.parse(defense.end) + 5 * 60000 <= start || start + 30 * 60000 <= Date.parse(defense.start));
		})!;
		const audits = await auditCount();
		await moveDefense(handle.db, fixture.coordinator, fixture.session, amelie.id, {
			juryId: fixture.juries.A,
			date: '2026-12-07',
			time: target
		});
		const after = await snapshot();
		expect(after.find((defense) => defense.id === amelie.id)).toMatchObject({
			juryId: fixture.juries.A,
			start: new Date(`2026-12-07T${target}:00+01:00`).toISOString()
		});
		expect(await auditCount()).toBe(audits + 1);
		const reloaded = await loadPlanView(handle.db, fixture.session);
		expect(checkSchedule(reloaded.context.problem, reloaded.schedule)).toEqual([]);
	});

	it('lists the starts a defense may be dragged to: none in a jury with a juror of its company, and each one accepted', async () => {
		const victor = (await snapshot()).find((defense) => defense.candidates.includes(fixture.candidates.victor))!;
		const { step, allowed } = await allowedStartsOfDefense(handle.db, fixture.session, victor.id, '2026-12-07');
		expect(step).toBe(5);
		expect(allowed.filter((run) => run.jury === fixture.juries.B)).toEqual([]);
		expect(allowed.length).toBeGreaterThan(0);
		const before = await snapshot();
		// Every start shown is one the move accepts: the last of each run, then back where it was.
		const current = timeOfDay(localMinuteOfDay(Date.parse(victor.start) / 60000, 'Europe/Paris'));
		for (const run of allowed) {
			const time = timeOfDay(run.to) === current ? timeOfDay(run.from) : timeOfDay(run.to);
			await moveDefense(handle.db, fixture.coordinator, fixture.session, victor.id, { juryId: run.jury, date: '2026-12-07', time });
		}
		await moveDefense(handle.db, fixture.coordinator, fixture.session, victor.id, {
			juryId: victor.juryId,
			date: '2026-12-07',
			time: current
		});
		expect(await snapshot()).toEqual(before);
	});

	it('answers a malformed or unknown defense and a day outside the session in French, without a crash', async () => {
		const victor = (await snapshot()).find((defense) => defense.candidates.includes(fixture.candidates.victor))!;
		expect((await refusal(allowedStartsOfDefense(handle.db, fixture.session, 'x', '2026-12-07'))).status).toBe(400);
		const unknown = await refusal(allowedStartsOfDefense(handle.db, fixture.session, crypto.randomUUID(), '2026-12-07'));
		expect([unknown.status, unknown.message]).toEqual([404, 'Cette soutenance ne fait pas partie de la session.']);
		for (const day of ['2026-12-08', '07/12/2026', ''])
			expect((await refusal(allowedStartsOfDefense(handle.db, fixture.session, victor.id, day))).code).toBe('planning.start-invalid');
	});

	it('pins a defense: the engine keeps it and a pinned defense cannot be moved by hand', async () => {
		const before = await snapshot();
		const pinned = before.find((defense) => defense.candidates.includes(fixture.candidates.ines))!;
		await setDefensePinned(handle.db, fixture.coordinator, fixture.session, pinned.id, true);
		await plan('plan');
		const after = await snapshot();
		expect(after.find((defense) => defense.id === pinned.id)).toEqual({ ...pinned, pinned: true });
		const refused = (await refusal(
			moveDefense(handle.db, fixture.coordinator, fixture.session, pinned.id, { juryId: pinned.juryId, date: '2026-12-07', time: '09:00' })
		)) as PlanningRefusal;
		expect(refused.details[0]).toMatch(/^La soutenance de Inès Garcia est épinglée/);
		await setDefensePinned(handle.db, fixture.coordinator, fixture.session, pinned.id, false);
	});
});

describe('schedule import', () => {
	it('refuses a schedule that breaks rules, listing each violation with names, and changes nothing', async () => {
		const before = await snapshot();
		const view = await loadPlanView(handle.db, fixture.session);
		const broken = structuredClone(view.schedule);
		const victor = broken.defenses.find((defense) => defense.candidates.includes(fixture.candidates.victor))!;
		victor.jury = fixture.juries.B;
		victor.room = fixture.rooms.visio;
		broken.defenses = broken.defenses.filter((defense) => !defense.candidates.includes(fixture.candidates.amelie));
		const refused = (await refusal(
			importSchedule(handle.db, fixture.coordinator, fixture.session, JSON.stringify(broken))
		)) as PlanningRefusal;
		expect(refused.details.some((text) => text.includes('Amélie Lefèvre') && text.includes('0 fois'))).toBe(true);
		expect(refused.details.some((text) => text.includes("conflit d'intérêts avec Thomas Girard"))).toBe(true);
		expect(await snapshot()).toEqual(before);
	});

	it('refuses a file that is not a schedule document', async () => {
		const before = await snapshot();
		expect((await refusal(importSchedule(handle.db, fixture.coordinator, fixture.session, '{"format":'))).message).toMatch(/JSON/);
		expect(
			(await refusal(importSchedule(handle.db, fixture.coordinator, fixture.session, '{"format":"soutenance.planning/1"}'))).message
		).toMatch(/soutenance\.schedule\/1/);
		const badEntry = JSON.stringify({ format: 'soutenance.schedule/1', defenses: [{ candidates: [], jury: 1 }], unplaced: [] });
		expect(
			((await refusal(importSchedule(handle.db, fixture.coordinator, fixture.session, badEntry))) as PlanningRefusal).details[0]
		).toMatch(/soutenance n°1/);
		expect(await snapshot()).toEqual(before);
	});

	it('imports a valid schedule: everything unplaced empties the plan in one transaction', async () => {
		const view = await loadPlanView(handle.db, fixture.session);
		const allUnplaced = {
			format: 'soutenance.schedule/1',
			defenses: [],
			unplaced: [...view.schedule.defenses, ...view.schedule.unplaced].map((group) => ({ candidates: group.candidates, reasons: [] })),
			stats: { elapsedMs: 0 }
		};
		await importSchedule(handle.db, fixture.coordinator, fixture.session, JSON.stringify(allUnplaced));
		expect(await snapshot()).toEqual([]);
		await importSchedule(handle.db, fixture.coordinator, fixture.session, JSON.stringify(view.schedule));
		const restored = await loadPlanView(handle.db, fixture.session);
		expect(restored.schedule.defenses).toEqual(view.schedule.defenses);
	});
});

describe('interrupted runs', () => {
	it('keeps a run whose server still beats running, however long it has been solving', async () => {
		const { id } = await handle.db
			.insertInto('planning_runs')
			.values({ session_id: fixture.session, mode: 'plan', started_by: fixture.coordinator, started_at: new Date(Date.now() - 3_600_000) })
			.returning('id')
			.executeTakeFirstOrThrow();
		await currentRun(handle.db, fixture.session);
		expect((await getRun(handle.db, fixture.session, id))?.status).toBe('running');
		await handle.db.deleteFrom('planning_runs').where('id', '=', id).execute();
	});

	it('marks a run left running by a stopped server as failed seconds later, so planning can start again', async () => {
		const silent = new Date(Date.now() - 15_000);
		const { id } = await handle.db
			.insertInto('planning_runs')
			.values({ session_id: fixture.session, mode: 'plan', started_by: fixture.coordinator, started_at: silent, heartbeat_at: silent })
			.returning('id')
			.executeTakeFirstOrThrow();
		await currentRun(handle.db, fixture.session);
		expect(await getRun(handle.db, fixture.session, id)).toMatchObject({
			status: 'failed',
			error: 'La planification a été interrompue (redémarrage du serveur) : relancez-la.'
		});
		await (
			await startPlanningRun(handle.db, fixture.coordinator, fixture.session, 'reoptimise')
		).finished;
		expect((await currentRun(handle.db, fixture.session))?.status).toBe('done');
	});
});
