// What a declaration promises to each visitor, and whether an outcome keeps that promise.
import type { Permission, RouteAccess } from '../../src/lib/server/access';
import type { Outcome } from './call';
import type { ParamVariant, Visitor } from './world';

export type Expected =
	/** Anyone gets in: never a login redirect, a 401 or a 403. */
	| 'public'
	/** Sent to the login page. */
	| 'login'
	/** A JSON 401, so a tablet keeps its changes and says so. */
	| 'unauthorized'
	| 'forbidden'
	| 'not found'
	/** Past access: whatever the handler answers, it is not a refusal (nor a 404 before it read the form), nor a crash. */
	| 'through'
	/** An id that names nothing, in a parameter the declaration does not check: anything but a crash. */
	| 'no crash';

interface Promise {
	/** What a visitor of the right role gets on a real object of another jury, session or candidate. */
	another: 'not found' | 'forbidden';
	/** Only the president of the object's jury (or the coordination) may do this; its other jurors get 403. */
	presidentOnly?: true;
}

// The policy restated from the product rules, not read from src/lib/server/access/policy.ts, so
// the two can disagree. Scoring and deliberation tell a juror of another jury that the defense is
// not theirs (403, as the end-to-end tests pin it); live pages and candidates' documents hide it (404).
const PERMISSIONS = {
	'session.manage': { another: 'not found' },
	'session.attend': { another: 'not found' },
	'defense.score': { another: 'forbidden' },
	'defense.deliberate': { another: 'forbidden' },
	'defense.decide': { another: 'forbidden', presidentOnly: true },
	'defense.view': { another: 'not found' },
	'defense.drive-timer': { another: 'not found', presidentOnly: true },
	'jury.view': { another: 'not found' },
	'jury.deliberate': { another: 'forbidden' },
	'jury.attendance': { another: 'not found' },
	'jury.attendance-sheet': { another: 'not found', presidentOnly: true }
} satisfies Record<Permission, Promise>;

/** A logged-in visitor whose role the declaration names: the ids it brings are checked next. */
export const passesRole = (access: RouteAccess, visitor: Visitor) =>
	access.roles !== 'public' && visitor.user !== null && (access.roles === 'authenticated' || access.roles.includes(visitor.user.role));

export function expected(access: RouteAccess, visitor: Visitor, variant: (ParamVariant & { param: string }) | null): Expected {
	if (access.roles === 'public') return 'public';
	if (!visitor.user) return access.anonymous === 'unauthorized' ? 'unauthorized' : 'login';
	if (!passesRole(access, visitor)) return 'forbidden';
	const promise: Promise | null = access.permission ? PERMISSIONS[access.permission] : null;
	if (variant && variant.reach !== 'own')
		return !promise || variant.param !== access.param ? 'no crash' : variant.reach === 'another' ? promise.another : 'not found';
	if (promise?.presidentOnly && visitor.user.role === 'juror' && !visitor.presides) return 'forbidden';
	return 'through';
}

const statusOf = (outcome: Outcome) => (outcome.kind === 'status' ? outcome.status : outcome.kind === 'redirect' ? outcome.status : 200);

/**
 * `bodyRead`: the handler read the request's body, which the access check never does. An empty
 * form then names nothing, and a 404 is about the object the form should have named, not the path.
 */
export function keeps(expectation: Expected, outcome: Outcome, bodyRead: boolean): boolean {
	const status = statusOf(outcome);
	const crashed = outcome.kind === 'crash' || status >= 500;
	switch (expectation) {
		case 'public':
			return !crashed && outcome.kind !== 'login' && status !== 401 && status !== 403;
		case 'login':
			return outcome.kind === 'login';
		case 'unauthorized':
			return outcome.kind === 'status' && status === 401;
		case 'forbidden':
			return outcome.kind === 'status' && status === 403;
		case 'not found':
			return outcome.kind === 'status' && status === 404;
		case 'through':
			return !crashed && outcome.kind !== 'login' && ![401, 403].includes(status) && (status !== 404 || bodyRead);
		case 'no crash':
			return !crashed && outcome.kind !== 'login';
	}
}
