import { isUuid } from '$lib/domain/ids';
import type { TimerRole } from '$lib/domain/live/snapshot';
import { fr } from '$lib/i18n/fr';
import type { Role, SessionUser } from '../auth/auth-repository';
import type { Executor } from '../db/transaction';
import { UserFacingError } from '../errors';
import {
	defensesByIds,
	juriesByIds,
	memberJuryIds,
	registeredSessionIds,
	sessionsByIds,
	type DefenseRow,
	type JuryRow,
	type SessionRow
} from './access-repository';

type User = Pick<SessionUser, 'id' | 'role'>;

/** What a check decided for one id: `visible` false answers 404, `allowed` false (but visible) 403. */
interface Verdict<T> {
	object: T;
	visible: boolean;
	allowed: boolean;
}

interface Refusals {
	notFound: [code: string, message: string];
	forbidden: [code: string, message: string];
}

interface Rule<T> extends Refusals {
	judge(db: Executor, user: User, ids: string[]): Promise<Map<string, Verdict<T>>>;
}

/** The user's place in a jury: coordination sees every jury, a juror only those they sit in. */
export type JuryPlace = TimerRole;
export type DefenseAccess = DefenseRow & { place: JuryPlace | null };
export type JuryAccess = JuryRow & { place: JuryPlace | null };

function placeIn(user: User, jury: { id: string; presidentId: string | null }, memberOf: Set<string>): JuryPlace | null {
	if (user.role === 'coordinator') return 'coordinator';
	if (user.role !== 'juror' || !memberOf.has(jury.id)) return null;
	return jury.presidentId === user.id ? 'president' : 'juror';
}

async function placed<T extends { id: string; juryId?: string; presidentId: string | null }>(
	db: Executor,
	user: User,
	rows: T[]
): Promise<(T & { place: JuryPlace | null })[]> {
	const juryOf = (row: T) => row.juryId ?? row.id;
	const memberOf = user.role === 'juror' ? await memberJuryIds(db, user.id, [...new Set(rows.map(juryOf))]) : new Set<string>();
	return rows.map((row) => ({ ...row, place: placeIn(user, { id: juryOf(row), presidentId: row.presidentId }, memberOf) }));
}

/**
 * Rules on the defenses or juries of a jury. `hidden`: whether someone outside the jury learns the
 * object exists (403) or not (404, the policy); `may`: which places in the jury allow the action.
 */
function juryRule<T extends { id: string; juryId?: string; presidentId: string | null }>(
	load: (db: Executor, ids: string[]) => Promise<T[]>,
	options: { roles: readonly Role[]; may: readonly JuryPlace[]; outsiders: 'hidden' | 'refused' } & Refusals
): Rule<T & { place: JuryPlace | null }> {
	return {
		...options,
		async judge(db, user, ids) {
			const rows = await placed(db, user, await load(db, ids));
			return new Map(
				rows.map((row) => {
					const allowed = options.roles.includes(user.role) && row.place !== null && options.may.includes(row.place);
					const visible = options.outsiders === 'refused' || row.place !== null;
					return [row.id, { object: row, visible, allowed }];
				})
			);
		}
	};
}

const live = fr.live.refusals;
const liveDefense = {
	notFound: ['live.not-found', live['not-found']],
	forbidden: ['live.president-only', live['president-only']]
} satisfies Refusals;
const liveJury = {
	notFound: ['live.jury-not-found', fr.live.juryNotFound],
	forbidden: ['auth.forbidden', fr.auth.forbidden]
} satisfies Refusals;
const scoring = {
	notFound: ['scoring.defense-not-found', fr.scoring.defenseNotFound],
	forbidden: ['scoring.not-your-jury', fr.scoring.notYourJury]
} satisfies Refusals;
const deliberation = {
	notFound: ['certification.defense-not-found', fr.certification.defenseNotFound],
	forbidden: ['certification.not-your-jury', fr.certification.notYourJury]
} satisfies Refusals;
const record = {
	notFound: ['certification.jury-not-found', fr.certification.juryNotFound],
	forbidden: ['certification.not-your-jury', fr.certification.notYourJury]
} satisfies Refusals;

const attendance = {
	notFound: ['attendance.jury-not-found', fr.attendance.refusals.juryNotFound],
	forbidden: ['attendance.president-only', fr.attendance.refusals.presidentOnly]
} satisfies Refusals;

