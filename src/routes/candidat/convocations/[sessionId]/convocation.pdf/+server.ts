import { error } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { guardEndpoint } from '$lib/server/access';
import { convocationPdf } from '$lib/server/documents/convocation-pdf';
import { currentCertifier } from '$lib/server/certifier/certifier-service';
import { candidateConvocation } from '$lib/server/publication/publication-service';
import type { RequestHandler } from './$types';

const access = { roles: ['candidate'], permission: 'session.attend', param: 'sessionId' } as const;

export const GET: RequestHandler = guardEndpoint(access, async (_event, { user, db, checked }) => {
	const convocation = await candidateConvocation(db, user.id, checked.id);
	if (!convocation) error(404, fr.publication.convocationNotFound);
	return new Response(new Uint8Array(await convocationPdf(convocation, await currentCertifier(db))), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': 'attachment; filename="convocation.pdf"',
			'cache-control': 'private, no-store'
		}
	});
});
