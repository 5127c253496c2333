import { guard } from '$lib/server/access';
import { candidateSessions } from '$lib/server/publication/publication-service';
import { convocationSections, placeText } from '$lib/server/documents/convocation-text';
import { candidateResults } from '$lib/server/certification/results-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = guard({ roles: ['candidate'] }, async (_event, { user, db }) => {
	const sessions = await candidateSessions(db, user.id);
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
		results: await candidateResults(db, user.id)
	};
});
