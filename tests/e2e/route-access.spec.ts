import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { routeAccess, type Role } from '../route-access';
import { DEMO_PASSWORD, accounts } from './helpers';

function routeIds(folder = 'src/routes', id = ''): string[] {
	const entries = readdirSync(folder);
	const here = entries.some((name) => /^\+(page\.svelte|server\.ts)$/.test(name)) ? [id || '/'] : [];
	return here.concat(
		entries
			.filter((name) => statSync(path.join(folder, name)).isDirectory())
			// Route groups "(name)" add no path segment.
			.flatMap((name) => routeIds(path.join(folder, name), /^\(.*\)$/.test(name) ? id : `${id}/${name}`))
	);
}

test('every route has an access decision in tests/route-access.ts', () => {
	expect(routeIds().sort()).toEqual(Object.keys(routeAccess).sort());
});

const roles: Role[] = ['coordinator', 'juror', 'candidate'];

async function contextFor(baseURL: string, role: Role | null): Promise<APIRequestContext> {
	const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': '127.0.0.2', accept: 'text/html' } });
	if (role) {
		const response = await context.post('/connexion', { form: { email: accounts[role === 'coordinator' ? 'coordinator' : role === 'juror' ? 'juror' : 'candidate'], password: DEMO_PASSWORD }, headers: { origin: baseURL }, maxRedirects: 0 });
		expect(response.status()).toBe(303);
	}
	return context;
}

test('each route answers anonymous visitors and each role as declared', async ({ baseURL }) => {
	const contexts = new Map<Role | null, APIRequestContext>();
	for (const role of [null, ...roles]) contexts.set(role, await contextFor(baseURL!, role));
	const failures: string[] = [];
	// Logging out is one of the routes: check the POST routes last so the others run logged in.
	const rules = Object.entries(routeAccess).sort(([, a], [, b]) => Number(a.method === 'POST') - Number(b.method === 'POST'));
	for (const [id, rule] of rules) {
		if (!rule.example) continue;
		for (const [role, context] of contexts) {
			const response = await (rule.method === 'POST'
				? context.post(rule.example, { headers: { origin: baseURL! }, maxRedirects: 0 })
				: context.get(rule.example, { maxRedirects: 0 }));
			const status = response.status();
			const location = response.headers()['location'] ?? '';
			const sentToLogin = status === 303 && location.startsWith('/connexion?redirectTo=');
			const allowed = rule.access === 'public' || (role !== null && (rule.access === 'authenticated' || rule.access.includes(role)));
			const who = role ?? 'anonymous';
			if (allowed && (sentToLogin || status === 403 || status >= 500)) failures.push(`${id} as ${who}: expected access, got ${status} ${location}`);
			if (!allowed && role === null && !sentToLogin && status !== 401) failures.push(`${id} as anonymous: expected login redirect, got ${status} ${location}`);
			if (!allowed && role !== null && status !== 403) failures.push(`${id} as ${who}: expected 403, got ${status}`);
		}
	}
	expect(failures).toEqual([]);
	for (const context of contexts.values()) await context.dispose();
});
