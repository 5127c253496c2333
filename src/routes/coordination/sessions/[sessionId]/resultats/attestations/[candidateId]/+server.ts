import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { UserFacingError } from '$lib/server/errors';
import { attestationFile } from '$lib/server/results/results-service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	requireRole(event, 'coordinator');
	try {
		const pdf = await attestationFile(event.locals.db, event.params.sessionId, event.params.candidateId, { onlyPublished: false });
		return new Response(new Uint8Array(pdf), {
			headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="attestation.pdf"', 'cache-control': 'no-store' }
		});
	} catch (caught) {
		if (caught instanceof UserFacingError) error(caught.status, caught.message);
		throw caught;
	}
};
