import { SESSION_MANAGER, guardEndpoint } from '$lib/server/access';
import { attestationFile } from '$lib/server/certification/results-service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = guardEndpoint(
	SESSION_MANAGER,
	async (event, { db, checked }) =>
		new Response(new Uint8Array(await attestationFile(db, checked.id, event.params.candidateId, { onlyPublished: false })), {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': 'attachment; filename="attestation.pdf"',
				'cache-control': 'no-store'
			}
		})
);
