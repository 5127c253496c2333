import { error } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { formatInTimeZone } from '$lib/domain/time/format';
import { SESSION_MANAGER, guard } from '$lib/server/access';
import { sessionDashboard } from '$lib/server/sessions/session-service';
import { awardSummaries } from '$lib/server/accrochage/declaration-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = guard(SESSION_MANAGER, async (_event, { db, checked }) => {
	const dashboard = await sessionDashboard(db, checked.id);
	if (!dashboard) error(404, fr.sessions.notFound);
	const zone = dashboard.session.timezone;
	const { publishedAt, resultsPublishedAt } = dashboard.counts;
	return {
		...dashboard,
		awards: await awardSummaries(db, [checked.id]),
		publishedAt: publishedAt ? formatInTimeZone(publishedAt, zone, "dd/MM/yyyy 'à' HH:mm") : null,
		resultsPublishedAt: resultsPublishedAt ? formatInTimeZone(resultsPublishedAt, zone, "dd/MM/yyyy 'à' HH:mm") : null
	};
});
