import { error } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { requireRole } from '$lib/server/auth/guards';
import { convocationPdf } from '$lib/server/documents/convocation-pdf';
import { candidateConvocation } from '$lib/server/publication/publication-service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'candidate');
	const convocation = await candidateConvocation(event.locals.db, user.id, event.params.sessionId);
	if (!convocation) error(404, fr.publication.convocationNotFound);
	return new Response(new Uint8Array(await convocationPdf(convocation)), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': 'attachment; filename="convocation.pdf"',
			'cache-control': 'private, no-store'
		}
	});
};
