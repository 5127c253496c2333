import { SESSION_MANAGER, guardEndpoint } from '$lib/server/access';
import { attendanceDownload } from '$lib/server/attendance/sheet-download';
import type { RequestHandler } from './$types';

/** A jury's attendance sheet of a half-day, kept with the procès-verbal. */
export const GET: RequestHandler = guardEndpoint(SESSION_MANAGER, (event, { db, checked }) =>
	attendanceDownload(db, event.params.juryId, event.url, checked.id)
);
