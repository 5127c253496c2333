import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { UserFacingError } from '$lib/server/errors';
import { attestationFile } from '$lib/server/results/results-service';
import type { RequestHandler } from './$types';

// The candidate's own attestation, once the session's results are published; the candidate id is
// the session's user, never taken from the request.
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'candidate');
	try {
		const pdf = await attestationFile(event.locals.db, event.params.sessionId, user.id, { onlyPublished: true });
		return new Response(new Uint8Array(pdf), {
			headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="attestation.pdf"', 'cache-control': 'no-store' }
		});
	} catch (caught) {
		if (caught instanceof UserFacingError) error(caught.status, caught.message);
		throw caught;
	}
};
