import { requireRole } from '$lib/server/auth/guards';
import { recordDownload } from '$lib/server/deliberation/record-download';
import type { RequestHandler } from './$types';

/** A jury's signed record, served as stored (its SHA-256 is the one shown). */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'coordinator');
	return recordDownload(event.locals.db, null, event.params.juryId, event.params.version, event.params.sessionId);
};
