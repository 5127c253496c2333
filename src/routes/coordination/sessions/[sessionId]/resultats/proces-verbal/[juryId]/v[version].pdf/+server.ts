import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { recordFile } from '$lib/server/deliberation/deliberation-service';
import { UserFacingError } from '$lib/server/errors';
import type { RequestHandler } from './$types';

/** A jury's signed record, served as stored (its SHA-256 is the one shown). */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'coordinator');
	try {
		const file = await recordFile(event.locals.db, null, event.params.juryId, Number(event.params.version), event.params.sessionId);
		return new Response(new Uint8Array(file.pdf), {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': `attachment; filename="proces-verbal-jury-${file.label}-v${event.params.version}.pdf"`,
				'x-content-sha256': file.sha256,
				'cache-control': 'no-store'
			}
		});
	} catch (caught) {
		if (caught instanceof UserFacingError) error(caught.status, caught.message);
		throw caught;
	}
};
