import { guardEndpoint } from '$lib/server/access';
import { attestationFile } from '$lib/server/certification/results-service';
import type { RequestHandler } from './$types';

// The candidate's own attestation, once the session's results are published; the candidate id is
// the session's user, never taken from the request.
const access = { roles: ['candidate'], permission: 'session.attend', param: 'sessionId' } as const;

export const GET: RequestHandler = guardEndpoint(access, async (_event, { user, db, checked }) => {
	const pdf = await attestationFile(db, checked.id, user.id, { onlyPublished: true });
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': 'attachment; filename="attestation.pdf"',
			'cache-control': 'no-store'
		}
	});
});
