import type { RequestEvent } from '@sveltejs/kit';
import { isHttpError } from '@sveltejs/kit';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as health } from '../../../routes/api/health/+server';
import { load as coordinationHome } from '../../../routes/coordination/+page.server';
import { connectPostgres } from './connect';
import { isDatabaseUnavailable } from './unavailable';

// Nothing listens on port 1: every query is refused the way a stopped PostgreSQL refuses it.
const away = connectPostgres('postgres://postgres@127.0.0.1:1/soutenance', 1);
afterAll(() => away.close());

function eventOn(path: string): RequestEvent {
	return {
		locals: {
			db: away.db,
			databaseKind: 'postgres',
			user: { id: '00000000-0000-4000-8000-000000000001', email: 'c@soutenance.test', displayName: 'C', role: 'coordinator' },
			sessionId: 'session'
		},
		url: new URL(path, 'http://localhost'),
		params: {},
		route: { id: path },
		request: new Request(new URL(path, 'http://localhost')),
		cookies: { get: () => undefined }
	} as unknown as RequestEvent;
}

describe('a database that is away', () => {
	it('is told apart from a bug', async () => {
		const refused = await away.db
			.selectFrom('users')
			.select('id')
			.execute()
			.catch((caught: unknown) => caught);
		expect(isDatabaseUnavailable(refused)).toBe(true);
		expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(
			true
		);
		expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
		expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
		expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
	});

	it('makes a page answer 503 with a French message, not 500', async () => {
		const caught = await Promise.resolve(coordinationHome(eventOn('/coordination') as never)).catch((error: unknown) => error);
		expect(isHttpError(caught, 503)).toBe(true);
		expect((caught as { body: { message: string } }).body.message).toContain('base de données ne répond pas');
	});

	it('makes /api/health say so with a 503', async () => {
		const response = await health(eventOn('/api/health') as never);
		expect(response.status).toBe(503);
		expect(await response.json()).toEqual({ status: 'unavailable', database: 'postgres' });
	});
});
