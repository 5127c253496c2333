// Calls one server entry point as SvelteKit would after its hooks, and names what came back.
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import type { Database, DatabaseKind } from '../../src/lib/server/db';
import { SESSION_COOKIE } from '../../src/lib/server/auth/cookies';
import { pathOf, type Entry } from './routes';
import type { Visitor } from './world';

export const ORIGIN = 'http://localhost:3000';

export type Outcome =
	| { kind: 'login' }
	| { kind: 'redirect'; status: number; location: string }
	| { kind: 'status'; status: number; via: 'error' | 'fail' | 'response' }
	| { kind: 'data' }
	| { kind: 'crash'; message: string };

export const describeOutcome = (outcome: Outcome) =>
	outcome.kind === 'redirect'
		? `redirect ${outcome.status} ${outcome.location}`
		: outcome.kind === 'status'
			? `${outcome.status} (${outcome.via})`
			: outcome.kind === 'crash'
				? `crash: ${outcome.message}`
				: outcome.kind;

function cookieJar(token: string | null): Cookies {
	const values = new Map<string, string>(token ? [[SESSION_COOKIE, token]] : []);
	return {
		get: (name) => values.get(name),
		getAll: () => [...values].map(([name, value]) => ({ name, value })),
		set: (name, value) => void values.set(name, value),
		delete: (name) => void values.delete(name),
		serialize: (name, value) => `${name}=${value}`
	};
}

export interface CallContext {
	db: Database;
	databaseKind: DatabaseKind;
	/** The data of the layouts above a load, for its parent(). */
	parent: (entry: Entry, event: RequestEvent) => Promise<Record<string, unknown>>;
}

export function requestEvent(entry: Entry, visitor: Visitor, params: Record<string, string>, context: CallContext): RequestEvent {
	const actionQuery = entry.kind === 'action' && entry.name !== 'actions.default' ? `?/${entry.name.slice('actions.'.length)}` : '';
	const url = new URL(`${pathOf(entry.routeId, params)}${actionQuery}`, ORIGIN);
	const headers = new Headers({ origin: ORIGIN, accept: 'text/html' });
	if (visitor.token) headers.set('cookie', `${SESSION_COOKIE}=${visitor.token}`);
	const posted = entry.method !== 'GET' && entry.method !== 'HEAD';
	// hooks.server.ts does not validate the session of the autosave: its handler checks it inside its
	// write, after reading the body, so it gets a JSON object (with no change in it) to get that far.
	const sessionLeftToHandler = entry.access?.session === 'in-write';
	if (posted) headers.set('content-type', sessionLeftToHandler ? 'application/json' : 'application/x-www-form-urlencoded');
	const event = {
		locals: {
			db: context.db,
			databaseKind: context.databaseKind,
			user: sessionLeftToHandler ? null : visitor.user,
			sessionId: sessionLeftToHandler ? null : visitor.sessionId
		},
		params,
		url,
		route: { id: entry.routeId },
		request: new Request(url, { method: entry.method, headers, body: posted ? (sessionLeftToHandler ? '{}' : '') : undefined }),
		cookies: cookieJar(visitor.token),
		setHeaders: () => {},
		getClientAddress: () => '127.0.0.2',
		fetch: () => Promise.reject(new Error('a server entry point fetched during the access test')),
		platform: undefined,
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false,
		tracing: { enabled: false, root: {}, current: {} },
		depends: () => {},
		untrack: <T>(fn: () => T) => fn(),
		parent: () => context.parent(entry, event as RequestEvent)
	};
	return event as unknown as RequestEvent;
}

const isLogin = (status: number, location: string | null) => status === 303 && (location ?? '').startsWith('/connexion?redirectTo=');

export async function call(entry: Entry, event: RequestEvent): Promise<Outcome> {
	try {
		const result = await entry.call(event as never);
		if (isActionFailure(result)) return { kind: 'status', status: result.status, via: 'fail' };
		if (result instanceof Response) {
			await result.body?.cancel();
			const location = result.headers.get('location');
			if (isLogin(result.status, location)) return { kind: 'login' };
			if (location) return { kind: 'redirect', status: result.status, location };
			return { kind: 'status', status: result.status, via: 'response' };
		}
		return { kind: 'data' };
	} catch (caught) {
		if (isRedirect(caught))
			return isLogin(caught.status, caught.location)
				? { kind: 'login' }
				: { kind: 'redirect', status: caught.status, location: caught.location };
		if (isHttpError(caught)) return { kind: 'status', status: caught.status, via: 'error' };
		return { kind: 'crash', message: caught instanceof Error ? caught.message.split('\n')[0] : String(caught) };
	}
}