const rules = {
	/** A coordinator, on a session that exists. */
	'session.manage': {
		notFound: ['sessions.not-found', fr.sessions.notFound],
		forbidden: ['auth.forbidden', fr.auth.forbidden],
		async judge(db, user, ids) {
			const allowed = user.role === 'coordinator';
			return new Map((await sessionsByIds(db, ids)).map((session) => [session.id, { object: session, visible: true, allowed }]));
		}
	} satisfies Rule<SessionRow>,
	/** A candidate, on a session they are registered in (their convocation, their attestation). */
	'session.attend': {
		notFound: ['publication.session-not-found', fr.publication.sessionNotFound],
		forbidden: ['auth.forbidden', fr.auth.forbidden],
		async judge(db, user, ids) {
			const sessions = await sessionsByIds(db, ids);
			const mine = user.role === 'candidate' ? await registeredSessionIds(db, user.id, ids) : new Set<string>();
			return new Map(
				sessions.map((session) => [session.id, { object: session, visible: mine.has(session.id), allowed: mine.has(session.id) }])
			);
		}
	} satisfies Rule<SessionRow>,
	// Scoring and deliberation tell a juror of another jury that the defense is not theirs (403),
	// as they always have (the e2e tests pin it); live pages do not reveal it (404).
	/** A juror of the defense's jury: the grid. */
	'defense.score': juryRule(defensesByIds, { roles: ['juror'], may: ['juror', 'president'], outsiders: 'refused', ...scoring }),
	/** A juror of the defense's jury: its deliberation. */
	'defense.deliberate': juryRule(defensesByIds, { roles: ['juror'], may: ['juror', 'president'], outsiders: 'refused', ...deliberation }),
	/** The president of the defense's jury: its decisions. */
	'defense.decide': juryRule(defensesByIds, {
		roles: ['juror'],
		may: ['president'],
		outsiders: 'refused',
		...deliberation,
		forbidden: ['certification.not-president', fr.certification.notPresident]
	}),
	/** The jury's members and the coordination: the timer as it stands. */
	'defense.view': juryRule(defensesByIds, {
		roles: ['juror', 'coordinator'],
		may: ['juror', 'president', 'coordinator'],
		outsiders: 'hidden',
		...liveDefense
	}),
	/** The jury's president and the coordination: driving the timer. */
	'defense.drive-timer': juryRule(defensesByIds, {
		roles: ['juror', 'coordinator'],
		may: ['president', 'coordinator'],
		outsiders: 'hidden',
		...liveDefense
	}),
	/** The jury's members and the coordination: its live feed and the room display. */
	'jury.view': juryRule(juriesByIds, {
		roles: ['juror', 'coordinator'],
		may: ['juror', 'president', 'coordinator'],
		outsiders: 'hidden',
		...liveJury
	}),
	/** A juror of the jury: its attendance sheets on the tablet, collecting the candidates' signatures and signing their own. */
	'jury.attendance': juryRule(juriesByIds, { roles: ['juror'], may: ['juror', 'president'], outsiders: 'hidden', ...attendance }),
	/** The jury's president: downloading the jury's attendance sheets (the coordination downloads them from the session). */
	'jury.attendance-sheet': juryRule(juriesByIds, { roles: ['juror'], may: ['president'], outsiders: 'hidden', ...attendance }),
	/** A juror of the jury: its procès-verbal, signing it, correcting it, downloading a signed version. */
	'jury.deliberate': juryRule(juriesByIds, { roles: ['juror'], may: ['juror', 'president'], outsiders: 'refused', ...record })
};

export type Permission = keyof typeof rules;
export const PERMISSIONS = Object.keys(rules) as Permission[];

/** What a permission's check loads for the object it allows. */
export type Checked<P extends Permission> = (typeof rules)[P] extends Rule<infer T> ? T : never;

async function verdicts<P extends Permission>(db: Executor, user: User, permission: P, ids: string[]) {
	const rule = rules[permission] as Rule<Checked<P>>;
	return { rule, verdicts: await rule.judge(db, user, [...new Set(ids.filter(isUuid))]) };
}

/** The ids among `ids` on which `user` has `permission`. */
export async function checkAccess(db: Executor, user: User, permission: Permission, ids: string[]): Promise<Set<string>> {
	const { verdicts: found } = await verdicts(db, user, permission, ids);
	return new Set([...found].filter(([, verdict]) => verdict.allowed).map(([id]) => id));
}

/** One object, or the refusal of the policy: 404 when the user may not see it, 403 when they may see it but not do this. */
export async function requireAccess<P extends Permission>(db: Executor, user: User, permission: P, id: string): Promise<Checked<P>> {
	const { rule, verdicts: found } = await verdicts(db, user, permission, [id]);
	const verdict = found.get(id);
	if (!verdict?.visible) throw new UserFacingError(rule.notFound[0], 404, rule.notFound[1]);
	if (!verdict.allowed) throw new UserFacingError(rule.forbidden[0], 403, rule.forbidden[1]);
	return verdict.object;
}
