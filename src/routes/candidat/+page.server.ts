import { requireRole } from '$lib/server/auth/guards';
import { candidateSessions } from '$lib/server/publication/publication-service';
import { convocationSections, placeText } from '$lib/server/documents/convocation-text';
import { candidateResults } from '$lib/server/results/results-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'candidate');
	const sessions = await candidateSessions(event.locals.db, user.id);
	return {
		sessions: sessions.map((view) =>
			view.state === 'convoked'
				? {
						sessionId: view.sessionId,
						sessionName: view.sessionName,
						state: view.state,
						// The jury's members are not shown: jurors' names are for the coordination, not for candidates.
						sections: convocationSections(view.convocation),
						videoUrl: view.convocation.room?.remote ? view.convocation.room.videoUrl : null,
						place: placeText(view.convocation.room, view.convocation.address)
					}
				: { sessionId: view.sessionId, sessionName: view.sessionName, state: view.state }
		),
		results: await candidateResults(event.locals.db, user.id)
	};
};
