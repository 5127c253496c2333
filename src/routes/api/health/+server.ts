import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { guardEndpoint } from '$lib/server/access';
import { isDatabaseUnavailable } from '$lib/server/db';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = guardEndpoint({ roles: 'public' }, async ({ locals }) => {
	try {
		await sql`select 1`.execute(locals.db);
	} catch (caught) {
		if (!isDatabaseUnavailable(caught)) throw caught;
		return json({ status: 'unavailable', database: locals.databaseKind }, { status: 503 });
	}
	return json({ status: 'ok', database: locals.databaseKind });
});
