import { SESSION_MANAGER, guardEndpoint } from '$lib/server/access';
import { sessionRecordFile } from '$lib/server/certification/results-service';
import type { RequestHandler } from './$types';

/** Every jury's latest signed record in one document, each with the SHA-256 of its own file. */
export const GET: RequestHandler = guardEndpoint(
	SESSION_MANAGER,
	async (_event, { db, checked }) =>
		new Response(new Uint8Array(await sessionRecordFile(db, checked.id)), {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': 'attachment; filename="proces-verbal-session.pdf"',
				'cache-control': 'no-store'
			}
		})
);
