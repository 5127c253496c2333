import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { guardEndpoint } from '$lib/server/access';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = guardEndpoint({ roles: 'public' }, async ({ locals }) => {
	await sql`select 1`.execute(locals.db);
	return json({ status: 'ok', database: locals.databaseKind });
});
