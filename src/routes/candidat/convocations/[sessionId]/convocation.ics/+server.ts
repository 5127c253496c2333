import { error } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { guardEndpoint } from '$lib/server/access';
import { convocationCalendar } from '$lib/server/publication/publication-mail';
import { candidateConvocation } from '$lib/server/publication/publication-service';
import type { RequestHandler } from './$types';

const access = { roles: ['candidate'], permission: 'session.attend', param: 'sessionId' } as const;

export const GET: RequestHandler = guardEndpoint(access, async (_event, { user, db, checked }) => {
	const convocation = await candidateConvocation(db, user.id, checked.id);
	if (!convocation) error(404, fr.publication.convocationNotFound);
	return new Response(convocationCalendar(convocation), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'attachment; filename="convocation.ics"',
			'cache-control': 'private, no-store'
		}
	});
});
