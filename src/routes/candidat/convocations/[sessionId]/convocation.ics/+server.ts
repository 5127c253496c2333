import { error } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { requireRole } from '$lib/server/auth/guards';
import { convocationCalendar } from '$lib/server/publication/publication-mail';
import { candidateConvocation } from '$lib/server/publication/publication-service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'candidate');
	const convocation = await candidateConvocation(event.locals.db, user.id, event.params.sessionId);
	if (!convocation) error(404, fr.publication.convocationNotFound);
	return new Response(convocationCalendar(convocation), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'attachment; filename="convocation.ics"',
			'cache-control': 'private, no-store'
		}
	});
};
