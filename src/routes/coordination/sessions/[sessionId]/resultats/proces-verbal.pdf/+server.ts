import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { UserFacingError } from '$lib/server/errors';
import { sessionRecordFile } from '$lib/server/results/results-service';
import type { RequestHandler } from './$types';

/** Every jury's latest signed record in one document, each with the SHA-256 of its own file. */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'coordinator');
	try {
		return new Response(new Uint8Array(await sessionRecordFile(event.locals.db, event.params.sessionId)), {
			headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="proces-verbal-session.pdf"', 'cache-control': 'no-store' }
		});
	} catch (caught) {
		if (caught instanceof UserFacingError) error(caught.status, caught.message);
		throw caught;
	}
};
