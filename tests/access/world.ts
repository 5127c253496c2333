// The demo seen by the route-access test: the people who knock at each route and, for each route
// parameter, the ids each of them may and may not reach.
import type { Database } from '../../src/lib/server/db';
import type { Role, SessionUser } from '../../src/lib/server/auth/auth-repository';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session-service';
import { demoAccounts, seedDemo } from '../../src/lib/server/demo/demo-service';

export interface Visitor {
	name: string;
	user: SessionUser | null;
	sessionId: string | null;
	token: string | null;
	/** The id this visitor puts in each route parameter. */
	ids: Record<string, string>;
	/** The parameters whose id in `ids` names an object this visitor reaches. */
	reaches: Set<string>;
	/** Ids of real objects this visitor must not see, per parameter. */
	others: Record<string, string>;
	/** Presides the jury of its own defense and jury. */
	presides: boolean;
}

export interface ParamVariant {
	label: string;
	value: string;
	/** The visitor's own object, a real one of someone else, or an id that names nothing. */
	reach: 'own' | 'another' | 'none';
}

export const NONEXISTENT = '00000000-0000-4000-8000-000000000000';
export const MALFORMED = 'x';

export interface World {
	visitors: Visitor[];
}

/**
 * The past session is planned with jury B alone (presided by jury3), scored, deliberated, its
 * procès-verbal signed (version 1) and its results published: the coordinator and jury3 knock with
 * its ids. Today's jury A (jury1 presides, jury2 sits) has a defense under way. candidat1 sits in
 * both sessions, candidat11 in today's only.
 */
export async function seedWorld(db: Database): Promise<World> {
	await seedDemo(db);
	const [past, today] = (
		await db
			.selectFrom('exam_sessions')
			.innerJoin('session_days', 'session_days.session_id', 'exam_sessions.id')
			.select('exam_sessions.id')
			.orderBy('session_days.day')
			.execute()
	).map((session) => session.id);
	const userId = async (email: string) =>
		(await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
	/** A jury of the session and its defense under way, else its first. */
	const jury = async (sessionId: string, label: string) => {
		const defenses = await db
			.selectFrom('juries')
			.innerJoin('defenses', 'defenses.jury_id', 'juries.id')
			.select(['juries.id as juryId', 'defenses.id as defenseId', 'defenses.status'])
			.where('juries.session_id', '=', sessionId)
			.where('juries.label', '=', label)
			.orderBy('defenses.starts_at')
			.execute();
		const { juryId, defenseId } = defenses.find((defense) => defense.status === 'in_progress') ?? defenses[0];
		return { juryId, defenseId };
	};
	const [pastB, todayA] = [await jury(past, 'B'), await jury(today, 'A')];
	const pastIds = {
		sessionId: past,
		...pastB,
		jurorId: await userId(demoAccounts.juror(3)),
		candidateId: await userId(demoAccounts.candidate(1)),
		version: '1',
		token: 'jeton-inconnu'
	};

	const visitor = async (
		name: string,
		email: string | null,
		ids: Record<string, string>,
		others: Record<string, string>,
		{ presides = false, unreached = [] as string[] } = {}
	): Promise<Visitor> => {
		const reaches = new Set(Object.keys(ids).filter((param) => others[param] !== ids[param] && !unreached.includes(param)));
		if (!email) return { name, user: null, sessionId: null, token: null, ids, reaches, others, presides };
		const { token } = await createSession(db, await userId(email));
		const validated = (await validateSessionToken(db, token))!;
		return { name, user: validated.user, sessionId: validated.session.id, token, ids, reaches, others, presides };
	};
	return {
		visitors: [
			await visitor('anonymous', null, pastIds, {}),
			await visitor('coordinator', demoAccounts.coordinator, pastIds, {}),
			// Today's jury A has no procès-verbal yet: no version of it to download.
			await visitor('jury A president (jury1)', demoAccounts.juror(1), { ...pastIds, ...todayA }, pastB, {
				presides: true,
				unreached: ['version']
			}),
			await visitor('jury A member (jury2)', demoAccounts.juror(2), { ...pastIds, ...todayA }, pastB, { unreached: ['version'] }),
			await visitor('jury B president (jury3)', demoAccounts.juror(3), pastIds, todayA, { presides: true }),
			await visitor('candidat1', demoAccounts.candidate(1), pastIds, {}),
			// candidat11 only knocks at the past session, which is not theirs.
			await visitor(
				'candidat11',
				demoAccounts.candidate(11),
				{ ...pastIds, candidateId: await userId(demoAccounts.candidate(11)) },
				{ sessionId: past }
			)
		]
	};
}

export const roleOf = (visitor: Visitor): Role | null => visitor.user?.role ?? null;

/** The values tried for the declared parameter: the visitor's own, others' real ones, and ids that name nothing. */
export function variantsOf(visitor: Visitor, param: string): ParamVariant[] {
	const variants: ParamVariant[] = visitor.reaches.has(param) ? [{ label: 'own', value: visitor.ids[param], reach: 'own' }] : [];
	if (visitor.others[param]) variants.push({ label: "another's", value: visitor.others[param], reach: 'another' });
	variants.push({ label: 'nonexistent', value: NONEXISTENT, reach: 'none' }, { label: 'malformed', value: MALFORMED, reach: 'none' });
	return variants;
}
