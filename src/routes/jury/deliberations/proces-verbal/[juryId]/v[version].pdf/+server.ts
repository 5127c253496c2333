import { requireRole } from '$lib/server/auth/guards';
import { recordDownload } from '$lib/server/deliberation/record-download';
import type { RequestHandler } from './$types';

/** The signed version as stored: the bytes whose SHA-256 the jury saw. */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'juror');
	return recordDownload(event.locals.db, user.id, event.params.juryId, event.params.version);
};
