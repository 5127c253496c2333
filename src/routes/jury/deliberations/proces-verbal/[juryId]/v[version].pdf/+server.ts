import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { recordFile } from '$lib/server/deliberation/deliberation-service';
import { UserFacingError } from '$lib/server/errors';
import type { RequestHandler } from './$types';

/** The signed version as stored: the bytes whose SHA-256 the jury saw. */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'juror');
	try {
		const file = await recordFile(event.locals.db, user.id, event.params.juryId, Number(event.params.version));
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
