import { SESSION_MANAGER, guardEndpoint } from '$lib/server/access';
import { recordDownload } from '$lib/server/certification/record-download';
import type { RequestHandler } from './$types';

/** A jury's signed record, served as stored (its SHA-256 is the one shown). */
export const GET: RequestHandler = guardEndpoint(SESSION_MANAGER, (event, { db, checked }) =>
	recordDownload(db, null, event.params.juryId, event.params.version, checked.id)
);
