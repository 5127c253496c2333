import { error, fail, isHttpError, json, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { hasControlCharacter } from '$lib/domain/text';
import { fr } from '$lib/i18n/fr';
import type { Role, SessionUser } from '../auth/auth-repository';
import { SESSION_COOKIE } from '../auth/cookies';
import { sessionStillLive } from '../auth/session-service';
import { isDatabaseUnavailable, type Database } from '../db';
import { UserFacingError } from '../errors';
import { requireAccess, type Checked, type Permission } from './policy';

export const ROUTE_ACCESS = Symbol('route access');

export interface RouteAccess {
	/** 'public': anyone; 'authenticated': any logged-in user; else the roles allowed (any other answers 403). */
	roles: 'public' | 'authenticated' | readonly Role[];
	/** Checked on the object whose id is the route parameter `param`. */
	permission?: Permission;
	param?: string;
	/** An anonymous visitor goes to the login page ('login', the default) or gets a JSON 401 (a tablet's API). */
	anonymous?: 'login' | 'unauthorized';
	/** The hook leaves the session to the handler's own write (the autosave): the handler calls `ctx.admit`. */
	session?: 'in-write';
}

export type Guarded<F> = F & { [ROUTE_ACCESS]: RouteAccess };

type UserOf<A extends RouteAccess> = A['roles'] extends 'public'
	? SessionUser | null
	: A['session'] extends 'in-write'
		? null
		: SessionUser;
type CheckedOf<A extends RouteAccess> = A['permission'] extends Permission ? Checked<A['permission']> : undefined;

/** A posted form as routes read it: the first value of each text field. */
export interface PostedForm {
	values: Record<string, string>;
	/** Every value of a repeated field (checkboxes, rows). */
	list(name: string): string[];
	file(name: string): File | null;
}

/** What a form failure carries: the refusal, and what the page shows again beside it. */
export interface Refusal {
	code: string;
	message: string;
	field?: string;
	formId?: string;
	values?: Record<string, string | string[]>;
	details?: string[];
	reasons?: string[];
}

type Kept<F> = Partial<Refusal & F>;

export interface GuardContext<A extends RouteAccess, F = object> {
	user: UserOf<A>;
	db: Database;
	/** What the permission check loaded (the session, the defense, the jury). */
	checked: CheckedOf<A>;
	form(): Promise<PostedForm>;
	/** Fields a refusal of this action sends back with the message (formId, values…), or a function of the refusal. */
	keep(fields: Kept<F> | ((refusal: UserFacingError) => Kept<F>)): void;
	/** For `session: 'in-write'`: the user the handler authenticated, checked as any other. */
	admit(user: SessionUser): Promise<CheckedOf<A>>;
	/** An endpoint whose refusals are not JSON nor an error page (a plain form post sent back with the refusal's code). */
	answerRefusal(answer: (refusal: UserFacingError) => Response): void;
	/** Who holds a long-lived answer (a live stream), and whether the same request would still be let through now. */
	holder(): AccessHolder;
}

export interface AccessHolder {
	sessionId: string | null;
	/** The session still live and, for a permission, the object still reachable: checked again while a stream runs. */
	stillAdmitted(): Promise<boolean>;
}

/** The posted fields (the first value of each name), refused whole if one holds a control character. */
export function readForm(form: FormData): PostedForm {
	const values: Record<string, string> = {};
	for (const [name, value] of form) {
		if (typeof value !== 'string') continue;
		if (hasControlCharacter(value)) throw new UserFacingError('form.control-character', 400, fr.controlCharacter, name);
		if (!(name in values)) values[name] = value;
	}
	return {
		values,
		list: (name) => form.getAll(name).filter((value): value is string => typeof value === 'string'),
		file: (name) => {
			const value = form.get(name);
			return value instanceof File ? value : null;
		}
	};
}

// The tablet keeps its outbox and says so on a 401; a redirect to the login page would lose that.
const notLoggedIn = () => json({ code: 'auth.not-logged-in', message: fr.scoring.notLoggedIn }, { status: 401 });

type Kind = 'load' | 'action' | 'json' | 'file';

function loginPath(url: URL) {
	return `/connexion?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
}

/** What the user gets told of a failure, or null for a bug: a database that is away is a 503 to retry. */
function asRefusal(caught: unknown): UserFacingError | null {
	if (caught instanceof UserFacingError) return caught;
	if (isDatabaseUnavailable(caught)) return new UserFacingError('db.unavailable', 503, fr.databaseUnavailable);
	return null;
}

/** A refusal of the access check itself: 404 hides, 403 refuses; a form shows a 403 beside itself. */
function refuseAccess(kind: Kind, refusal: UserFacingError): never | ActionFailure<Refusal> {
	if (kind === 'action' && refusal.status === 403) return fail(403, { code: refusal.code, message: refusal.message });
	error(refusal.status, refusal.message);
}

async function check<A extends RouteAccess>(event: RequestEvent, access: A, user: SessionUser): Promise<CheckedOf<A>> {
	if (Array.isArray(access.roles) && !access.roles.includes(user.role)) error(403, fr.auth.forbidden);
	if (!access.permission) return undefined as CheckedOf<A>;
	const id = (event.params as Record<string, string | undefined>)[access.param ?? ''] ?? '';
	return (await requireAccess(event.locals.db, user, access.permission, id)) as CheckedOf<A>;
}

async function run<A extends RouteAccess, F, R>(
	kind: Kind,
	access: A,
	event: RequestEvent,
	handler: (event: RequestEvent, ctx: GuardContext<A, F>) => R
) {
	const user = event.locals.user;
	let checked = undefined as CheckedOf<A>;
	if (access.session === 'in-write' && !event.cookies.get(SESSION_COOKIE)) return notLoggedIn();
	if (access.roles !== 'public' && access.session !== 'in-write') {
		if (!user) {
			if (access.anonymous === 'unauthorized') return notLoggedIn();
			redirect(303, loginPath(event.url));
		}
		try {
			checked = await check(event, access, user);
		} catch (caught) {
			const refusal = asRefusal(caught);
			if (refusal) return refuseAccess(kind, refusal);
			throw caught;
		}
	}
	const onRefusal: { kept: Kept<F> | ((refusal: UserFacingError) => Kept<F>); answer?: (refusal: UserFacingError) => Response } = {
		kept: {}
	};
	const ctx: GuardContext<A, F> = {
		user: (access.session === 'in-write' ? null : user) as UserOf<A>,
		db: event.locals.db,
		checked,
		form: async () => readForm(await event.request.formData()),
		keep: (fields) => void (onRefusal.kept = fields),
		admit: (admitted) => check(event, access, admitted),
		answerRefusal: (answer) => void (onRefusal.answer = answer),
		holder: () => ({
			sessionId: event.locals.sessionId,
			stillAdmitted: async () => {
				if (!user || !event.locals.sessionId) return access.roles === 'public';
				if (!(await sessionStillLive(event.locals.db, event.locals.sessionId))) return false;
				return check(event, access, user).then(
					() => true,
					(caught: unknown) => (caught instanceof UserFacingError || isHttpError(caught) ? false : Promise.reject(caught))
				);
			}
		})
	};
	try {
		return await handler(event, ctx);
	} catch (caught) {
		const refusal = asRefusal(caught);
		if (!refusal) throw caught;
		if (onRefusal.answer) return onRefusal.answer(refusal);
		return refuse(kind, refusal, typeof onRefusal.kept === 'function' ? onRefusal.kept(refusal) : onRefusal.kept);
	}
}

/** The one place a refusal becomes an answer: a page's error, a form's failure, a JSON body. */
function refuse<F>(kind: Kind, refusal: UserFacingError, kept: Kept<F>) {
	const { code, message, status } = refusal;
	if (kind === 'json') return json({ ...refusal.data, code, message }, { status });
	if (kind !== 'action' || status === 404) error(status, message);
	return fail(status, { ...kept, ...refusal.data, code, message, field: refusal.field } as Refusal & Partial<F>);
}

function mark<F>(access: RouteAccess, fn: F): Guarded<F> {
	return Object.assign(fn as object, { [ROUTE_ACCESS]: access }) as Guarded<F>;
}

/** A page or layout load. */
export function guard<const A extends RouteAccess, E extends RequestEvent, R>(access: A, handler: (event: E, ctx: GuardContext<A>) => R) {
	return mark(access, (event: E) => run('load', access, event, handler as never) as Promise<Awaited<R>>);
}

// An action's event is typed by the route (its `RequestEvent` from ./$types, annotated where it reads a
// parameter): the actions object cannot carry one event type for all of them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyEvent = RequestEvent<any, any>;
type Action<A extends RouteAccess, F> = (event: AnyEvent, ctx: GuardContext<A, F>) => unknown;

function actionsOf<F>() {
	return <const A extends RouteAccess, T extends Record<string, Action<A, F>>>(access: A, actions: T) => {
		type Answer<K extends keyof T> = Promise<Awaited<ReturnType<T[K]>> | ActionFailure<Refusal & Partial<F>>>;
		const guarded = {} as { [K in keyof T]: Guarded<(event: AnyEvent) => Answer<K>> };
		for (const [name, handler] of Object.entries(actions))
			guarded[name as keyof T] = mark(access, (event: AnyEvent) => run('action', access, event, handler as never)) as never;
		return guarded;
	};
}

/** A page's actions, all under `access`. */
export const guardActions = actionsOf<object>();

/** The same, for actions whose refusals also send back `F` (an import's preview, set with `ctx.keep`). */
export const guardActionsKeeping = <F>() => actionsOf<F>();

/**
 * An endpoint. `answer`: 'file' (a download; a refusal is an error page, the default) or 'json'
 * (a refusal is `{ code, message }` with its status).
 */
export function guardEndpoint<const A extends RouteAccess, E extends RequestEvent>(
	access: A,
	handler: (event: E, ctx: GuardContext<A>) => Promise<Response>,
	answer: 'file' | 'json' = 'file'
) {
	return mark(access, (event: E) => run(answer, access, event, handler as never) as Promise<Response>);
}

/** Every page and file under /coordination/sessions/[sessionId]: a coordinator, on a session that exists. */
export const SESSION_MANAGER = { roles: ['coordinator'], permission: 'session.manage', param: 'sessionId' } as const satisfies RouteAccess;
