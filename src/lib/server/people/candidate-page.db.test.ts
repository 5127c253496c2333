import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import { registerCandidates } from '../../../../tests/helpers/candidates';
import { defaultReferentiel } from '$lib/domain/referentiel/referentiel';
import type { DatabaseHandle } from '../db';
import { sessionCandidatePage } from './candidate-repository';

let handle: DatabaseHandle;
let sessionId: string;
const COUNT = 230;

beforeAll(async () => {
	handle = await freshDatabase();
	const { db } = handle;
	[sessionId] = (
		await db
			.insertInto('exam_sessions')
			.values(
				['Grande session', 'Autre session'].map((name) => ({ referentiel_id: defaultReferentiel.id, name, timezone: 'Europe/Paris' }))
			)
			.returning('id')
			.execute()
	).map((row) => row.id);
	// Three teams of three, the other candidates alone; the first ten of the list are at Acme.
	const ids = await registerCandidates(db, sessionId, COUNT, (index) => ({
		project_title: index % 2 ? 'Prévision' : 'Vision',
		team: index < 9 ? `Équipe ${Math.floor(index / 3) + 1}` : null
	}));
	await db
		.insertInto('candidate_profiles')
		.values(ids.slice(0, 10).map((id) => ({ user_id: id, company: 'Acme' })))
		.execute();
});

afterAll(async () => handle?.close());

describe('one page of the candidates', () => {
	it('reads only the rows of the page asked for, in list order, with the totals of the whole list', async () => {
		const first = await sessionCandidatePage(handle.db, sessionId, { page: 1 });
		expect(first.pagination).toMatchObject({ page: 1, pageCount: 3, total: COUNT, offset: 0 });
		expect(first.teams).toBe(3);
		expect(first.rows).toHaveLength(100);
		// Candidates alone first (no team sorts as ''), then the teams together.
		expect(first.rows[0]).toMatchObject({ displayName: 'Candidat 009', team: null, teamSize: '0' });
		const last = await sessionCandidatePage(handle.db, sessionId, { page: 3 });
		expect(last.rows).toHaveLength(COUNT - 200);
		expect(last.rows.slice(-9).map((row) => [row.team, Number(row.teamSize)])).toEqual(
			[1, 1, 1, 2, 2, 2, 3, 3, 3].map((team) => [`Équipe ${team}`, 3])
		);
		const pages = await Promise.all([1, 2, 3].map((page) => sessionCandidatePage(handle.db, sessionId, { page })));
		const ids = pages.flatMap((page) => page.rows.map((row) => row.id));
		expect(new Set(ids).size).toBe(COUNT);
	});

	it('shows the last page for a page past it', async () => {
		const past = await sessionCandidatePage(handle.db, sessionId, { page: 99 });
		expect(past.pagination.page).toBe(3);
		expect(past.rows).toHaveLength(COUNT - 200);
	});

	it('counts and pages the search results only, team sizes still those of the session', async () => {
		const acme = await sessionCandidatePage(handle.db, sessionId, { search: 'acme', page: 1 });
		expect(acme.pagination).toMatchObject({ total: 10, pageCount: 1 });
		expect(acme.teams).toBe(3);
		const team = await sessionCandidatePage(handle.db, sessionId, { search: 'Candidat 004', page: 1 });
		expect(team.rows).toMatchObject([{ team: 'Équipe 2', teamSize: '3' }]);
		const none = await sessionCandidatePage(handle.db, sessionId, { search: '100%', page: 1 });
		expect(none.pagination).toMatchObject({ total: 0, page: 1, pageCount: 1 });
		expect(none.rows).toEqual([]);
	});
});
