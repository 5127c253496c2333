import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import { defaultReferentiel } from '$lib/domain/referentiel/referentiel';
import type { DatabaseHandle } from '../db';
import { insertUser } from '../auth/user-repository';
import { insertDefense } from '../publication/publication-repository';
import { juryDayDefenseContexts, sessionDayDefenseContexts } from './timer-repository';
import { juryBoardRow, sessionBoard } from './board-service';

let handle: DatabaseHandle;
let sessionId: string;
let juryId: string;
const starts: Record<string, string> = {};

// Europe/Paris moves to summer time on 28 March 2027: that day lasts 23 hours, from 23:00Z to 22:00Z.
const DEFENSES = {
	dayBefore: '2027-03-27T23:30:00+01:00',
	firstOfDay: '2027-03-28T00:30:00+01:00',
	lastOfDay: '2027-03-28T23:30:00+02:00',
	dayAfter: '2027-03-29T00:10:00+02:00'
};

beforeAll(async () => {
	handle = await freshDatabase();
	const { db } = handle;
	sessionId = (
		await db
			.insertInto('exam_sessions')
			.values({ referentiel_id: defaultReferentiel.id, name: 'Nuit', timezone: 'Europe/Paris' })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	const president = await insertUser(db, { email: 'p@test.fr', displayName: 'Présidente', role: 'juror' });
	juryId = (
		await db
			.insertInto('juries')
			.values({ session_id: sessionId, label: 'A', president_id: president.id })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	for (const [key, start] of Object.entries(DEFENSES)) {
		const candidate = await insertUser(db, { email: `${key.toLowerCase()}@test.fr`, displayName: key, role: 'candidate' });
		const begin = new Date(start);
		starts[
			await insertDefense(db, { sessionId, juryId, start: begin, end: new Date(begin.getTime() + 20 * 60_000), candidates: [candidate.id] })
		] = key;
	}
});

afterAll(async () => handle?.close());

describe("the live views read the day's defenses only", () => {
	it('takes the bounds of the day in the session zone, a 23-hour day included', async () => {
		const noon = new Date('2027-03-28T12:00:00+02:00');
		const names = (rows: { id: string }[]) => rows.map((row) => starts[row.id]);
		expect(names(await sessionDayDefenseContexts(handle.db, sessionId, noon))).toEqual(['firstOfDay', 'lastOfDay']);
		expect(names(await juryDayDefenseContexts(handle.db, juryId, noon))).toEqual(['firstOfDay', 'lastOfDay']);
		expect(names(await sessionDayDefenseContexts(handle.db, sessionId, new Date('2027-03-29T00:00:00+02:00')))).toEqual(['dayAfter']);
		expect(names(await sessionDayDefenseContexts(handle.db, sessionId, new Date('2027-03-27T23:59:59+01:00')))).toEqual(['dayBefore']);
		expect(await sessionDayDefenseContexts(handle.db, sessionId, new Date('2027-04-02T12:00:00+02:00'))).toEqual([]);
	});

	it("counts only that day's defenses on the board", async () => {
		const [row] = await sessionBoard(handle.db, sessionId, new Date('2027-03-28T12:00:00+02:00'));
		expect(row).toMatchObject({ label: 'A', total: 2 });
	});

	it('gives one jury its row alone, as the board has it, to push on a change; none to another session', async () => {
		const noon = new Date('2027-03-28T12:00:00+02:00');
		const [boardRow] = await sessionBoard(handle.db, sessionId, noon);
		expect(await juryBoardRow(handle.db, sessionId, juryId, noon)).toEqual(boardRow);
		expect(await juryBoardRow(handle.db, '00000000-0000-4000-8000-000000000000', juryId, noon)).toBeNull();
		expect(await juryBoardRow(handle.db, sessionId, 'pas-un-uuid', noon)).toBeNull();
	});
});
