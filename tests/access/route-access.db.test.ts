// The access of every route, read from the code: each load, form action and HTTP method handler
// under src/routes declares who may call it (fn[ROUTE_ACCESS]); this test finds every one, then
// calls it on the demo as each kind of visitor, with the visitor's own ids, others' ids and ids
// that name nothing, and checks the answer against the declaration.
import type { RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { freshDatabase } from '../helpers/database';
import { call, describeOutcome, requestEvent, type CallContext } from './call';
import { expected, keeps, passesRole, type Expected } from './expect';
import { paramsOf, serverEntries, undeclared, unguardedPages, type Entry } from './routes';
import { seedWorld, variantsOf, type Visitor, type World } from './world';

let handle: DatabaseHandle;
let world: World;
let entries: Entry[];

beforeAll(async () => {
	handle = await freshDatabase();
	world = await seedWorld(handle.db);
	entries = await serverEntries();
}, 120_000);

afterAll(async () => {
	// A planning action let through starts the engine in a worker; the database stays open until it is done.
	for (let waited = 0; waited < 30_000; waited += 200) {
		const running = await handle.db.selectFrom('planning_runs').select('id').where('finished_at', 'is', null).execute();
		if (running.length === 0) break;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	await handle?.close();
});

interface Case {
	entry: Entry;
	visitor: Visitor;
	params: Record<string, string>;
	variant: string;
	expectation: Expected;
}

/** Each visitor once with its own ids; past the role check, each parameter also with the ids it must not reach. */
function casesOf(entry: Entry): Case[] {
	const access = entry.access!;
	const params = paramsOf(entry.routeId);
	return world.visitors.flatMap((visitor): Case[] => {
		const own = Object.fromEntries(params.map((param) => [param, visitor.ids[param]]));
		if (!passesRole(access, visitor) || params.length === 0)
			return [{ entry, visitor, params: own, variant: 'own ids', expectation: expected(access, visitor, null) }];
		// Access through is only expected when every id of the path is one the visitor reaches.
		const reachesAllBut = (param: string) => params.every((other) => other === param || visitor.reaches.has(other));
		return params.flatMap((param) =>
			variantsOf(visitor, param)
				.filter((variant) => variant.reach !== 'own' || reachesAllBut(param))
				.map((variant) => ({
					entry,
					visitor,
					params: { ...own, [param]: variant.value },
					variant: `${param} ${variant.label}`,
					expectation: expected(access, visitor, { ...variant, param })
				}))
		);
	});
}

/**
 * Reads first, then the posts refused, then the posts let through (with an empty form, so they
 * fail validation rather than change the demo), and logging out last of all.
 */
function order(item: Case): number {
	if (item.entry.routeId === '/deconnexion') return 3;
	if (item.entry.method === 'GET') return 0;
	return item.expectation === 'through' ? 2 : 1;
}

function callContext(): CallContext {
	const layouts = entries
		.filter((entry) => entry.kind === 'load' && entry.file.endsWith('/+layout.server.ts'))
		.sort((a, b) => a.file.length - b.file.length);
	const folderOf = (file: string) => file.replace(/\/[^/]+$/, '');
	return {
		db: handle.db,
		databaseKind: handle.kind,
		parent: async (entry, event) => {
			const folder = folderOf(entry.file);
			const above = layouts.filter(
				(layout) => layout !== entry && (folder === folderOf(layout.file) || folder.startsWith(`${folderOf(layout.file)}/`))
			);
			const data: Record<string, unknown> = {};
			for (const layout of above) {
				const layoutEvent: RequestEvent & { parent: () => Promise<Record<string, unknown>> } = {
					...event,
					parent: async () => ({ ...data })
				};
				Object.assign(data, await layout.call(layoutEvent as never));
			}
			return data;
		}
	};
}

describe('route access', () => {
	it('every load, form action and HTTP method handler declares its access', () => {
		expect(undeclared(entries)).toEqual([]);
	});

	it('every page has its own declared load or a guarded layout above it', () => {
		expect(unguardedPages(entries)).toEqual([]);
	});

	it('every declared entry point answers each visitor as it declares', { timeout: 120_000 }, async () => {
		const context = callContext();
		const cases = entries
			.filter((entry) => entry.access)
			.flatMap(casesOf)
			.sort((a, b) => order(a) - order(b));
		const mismatches: string[] = [];
		for (const item of cases) {
			const event = requestEvent(item.entry, item.visitor, item.params, context);
			const outcome = await call(item.entry, event);
			if (!keeps(item.expectation, outcome, event.request.bodyUsed))
				mismatches.push(
					`${item.entry.routeId} ${item.entry.name} as ${item.visitor.name} (${item.variant}): ` +
						`expected ${item.expectation}, got ${describeOutcome(outcome)}`
				);
		}
		expect(mismatches).toEqual([]);
	});
});
