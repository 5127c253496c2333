// Every server entry point under src/routes, read from the code: each exported load, each form
// action and each HTTP method handler, with the access it declares (fn[ROUTE_ACCESS]).
import { ROUTE_ACCESS, type RouteAccess } from '../../src/lib/server/access';

export type Kind = 'load' | 'action' | 'endpoint';

export interface Entry {
	routeId: string;
	file: string;
	/** 'load', the action's name, or the HTTP method. */
	name: string;
	kind: Kind;
	method: string;
	access: RouteAccess | undefined;
	call: (event: never) => unknown;
}

const SERVER_MODULES = import.meta.glob<Record<string, unknown>>('/src/routes/**/+{page.server,layout.server,server}.ts');
const PAGES = Object.keys(import.meta.glob('/src/routes/**/+page.svelte'));
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'];

/** '/src/routes/jury/+page.server.ts' → '/jury', as SvelteKit's route.id. */
export const routeIdOf = (file: string) => file.replace(/^\/src\/routes/, '').replace(/\/[^/]+$/, '') || '/';

/** Parameter names in a route id, e.g. 'juryId' and 'version' in '/…/[juryId]/v[version].pdf'. */
export const paramsOf = (routeId: string) => [...routeId.matchAll(/\[(?:\.\.\.)?(\w+)(?:=\w+)?\]/g)].map((match) => match[1]);

/** The path of a route id with its parameters filled in; groups "(name)" add no segment. */
export function pathOf(routeId: string, params: Record<string, string>): string {
	const path = routeId
		.split('/')
		.filter((segment) => !/^\(.*\)$/.test(segment))
		.join('/')
		.replace(/\[(?:\.\.\.)?(\w+)(?:=\w+)?\]/g, (_, name: string) => encodeURIComponent(params[name]));
	return path || '/';
}

const declared = (fn: unknown): RouteAccess | undefined =>
	typeof fn === 'function' ? (fn as unknown as Record<symbol, RouteAccess | undefined>)[ROUTE_ACCESS] : undefined;

export async function serverEntries(): Promise<Entry[]> {
	const entries: Entry[] = [];
	for (const [file, importModule] of Object.entries(SERVER_MODULES)) {
		const module = await importModule();
		const routeId = routeIdOf(file);
		const entry = (name: string, kind: Kind, method: string, fn: unknown) =>
			entries.push({ routeId, file, name, kind, method, access: declared(fn), call: fn as Entry['call'] });
		if (file.endsWith('/+server.ts')) {
			for (const method of METHODS) if (module[method]) entry(method, 'endpoint', method, module[method]);
			continue;
		}
		if (module.load) entry('load', 'load', 'GET', module.load);
		const actions = (module.actions ?? {}) as Record<string, unknown>;
		for (const [name, action] of Object.entries(actions)) entry(`actions.${name}`, 'action', 'POST', action);
	}
	return entries.sort((a, b) => a.routeId.localeCompare(b.routeId) || a.name.localeCompare(b.name));
}

/** Entry points that carry no declaration, named so the failure says where to add one. */
export const undeclared = (entries: Entry[]) => entries.filter((entry) => !entry.access).map((entry) => `${entry.file}: ${entry.name}`);

/**
 * A page's access is its own server load's declaration or, failing that, that of the nearest
 * enclosing layout whose load is guarded (not public). A page with neither renders for anyone, so
 * it must say it means to: a +page.server.ts of its own whose every entry (its actions) is public.
 */
export function unguardedPages(entries: Entry[]): string[] {
	const loads = new Map(entries.filter((entry) => entry.kind === 'load' && entry.access).map((entry) => [entry.file, entry.access!]));
	const publicModule = (file: string) => {
		const own = entries.filter((entry) => entry.file === file);
		return own.length > 0 && own.every((entry) => entry.access?.roles === 'public');
	};
	return PAGES.filter((page) => {
		const folder = page.replace(/\/\+page\.svelte$/, '');
		if (loads.has(`${folder}/+page.server.ts`) || publicModule(`${folder}/+page.server.ts`)) return false;
		for (let dir = folder; dir.startsWith('/src/routes'); dir = dir.replace(/\/[^/]+$/, '')) {
			const layout = loads.get(`${dir}/+layout.server.ts`);
			if (layout && layout.roles !== 'public') return false;
		}
		return true;
	}).map((page) => `${page}: no declared load of its own, no guarded layout above it, no public server module of its own`);
}
