import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import { defaultReferentiel } from '$lib/domain/referentiel/referentiel';
import type { Role } from '../auth/auth-repository';
import { insertUser } from '../auth/user-repository';
import type { DatabaseHandle } from '../db';
import { UserFacingError } from '../errors';
import { insertDefense } from '../publication/publication-repository';
import { PERMISSIONS, checkAccess, requireAccess, type Permission } from './policy';

let handle: DatabaseHandle;
const people: Record<string, { id: string; role: Role }> = {};
const ids: Record<string, string> = {};
const NOWHERE = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
	handle = await freshDatabase();
	const { db } = handle;
	const user = async (key: string, role: Role) => {
		people[key] = { id: (await insertUser(db, { email: `${key}@access.test`, displayName: key, role })).id, role };
	};
	await user('coordinator', 'coordinator');
	for (const key of ['president', 'member', 'outsider']) await user(key, 'juror');
	for (const key of ['candidate', 'stranger']) await user(key, 'candidate');
	const session = async () =>
		(
			await db
				.insertInto('exam_sessions')
				.values({ referentiel_id: defaultReferentiel.id, name: 'Session', timezone: 'Europe/Paris' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	ids.session = await session();
	ids.otherSession = await session();
	const jury = async (label: string, presidentId: string) =>
		(
			await db
				.insertInto('juries')
				.values({ session_id: ids.session, label, president_id: presidentId })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	ids.jury = await jury('A', people.president.id);
	ids.otherJury = await jury('B', people.outsider.id);
	await db
		.insertInto('jury_members')
		.values([
			{ jury_id: ids.jury, juror_id: people.president.id },
			{ jury_id: ids.jury, juror_id: people.member.id },
			{ jury_id: ids.otherJury, juror_id: people.outsider.id }
		])
		.execute();
	await db
		.insertInto('registrations')
		.values({ session_id: ids.session, candidate_id: people.candidate.id, project_title: 'Projet' })
		.execute();
	const start = new Date('2027-03-29T07:00:00Z');
	const defense = (juryId: string) =>
		insertDefense(db, {
			sessionId: ids.session,
			juryId,
			start,
			end: new Date(start.getTime() + 1_800_000),
			candidates: [people.candidate.id]
		});
	ids.defense = await defense(ids.jury);
	ids.otherDefense = await defense(ids.otherJury);
});

afterAll(async () => {
	await handle?.close();
});

/** What the policy answers `who` for `id`: the object's id, or the refusal's status. */
async function answer(who: string, permission: Permission, id: string): Promise<string | number> {
	try {
		return ((await requireAccess(handle.db, people[who], permission, id)) as { id: string }).id;
	} catch (caught) {
		if (caught instanceof UserFacingError) return caught.status;
		throw caught;
	}
}

// For each permission: its object, another object of the same kind someone else holds, and who is
// allowed, who sees but is refused (403) and who is not told the object exists (404).
const cases: Record<Permission, { own: string; other: string; allowed: string[]; refused: string[]; hidden: string[] }> = {
	'session.manage': { own: 'session', other: 'otherSession', allowed: ['coordinator'], refused: ['member', 'candidate'], hidden: [] },
	'session.attend': { own: 'session', other: 'otherSession', allowed: ['candidate'], refused: [], hidden: ['stranger', 'member'] },
	'defense.score': {
		own: 'defense',
		other: 'otherDefense',
		allowed: ['president', 'member'],
		refused: ['outsider', 'coordinator'],
		hidden: []
	},
	'defense.deliberate': { own: 'defense', other: 'otherDefense', allowed: ['president', 'member'], refused: ['outsider'], hidden: [] },
	'defense.decide': { own: 'defense', other: 'otherDefense', allowed: ['president'], refused: ['member', 'outsider'], hidden: [] },
	'defense.view': {
		own: 'defense',
		other: 'otherDefense',
		allowed: ['president', 'member', 'coordinator'],
		refused: [],
		hidden: ['outsider']
	},
	'defense.drive-timer': {
		own: 'defense',
		other: 'otherDefense',
		allowed: ['president', 'coordinator'],
		refused: ['member'],
		hidden: ['outsider', 'candidate']
	},
	'jury.view': { own: 'jury', other: 'otherJury', allowed: ['president', 'member', 'coordinator'], refused: [], hidden: ['outsider'] },
	'jury.deliberate': { own: 'jury', other: 'otherJury', allowed: ['president', 'member'], refused: ['outsider'], hidden: [] },
	'jury.attendance': {
		own: 'jury',
		other: 'otherJury',
		allowed: ['president', 'member'],
		refused: ['coordinator'],
		hidden: ['outsider', 'candidate']
	},
	'jury.attendance-sheet': {
		own: 'jury',
		other: 'otherJury',
		allowed: ['president'],
		refused: ['member', 'coordinator'],
		hidden: ['outsider', 'candidate']
	}
};

describe('access policy', () => {
	it('covers every permission', () => {
		expect(Object.keys(cases).sort()).toEqual([...PERMISSIONS].sort());
	});

	for (const permission of PERMISSIONS) {
		const { own, other, allowed, refused, hidden } = cases[permission];
		it(`${permission}: allowed, refused (403), hidden (404), unknown and malformed ids (404)`, async () => {
			for (const who of allowed) expect(await answer(who, permission, ids[own]), who).toBe(ids[own]);
			for (const who of refused) expect(await answer(who, permission, ids[own]), who).toBe(403);
			for (const who of hidden) expect(await answer(who, permission, ids[own]), who).toBe(404);
			for (const who of allowed) {
				expect(await answer(who, permission, NOWHERE), who).toBe(404);
				expect(await answer(who, permission, 'pas-un-identifiant'), who).toBe(404);
			}
		});

		it(`${permission}: checkAccess answers for a whole set of ids at once`, async () => {
			for (const who of allowed) {
				const granted = await checkAccess(handle.db, people[who], permission, [ids[own], ids[other], NOWHERE, 'x']);
				expect(granted.has(ids[own]), who).toBe(true);
				expect(granted.has(NOWHERE) || granted.has('x'), who).toBe(false);
			}
			for (const who of [...refused, ...hidden])
				expect((await checkAccess(handle.db, people[who], permission, [ids[own]])).size, who).toBe(0);
		});
	}

	it("another jury's objects are not a juror's, whatever the permission", async () => {
		expect((await checkAccess(handle.db, people.member, 'defense.score', [ids.defense, ids.otherDefense])).has(ids.otherDefense)).toBe(
			false
		);
		expect((await checkAccess(handle.db, people.member, 'jury.view', [ids.jury, ids.otherJury])).has(ids.otherJury)).toBe(false);
		expect(await checkAccess(handle.db, people.coordinator, 'jury.view', [ids.jury, ids.otherJury])).toEqual(
			new Set([ids.jury, ids.otherJury])
		);
	});
});
