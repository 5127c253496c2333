import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import { registerCandidates } from '../../../../tests/helpers/candidates';
import { defaultReferentiel } from '$lib/domain/referentiel/referentiel';
import type { DatabaseHandle } from '../db';
import { syncReferentiels } from '../referentiel/referentiel-repository';
import { sessionResults } from './results-service';

let handle: DatabaseHandle;
let sessionId: string;
const COUNT = 150;

beforeAll(async () => {
	handle = await freshDatabase();
	const { db } = handle;
	await syncReferentiels(db);
	sessionId = (
		await db
			.insertInto('exam_sessions')
			.values({ referentiel_id: defaultReferentiel.id, name: 'Grande session', timezone: 'Europe/Paris' })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	await registerCandidates(db, sessionId, COUNT);
});

afterAll(async () => handle?.close());

describe('the results page', () => {
	it('reads one page of the candidates, by name', async () => {
		const second = await sessionResults(handle.db, sessionId, 2);
		expect(second.pagination).toMatchObject({ page: 2, pageCount: 2, total: COUNT });
		expect(second.rows.map((row) => row.name)).toEqual(Array.from({ length: 50 }, (_, n) => `Candidat ${100 + n}`));
		expect(second.rows[0]).toMatchObject({ state: 'unplaced', current: null, history: [] });
		expect((await sessionResults(handle.db, sessionId, 1)).rows).toHaveLength(100);
	});

	it('reads every candidate for the exports, when no page is asked for', async () => {
		const all = await sessionResults(handle.db, sessionId);
		expect(all.rows).toHaveLength(COUNT);
		expect(all.pagination).toMatchObject({ page: 1, pageCount: 1 });
	});
});
