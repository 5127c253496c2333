import { guardEndpoint } from '$lib/server/access';
import { attendanceDownload } from '$lib/server/attendance/sheet-download';
import type { RequestHandler } from './$types';

/** The jury's attendance sheet of a half-day, for its president (the coordination downloads it from the session's results). */
export const GET: RequestHandler = guardEndpoint(
	{ roles: ['juror'], permission: 'jury.attendance-sheet', param: 'juryId' },
	(event, { db, checked }) => attendanceDownload(db, checked.id, event.url)
);
