import { chainAllScoreSaves } from '../audit/journal-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import { defaultReferentiel } from '$lib/domain/referentiel/referentiel';
import { applyChange, type GridState, type ScoreChange } from '$lib/domain/scoring/changes';
import type { DatabaseHandle } from '../db';
import { createSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../auth/session-service';
import { generateToken } from '../auth/tokens';
import { insertUser, setUserActive } from '../auth/user-repository';
import { insertDefense } from '../publication/publication-repository';
import { scorableDefenseIds } from './scoring-repository';
import { entryKey } from '$lib/domain/scoring/form-fields';
import { verifyAuditChain } from '../audit/audit-repository';
import {
	defensePage,
	jurorGridState,
	reopenGrids,
	saveChanges,
	saveChangesWithSession,
	saveGridForm,
	submitGrids
} from './scoring-service';
import { refusal } from '../../../../tests/helpers/refusal';

let handle: DatabaseHandle;
const people: Record<string, string> = {};
const defenses: Record<string, string> = {};
const CODES = ['C6.1', 'C6.2', 'C6.3', 'C6.4', 'C6.5', 'C6.6'];

beforeAll(async () => {
	handle = await freshDatabase();
	const { db } = handle;
	for (const [key, role] of [
		['j1', 'juror'],
		['j2', 'juror'],
		['j3', 'juror'],
		['j4', 'juror'],
		['c1', 'candidate'],
		['c2', 'candidate'],
		['c3', 'candidate'],
		['c4', 'candidate']
	] as const) {
		people[key] = (await insertUser(db, { email: `${key}@test.fr`, displayName: `Personne ${key.toUpperCase()}`, role })).id;
	}
	const { id: sessionId } = await db
		.insertInto('exam_sessions')
		.values({ referentiel_id: defaultReferentiel.id, name: 'Session', timezone: 'Europe/Paris' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const jury = async (label: string, members: string[]) => {
		const { id } = await db
			.insertInto('juries')
			.values({ session_id: sessionId, label, president_id: people[members[0]] })
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('jury_members')
			.values(members.map((member) => ({ jury_id: id, juror_id: people[member] })))
			.execute();
		return id;
	};
	const juryA = await jury('A', ['j1', 'j2', 'j3']);
	const juryB = await jury('B', ['j4', 'j2']);
	for (const key of ['c1', 'c2', 'c3', 'c4'])
		await db
			.insertInto('registrations')
			.values({
				session_id: sessionId,
				candidate_id: people[key],
				project_title: `Projet ${key}`,
				team: key === 'c2' || key === 'c3' ? 'Churn' : null
			})
			.execute();
	const slot = (hour: number) => ({
		start: new Date(`2027-03-29T${String(hour).padStart(2, '0')}:00:00+02:00`),
		end: new Date(`2027-03-29T${String(hour).padStart(2, '0')}:25:00+02:00`)
	});
	defenses.solo = await insertDefense(db, { sessionId, juryId: juryA, ...slot(9), candidates: [people.c1] });
	defenses.team = await insertDefense(db, { sessionId, juryId: juryA, ...slot(10), candidates: [people.c2, people.c3] });
	defenses.other = await insertDefense(db, { sessionId, juryId: juryB, ...slot(11), candidates: [people.c4] });
});

afterAll(async () => {
	await handle?.close();
});

// Clocks in the past: the server brings a client clock running ahead back to its own time.
let clock = Date.now() - 3_600_000;
function change(
	candidate: string | null,
	field: ScoreChange['field'],
	code: string | null,
	value: ScoreChange['value'],
	clientTime = ++clock
): ScoreChange {
	return { changeId: crypto.randomUUID(), candidateId: candidate && people[candidate], field, competencyCode: code, value, clientTime };
}

describe('access', () => {
	it('answers for a whole set of defenses which ones the juror may score', async () => {
		const ids = [defenses.solo, defenses.team, defenses.other];
		expect([...(await scorableDefenseIds(handle.db, people.j1, ids))].sort()).toEqual([defenses.solo, defenses.team].sort());
		expect([...(await scorableDefenseIds(handle.db, people.j2, ids))].sort()).toEqual([...ids].sort());
		expect(await scorableDefenseIds(handle.db, people.c1, ids)).toEqual(new Set());
	});

	it('refuses a juror outside the jury (403), an unknown defense (404), another defense’s candidate (400): nothing written', async () => {
		expect((await refusal(saveChanges(handle.db, people.j4, defenses.solo, { changes: [change('c1', 'level', 'C6.1', 2)] }))).status).toBe(
			403
		);
		expect((await refusal(saveChanges(handle.db, people.j4, defenses.solo, { changes: [] }))).status).toBe(403);
		expect((await refusal(jurorGridState(handle.db, people.j4, defenses.solo))).status).toBe(403);
		expect((await refusal(saveChanges(handle.db, people.j1, '00000000-0000-4000-8000-000000000000', { changes: [] }))).status).toBe(404);
		expect((await refusal(saveChanges(handle.db, people.j1, 'pas-un-uuid', { changes: [] }))).status).toBe(404);
		const wrongCandidate = await refusal(
			saveChanges(handle.db, people.j1, defenses.solo, { changes: [change('c1', 'level', 'C6.1', 2), change('c4', 'level', 'C6.1', 2)] })
		);
		expect(wrongCandidate.status).toBe(400);
		expect(wrongCandidate.message).toContain('n° 2');
		const rows = await handle.db.selectFrom('applied_changes').select('change_id').execute();
		expect(rows).toHaveLength(0);
	});
});

describe('autosave', () => {
	it('applies each change once: a replayed batch stores nothing new and answers the same ids', async () => {
		const batch = [
			change('c1', 'level', 'C6.1', 2),
			change('c1', 'criteria', 'C6.1', [2, 0]),
			change('c1', 'comment', 'C6.1', 'Clair'),
			change(null, 'notes', null, 'À revoir : budget')
		];
		const first = await saveChanges(handle.db, people.j1, defenses.solo, { changes: batch });
		const replay = await saveChanges(handle.db, people.j1, defenses.solo, { changes: batch });
		expect([...first.stored].sort()).toEqual(batch.map((entry) => entry.changeId).sort());
		expect([...replay.stored].sort()).toEqual([...first.stored].sort());
		const applied = await handle.db.selectFrom('applied_changes').select('change_id').where('change_id', 'in', first.stored).execute();
		expect(applied).toHaveLength(4);
		const { state } = await jurorGridState(handle.db, people.j1, defenses.solo);
		expect(state.sheets[people.c1]['C6.1']).toEqual({ level: 2, criteria: [0, 2], comment: 'Clair' });
		expect(state.notes).toBe('À revoir : budget');
		const entries = await handle.db.selectFrom('score_entries').select('competency_code').execute();
		expect(entries).toHaveLength(1);
	});

	it('keeps the newest change per field whatever the order they arrive in, like the domain merge', async () => {
		const changes = [
			change('c1', 'level', 'C6.2', 1),
			change('c1', 'level', 'C6.2', 3),
			change('c1', 'comment', 'C6.2', 'premier'),
			change('c1', 'level', 'C6.2', 2),
			change('c1', 'comment', 'C6.2', 'dernier'),
			change('c1', 'criteria', 'C6.2', [1])
		];
		// Newest level is 2, newest comment "dernier"; send them newest first, one batch each.
		for (const entry of [...changes].reverse()) await saveChanges(handle.db, people.j1, defenses.solo, { changes: [entry] });
		const { state } = await jurorGridState(handle.db, people.j1, defenses.solo);
		const expected = changes.reduce((merged: GridState, entry) => applyChange(merged, entry), { sheets: {}, notes: '', clocks: {} });
		expect(state.sheets[people.c1]['C6.2']).toEqual(expected.sheets[people.c1]['C6.2']);
		expect(state.sheets[people.c1]['C6.2']).toEqual({ level: 2, criteria: [1], comment: 'dernier' });
	});

	it('refuses a level outside the scale and a criterion that does not exist', async () => {
		expect(
			(await refusal(saveChanges(handle.db, people.j1, defenses.solo, { changes: [change('c1', 'level', 'C6.1', 7)] }))).message
		).toContain('niveau');
		expect(
			(await refusal(saveChanges(handle.db, people.j1, defenses.solo, { changes: [change('c1', 'criteria', 'C6.1', [9])] }))).message
		).toContain('critère');
		expect(
			(await refusal(saveChanges(handle.db, people.j1, defenses.solo, { changes: [change('c1', 'level', 'C9.9', 1)] }))).message
		).toContain('compétence');
	});

	it('refuses a batch with a control character in a comment or the notes whole, naming the field: nothing of it is written', async () => {
		const applied = async () => (await handle.db.selectFrom('applied_changes').select('change_id').execute()).length;
		const before = await applied();
		const good = change('c1', 'level', 'C6.2', 3);
		for (const bad of [change('c1', 'comment', 'C6.2', 'avant\u0000après'), change(null, 'notes', null, 'note \u001b')]) {
			const refused = await refusal(saveChanges(handle.db, people.j3, defenses.solo, { changes: [good, bad] }));
			expect([refused.status, refused.code]).toEqual([400, 'scoring.invalid-input']);
			expect(refused.message).toMatch(/^Modification n° 2 refusée : (le commentaire|les notes) contien/);
		}
		expect(await applied()).toBe(before);
		const { state } = await jurorGridState(handle.db, people.j3, defenses.solo);
		expect(state.sheets[people.c1]?.['C6.2']?.level ?? null).toBeNull();
	});

	it('loses nothing when many batches of the same juror race', async () => {
		const racing = CODES.map((code, index) => change('c1', 'comment', code, `course ${index}`));
		const outcomes = await Promise.all(racing.map((entry) => saveChanges(handle.db, people.j2, defenses.solo, { changes: [entry] })));
		expect(outcomes.flatMap((outcome) => outcome.stored).sort()).toEqual(racing.map((entry) => entry.changeId).sort());
		const { state } = await jurorGridState(handle.db, people.j2, defenses.solo);
		expect(CODES.map((code) => state.sheets[people.c1][code].comment)).toEqual(CODES.map((_, index) => `course ${index}`));
	});
});

describe('autosave checking the session in its own statement', () => {
	const appliedCount = async () => (await handle.db.selectFrom('applied_changes').select('change_id').execute()).length;
	const session = async (person: string) => (await createSession(handle.db, people[person])).token;
	let storedBatch: ScoreChange[] = [];

	it('stores the changes of a live juror session, each once', async () => {
		const token = await session('j4');
		storedBatch = [change('c4', 'level', 'C6.1', 3), change(null, 'notes', null, 'Privé')];
		const first = await saveChangesWithSession(handle.db, token, defenses.other, { changes: storedBatch });
		const replay = await saveChangesWithSession(handle.db, token, defenses.other, { changes: storedBatch });
		expect([...first.stored].sort()).toEqual(storedBatch.map((entry) => entry.changeId).sort());
		expect([...replay.stored].sort()).toEqual([...first.stored].sort());
		const { state } = await jurorGridState(handle.db, people.j4, defenses.other);
		expect(state.sheets[people.c4]['C6.1'].level).toBe(3);
		expect(state.notes).toBe('Privé');
	});

	it('answers 401 to a token without a live session, even replaying a stored change, and writes nothing', async () => {
		const before = await appliedCount();
		const expired = (await createSession(handle.db, people.j4, new Date(Date.now() - SESSION_IDLE_MS - 60_000))).token;
		const tooOld = await session('j4');
		await handle.db
			.updateTable('auth_sessions')
			.set({ created_at: new Date(Date.now() - SESSION_ABSOLUTE_MS - 60_000) })
			.where('user_id', '=', people.j4)
			.where('created_at', '>', new Date(Date.now() - 60_000))
			.execute();
		for (const token of [generateToken(), expired, tooOld]) {
			expect(
				(await refusal(saveChangesWithSession(handle.db, token, defenses.other, { changes: [change('c4', 'level', 'C6.2', 1)] }))).status
			).toBe(401);
			expect((await refusal(saveChangesWithSession(handle.db, token, defenses.other, { changes: storedBatch }))).status).toBe(401);
			expect((await refusal(saveChangesWithSession(handle.db, token, defenses.other, { changes: [] }))).status).toBe(401);
		}
		expect(await appliedCount()).toBe(before);
	});

	it('answers 403 to a candidate and to a juror outside the jury, even for an empty batch', async () => {
		const before = await appliedCount();
		const candidate = await session('c4');
		expect((await refusal(saveChangesWithSession(handle.db, candidate, defenses.other, { changes: [] }))).status).toBe(403);
		expect(
			(await refusal(saveChangesWithSession(handle.db, candidate, defenses.other, { changes: [change('c4', 'level', 'C6.2', 1)] }))).status
		).toBe(403);
		const outsider = await session('j1');
		expect((await refusal(saveChangesWithSession(handle.db, outsider, defenses.other, { changes: [] }))).status).toBe(403);
		expect(
			(await refusal(saveChangesWithSession(handle.db, outsider, defenses.other, { changes: [change('c4', 'level', 'C6.2', 1)] }))).status
		).toBe(403);
		expect((await refusal(saveChangesWithSession(handle.db, outsider, defenses.other, { changes: storedBatch }))).status).toBe(403);
		expect(await appliedCount()).toBe(before);
	});

	it('stops at once for a deactivated account', async () => {
		const token = await session('j4');
		await setUserActive(handle.db, people.j4, false);
		try {
			expect(
				(await refusal(saveChangesWithSession(handle.db, token, defenses.other, { changes: [change('c4', 'level', 'C6.3', 2)] }))).status
			).toBe(401);
		} finally {
			await setUserActive(handle.db, people.j4, true);
		}
	});

	it('gives a live juror the same answers as the full path: 404, the validation message, the empty batch', async () => {
		const token = await session('j4');
		expect(
			(
				await refusal(
					saveChangesWithSession(handle.db, token, '00000000-0000-4000-8000-000000000000', { changes: [change('c4', 'level', 'C6.1', 1)] })
				)
			).status
		).toBe(404);
		expect(
			(await refusal(saveChangesWithSession(handle.db, token, defenses.other, { changes: [change('c4', 'level', 'C6.1', 7)] }))).message
		).toContain('niveau');
		expect(await saveChangesWithSession(handle.db, token, defenses.other, { changes: [] })).toEqual({ stored: [], rejected: [] });
	});
});

describe('submission, visibility and reopening', () => {
	it('refuses to submit while levels are missing, naming them', async () => {
		const error = await refusal(submitGrids(handle.db, people.j1, defenses.solo));
		expect(error.message).toContain('C6.3, C6.4, C6.5, C6.6');
		expect(error.message).not.toContain('C6.1');
	});

	it('locks the grid once submitted: later changes are refused, the notes stay private and editable', async () => {
		await saveChanges(handle.db, people.j1, defenses.solo, { changes: CODES.map((code) => change('c1', 'level', code, 3)) });
		await submitGrids(handle.db, people.j1, defenses.solo);
		const late = change('c1', 'level', 'C6.1', 0);
		const notes = change(null, 'notes', null, 'après soumission');
		const outcome = await saveChanges(handle.db, people.j1, defenses.solo, { changes: [late, notes] });
		expect(outcome.rejected.map((entry) => entry.changeId)).toEqual([late.changeId]);
		expect(outcome.stored).toEqual([notes.changeId]);
		const { state, submitted } = await jurorGridState(handle.db, people.j1, defenses.solo);
		expect(submitted).toBe(true);
		expect(state.sheets[people.c1]['C6.1'].level).toBe(3);
		expect((await refusal(submitGrids(handle.db, people.j1, defenses.solo))).status).toBe(409);
		const audit = await handle.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'scores.submit').execute();
		expect(audit).toEqual([{ action: 'scores.submit', actor_id: people.j1 }]);
	});

	it("shows another juror's levels only to a juror who has submitted, and only once that one has submitted", async () => {
		// j1 submitted; j2 has not: j2 sees nothing of j1, j1 sees nothing of j2.
		expect((await defensePage(handle.db, people.j2, defenses.solo)).others).toEqual([]);
		expect((await defensePage(handle.db, people.j1, defenses.solo)).others).toEqual([]);
		await saveChanges(handle.db, people.j2, defenses.solo, { changes: CODES.map((code) => change('c1', 'level', code, 1)) });
		await submitGrids(handle.db, people.j2, defenses.solo);
		const seenByJ2 = (await defensePage(handle.db, people.j2, defenses.solo)).others;
		expect(seenByJ2.map((other) => other.jurorId)).toEqual([people.j1]);
		expect(seenByJ2[0].byCandidate[people.c1]['C6.4'].level).toBe(3);
		const seenByJ1 = (await defensePage(handle.db, people.j1, defenses.solo)).others;
		expect(seenByJ1.map((other) => [other.jurorId, other.byCandidate[people.c1]['C6.4'].level])).toEqual([[people.j2, 1]]);
		// j3 of the same jury has not submitted; j4 is not in the jury at all.
		expect((await defensePage(handle.db, people.j3, defenses.solo)).others).toEqual([]);
		expect((await refusal(defensePage(handle.db, people.j4, defenses.solo))).status).toBe(403);
	});

	it('lets only the president reopen a grid, with a reason, and logs it', async () => {
		expect((await refusal(reopenGrids(handle.db, people.j2, defenses.solo, people.j1, 'erreur de saisie'))).status).toBe(403);
		expect((await refusal(reopenGrids(handle.db, people.j1, defenses.solo, people.j2, '   '))).field).toBe('reason');
		expect((await refusal(reopenGrids(handle.db, people.j1, defenses.solo, people.j3, 'pas soumise'))).status).toBe(409);
		expect((await refusal(reopenGrids(handle.db, people.j1, defenses.solo, people.j4, 'pas membre'))).status).toBe(404);
		await reopenGrids(handle.db, people.j1, defenses.solo, people.j2, 'Niveau de C6.4 saisi par erreur');
		const { submitted } = await jurorGridState(handle.db, people.j2, defenses.solo);
		expect(submitted).toBe(false);
		const outcome = await saveChanges(handle.db, people.j2, defenses.solo, { changes: [change('c1', 'level', 'C6.4', 2)] });
		expect(outcome.rejected).toEqual([]);
		const log = await handle.db.selectFrom('score_reopenings').select(['juror_id', 'reopened_by', 'reason']).execute();
		expect(log).toEqual([{ juror_id: people.j2, reopened_by: people.j1, reason: 'Niveau de C6.4 saisi par erreur' }]);
		const audit = await handle.db
			.selectFrom('audit_log')
			.select(['action', 'actor_id', 'entity_id'])
			.where('action', '=', 'scores.reopen')
			.execute();
		expect(audit).toEqual([{ action: 'scores.reopen', actor_id: people.j1, entity_id: defenses.solo }]);
		// Reopened, j2 no longer counts as submitted: j1 stops seeing j2's levels.
		expect((await defensePage(handle.db, people.j1, defenses.solo)).others).toEqual([]);
	});
});

describe('team defense', () => {
	it('gives each candidate a grid and names, per candidate, what is missing', async () => {
		const { state } = await jurorGridState(handle.db, people.j3, defenses.team);
		expect(Object.keys(state.sheets).sort()).toEqual([people.c2, people.c3].sort());
		await saveChanges(handle.db, people.j3, defenses.team, {
			changes: [...CODES.map((code) => change('c2', 'level', code, 2)), change('c3', 'level', 'C6.1', 2)]
		});
		const error = await refusal(submitGrids(handle.db, people.j3, defenses.team));
		expect(error.message).toContain('C6.2, C6.3, C6.4, C6.5, C6.6 (Personne C3)');
		expect(error.message).not.toContain('Personne C2');
	});
});

describe('a save racing with the submission', () => {
	it('either lands before the submission (and is in what was submitted) or is refused as locked', async () => {
		await saveChanges(handle.db, people.j3, defenses.solo, { changes: CODES.map((code) => change('c1', 'level', code, 1)) });
		for (let round = 0; round < 8; round++) {
			const racing = change('c1', 'level', 'C6.1', round % 2 === 0 ? 3 : 0);
			const [saved] = await Promise.all([
				saveChanges(handle.db, people.j3, defenses.solo, { changes: [racing] }),
				submitGrids(handle.db, people.j3, defenses.solo)
			]);
			const { state } = await jurorGridState(handle.db, people.j3, defenses.solo);
			const submitted = await handle.db
				.selectFrom('audit_log')
				.select('after')
				.where('action', '=', 'scores.submit')
				.where('actor_id', '=', people.j3)
				.orderBy('id', 'desc')
				.limit(1)
				.executeTakeFirstOrThrow();
			const recorded = (submitted.after as { sheets: Record<string, Record<string, number>> }).sheets[people.c1]['C6.1'];
			expect(recorded).toBe(state.sheets[people.c1]['C6.1'].level);
			if (saved.stored.includes(racing.changeId)) expect(state.sheets[people.c1]['C6.1'].level).toBe(racing.value);
			else expect(saved.rejected.map((entry) => entry.changeId)).toEqual([racing.changeId]);
			await reopenGrids(handle.db, people.j1, defenses.solo, people.j3, `tour ${round}`);
		}
	});
});

describe('the journal of score changes', () => {
	const saves = async () => {
		await chainAllScoreSaves(handle.db);
		return handle.db
			.selectFrom('audit_log')
			.select(['actor_id', 'entity', 'entity_id', 'after'])
			.where('action', '=', 'scores.save')
			.where('entity_id', '=', defenses.other)
			.orderBy('id')
			.execute();
	};
	const entry = (candidate: string, competency: string, field: string, value: unknown) => ({
		candidate: people[candidate],
		competency,
		field,
		value
	});

	it('appends one row per autosave batch, naming the defense, the juror and each field changed; a replay appends none', async () => {
		const before = (await saves()).length;
		const token = (await createSession(handle.db, people.j4)).token;
		const batch = [
			change('c4', 'level', 'C6.4', 2),
			change('c4', 'criteria', 'C6.4', [0, 1]),
			change('c4', 'comment', 'C6.5', 'Démarche claire'),
			change(null, 'notes', null, 'Notes privées')
		];
		await saveChangesWithSession(handle.db, token, defenses.other, { changes: batch });
		await saveChangesWithSession(handle.db, token, defenses.other, { changes: batch });
		const rows = (await saves()).slice(before);
		expect(rows).toEqual([
			{
				actor_id: people.j4,
				entity: 'defense',
				entity_id: defenses.other,
				after: {
					juror: people.j4,
					changes: [
						entry('c4', 'C6.4', 'level', 2),
						entry('c4', 'C6.4', 'criteria', [0, 1]),
						entry('c4', 'C6.5', 'comment', 'Démarche claire')
					]
				}
			}
		]);
		expect(JSON.stringify(rows)).not.toContain('Notes privées');
		await saveChangesWithSession(handle.db, token, defenses.other, { changes: [change('c4', 'level', 'C6.4', 3)] });
		expect((await saves()).slice(before).map((row) => row.after)).toEqual([
			rows[0].after,
			{ juror: people.j4, changes: [entry('c4', 'C6.4', 'level', 3)] }
		]);
	});

	it('appends one row per save of the page without JavaScript', async () => {
		const before = (await saves()).length;
		const key = entryKey(people.c4, 'C6.3');
		await saveGridForm(handle.db, people.j2, defenses.other, {
			keys: new Set([key]),
			levels: { [key]: '3' },
			criteria: { [key]: [2] },
			comments: { [key]: 'Précis' },
			notes: null
		});
		expect((await saves()).slice(before)).toEqual([
			{
				actor_id: people.j2,
				entity: 'defense',
				entity_id: defenses.other,
				after: {
					juror: people.j2,
					changes: [entry('c4', 'C6.3', 'level', 3), entry('c4', 'C6.3', 'criteria', [2]), entry('c4', 'C6.3', 'comment', 'Précis')]
				}
			}
		]);
	});

	it('appends nothing for a refused batch', async () => {
		const before = await saves();
		const token = (await createSession(handle.db, people.j4)).token;
		await refusal(
			saveChangesWithSession(handle.db, token, defenses.other, {
				changes: [change('c4', 'level', 'C6.1', 2), change('c4', 'level', 'C6.2', 9)]
			})
		);
		await refusal(saveChanges(handle.db, people.j4, defenses.other, { changes: [change('c4', 'comment', 'C6.1', 'nul\u0000')] }));
		await refusal(saveChanges(handle.db, people.j1, defenses.other, { changes: [change('c4', 'level', 'C6.1', 2)] }));
		const key = entryKey(people.c4, 'C6.1');
		await refusal(
			saveGridForm(handle.db, people.j1, defenses.other, {
				keys: new Set([key]),
				levels: { [key]: '2' },
				criteria: {},
				comments: {},
				notes: null
			})
		);
		expect(await saves()).toEqual(before);
		expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
	});
});
