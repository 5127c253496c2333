import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import { insertPlanningFixture, type PlanningFixture } from '../../../../tests/helpers/planning-fixture';
import type { DatabaseHandle } from '../db';
import { syncReferentiels } from '../referentiel/referentiel-repository';
import { insertDefense } from '../publication/publication-repository';
import { publishPlan } from '../publication/publication-service';
import { sessionDashboard } from './session-service';

let handle: DatabaseHandle;
let fixture: PlanningFixture;
let other: PlanningFixture;

beforeAll(async () => {
	handle = await freshDatabase();
	await syncReferentiels(handle.db);
	fixture = await insertPlanningFixture(handle.db);
	// A second session with the same kind of data: none of it may leak into the first one's counts.
	other = await insertPlanningFixture(handle.db, '-autre');
	const { db } = handle;
	const c = other.candidates;
	await insertDefense(db, {
		sessionId: other.session,
		juryId: other.juries.A,
		start: new Date('2026-12-07T08:00:00Z'),
		end: new Date('2026-12-07T08:25:00Z'),
		candidates: [c.amelie]
	});
	await publishPlan(db, other.coordinator, other.session, 0);
});
afterAll(() => handle.close());

const dashboard = async () => (await sessionDashboard(handle.db, fixture.session))!;
const stateOf = async () => Object.fromEntries((await dashboard()).steps.map((step) => [step.key, [step.state, step.count, step.total]]));

describe('the session dashboard', () => {
	it('counts each step of the session in order and names the first one not done as next', async () => {
		const { db } = handle;
		const { candidates: c, juries, jurors } = fixture;
		const first = await dashboard();
		expect(first.days).toEqual(['2026-12-07']);
		expect(first.rooms).toBe(2);
		expect(first.counts.jurors).toBe(4);
		expect(await stateOf()).toEqual({
			juries: ['done', 2, 2],
			candidates: ['done', 6, 6],
			plan: ['next', 0, 6],
			published: ['todo', 0, 0],
			day: ['todo', 0, 0],
			grids: ['todo', 0, 0],
			deliberations: ['todo', 0, 0],
			results: ['todo', 0, 1]
		});

		// A jury that loses its president is no longer formed.
		const juryC = (
			await db
				.insertInto('juries')
				.values({ session_id: fixture.session, label: 'C', room_id: fixture.rooms.turing, president_id: null })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		await db.insertInto('jury_members').values({ jury_id: juryC, juror_id: jurors.claire }).execute();
		expect((await stateOf()).juries).toEqual(['next', 2, 3]);
		await db.deleteFrom('jury_members').where('jury_id', '=', juryC).execute();
		await db.deleteFrom('juries').where('id', '=', juryC).execute();

		const at = (time: string) => new Date(`2026-12-07T${time}:00+01:00`);
		const defense = (jury: string, start: string, end: string, people: string[]) =>
			insertDefense(db, { sessionId: fixture.session, juryId: jury, start: at(start), end: at(end), candidates: people });
		const d1 = await defense(juries.A, '09:00', '09:25', [c.amelie]);
		const d2 = await defense(juries.A, '09:30', '09:55', [c.ines]);
		const d3 = await defense(juries.B, '09:00', '09:40', [c.moussa, c.chloe]);
		await defense(juries.B, '10:00', '10:25', [c.victor]);
		expect(await stateOf()).toMatchObject({ plan: ['next', 5, 6], published: ['todo', 0, 0], day: ['todo', 0, 4] });

		await defense(juries.B, '11:00', '11:25', [c.zoe]);
		await publishPlan(db, fixture.coordinator, fixture.session, 0);
		const published = await dashboard();
		expect(published.counts.publishedVersion).toBe(1);
		expect(published.counts.publishedAt).toBeInstanceOf(Date);
		// 5 defenses, 6 candidates, each heard by the 2 members of their jury.
		expect(await stateOf()).toMatchObject({
			plan: ['done', 6, 6],
			published: ['done', 1, 1],
			day: ['next', 0, 5],
			grids: ['todo', 0, 12]
		});

		// The day runs: one defense done, one under way, one candidate absent (no grid expected for them).
		await db.updateTable('defenses').set({ status: 'done' }).where('id', '=', d1).execute();
		await db.updateTable('defenses').set({ status: 'in_progress' }).where('id', '=', d3).execute();
		await db.updateTable('defenses').set({ status: 'absent' }).where('id', '=', d2).execute();
		const sheet = (juror: string, submitted: boolean) =>
			db
				.insertInto('score_sheets')
				.values({ defense_id: d1, candidate_id: c.amelie, juror_id: juror, submitted_at: submitted ? new Date() : null })
				.execute();
		await sheet(jurors.claire, true);
		await sheet(jurors.julien, false);
		const running = await dashboard();
		expect(running.counts.status).toEqual({ planned: 2, in_progress: 1, done: 1, absent: 1 });
		expect(await stateOf()).toMatchObject({ day: ['next', 2, 5], grids: ['todo', 1, 10], deliberations: ['todo', 0, 2] });

		// Jury A's record is locked (signed by all); a draft of jury B's is not.
		await db
			.insertInto('pv_versions')
			.values({ jury_id: juries.A, version: 1, locked_at: new Date(), pdf: Buffer.from('%PDF'), sha256: 'ab'.repeat(32) })
			.execute();
		await db.insertInto('pv_versions').values({ jury_id: juries.B, version: 1 }).execute();
		expect((await stateOf()).deliberations).toEqual(['todo', 1, 2]);

		await db
			.insertInto('results_publications')
			.values({ session_id: fixture.session, appeal_until: '2026-12-21', published_by: fixture.coordinator })
			.execute();
		expect((await stateOf()).results).toEqual(['done', 1, 1]);
		expect((await dashboard()).counts.resultsPublishedAt).toBeInstanceOf(Date);
	});

	it('answers nothing for a session that does not exist', async () => {
		expect(await sessionDashboard(handle.db, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
	});
});
