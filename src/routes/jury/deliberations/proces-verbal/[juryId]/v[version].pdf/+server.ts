import { guardEndpoint } from '$lib/server/access';
import { recordDownload } from '$lib/server/certification/record-download';
import type { RequestHandler } from './$types';

/** The signed version as stored: the bytes whose SHA-256 the jury saw. */
export const GET: RequestHandler = guardEndpoint(
	{ roles: ['juror'], permission: 'jury.deliberate', param: 'juryId' },
	(event, { user, db, checked }) => recordDownload(db, user.id, checked.id, event.params.version)
);
