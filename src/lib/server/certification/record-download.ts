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
	const file = await recordFile(db, jurorId, juryId, Number(version), sessionId);
	return new Response(new Uint8Array(file.pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="proces-verbal-jury-${file.label}-v${version}.pdf"`,
			'x-content-sha256': file.sha256,
			'cache-control': 'no-store'
		}
	});
}
