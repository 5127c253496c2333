import { SESSION_MANAGER, guard } from '$lib/server/access';
import { publicationPreview } from '$lib/server/publication/publication-service';
import type { PageServerLoad } from './$types';

// The step between « Publier » and the messages leaving: who will be told, and what changes for each.
// Its form posts to the publication page's action, so it works the same without JavaScript.
export const load: PageServerLoad = guard(SESSION_MANAGER, async (_event, { db, checked }) => {
	const preview = await publicationPreview(db, checked.id);
	return {
		latestVersion: preview.latest?.version ?? 0,
		defenses: preview.defenses,
		unchanged: preview.unchanged,
		unplaced: preview.unplaced,
		recipients: preview.recipients
	};
});
