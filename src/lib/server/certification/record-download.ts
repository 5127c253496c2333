import attachment from 'content-disposition';
import type { Database } from '../db/connect';
import { recordFile } from './deliberation-service';

/**
 * A jury's signed record served exactly as stored, so the SHA-256 shown in the app matches the
 * downloaded bytes. `jurorId` null means a coordinator (any jury of `sessionId`).
 */
export async function recordDownload(
	db: Database,
	jurorId: string | null,
	juryId: string,
	version: string,
	sessionId?: string
): Promise<Response> {
	// The path's "v12" as a number; anything else (a 20-digit number, a line break) names no version.
	const number = /^[1-9]\d{0,8}$/.test(version) ? Number(version) : 0;
	const file = await recordFile(db, jurorId, juryId, number, sessionId);
	return new Response(new Uint8Array(file.pdf), {
		headers: {
			'content-type': 'application/pdf',
			// RFC 6266: the jury's label may hold any character (filename*), with an ASCII fallback.
			'content-disposition': attachment(`proces-verbal-jury-${file.label}-v${number}.pdf`),
			'x-content-sha256': file.sha256,
			'cache-control': 'no-store'
		}
	});
}
