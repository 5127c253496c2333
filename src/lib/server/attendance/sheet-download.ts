import attachment from 'content-disposition';
import type { Database } from '../db/connect';
import { attendanceSheetFile } from './attendance-service';

/** A jury's attendance sheet of a half-day (the URL's `demi-journee`, else the current or next one), as a download. */
export async function attendanceDownload(db: Database, juryId: string, url: URL, sessionId?: string): Promise<Response> {
	const { pdf, filename } = await attendanceSheetFile(db, juryId, url.searchParams.get('demi-journee'), sessionId);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': attachment(filename),
			'cache-control': 'no-store'
		}
	});
}
