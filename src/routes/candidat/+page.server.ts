import { guard, guardActions } from '$lib/server/access';
import { candidateMayEdit, civilStatusView, updateOwnCivilStatus } from '$lib/server/accrochage/civil-status-service';
import { declarationSettings } from '$lib/server/certifier/certifier-service';
import { candidateSessions } from '$lib/server/publication/publication-service';
import { convocationSections, defenseDate, placeText } from '$lib/server/documents/convocation-text';
import { candidateResults } from '$lib/server/certification/results-service';
import { candidateForecasts } from '$lib/server/live/board-service';
import { sessionsByDay } from '$lib/domain/publication/candidate-sessions';
import { fr } from '$lib/i18n/fr';
import type { Database } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

const labels = fr.publication.labels;
/** What a candidate looks for on their phone: when and where, then the rest. */
const keyFacts = [labels.when, labels.whenOwnZone, labels.place, labels.video];
const keyFactsFirst = <T extends { label: string }>(sections: T[]) => {
	const key = sections.filter((section) => keyFacts.includes(section.label));
	return { key, more: sections.filter((section) => !key.includes(section)) };
};

export const load: PageServerLoad = guard({ roles: ['candidate'] }, async (_event, { user, db }) => {
	const now = new Date();
	const sessions = (await candidateSessions(db, user.id)).map((view) =>
		view.state === 'convoked'
			? {
					sessionId: view.sessionId,
					sessionName: view.sessionName,
					state: view.state,
					start: view.convocation.start.getTime(),
					timezone: view.convocation.sessionTimezone,
					date: defenseDate(view.convocation),
					// The jury's members are not shown: jurors' names are for the coordination, not for candidates.
					sections: keyFactsFirst(convocationSections(view.convocation)),
					videoUrl: view.convocation.room?.remote ? view.convocation.room.videoUrl : null,
					place: placeText(view.convocation.room, view.convocation.address)
				}
			: { sessionId: view.sessionId, sessionName: view.sessionName, state: view.state }
	);
	return {
		sessions: sessionsByDay(sessions, now),
		// Today's predicted start, rendered at once (and without JavaScript); the page keeps it live.
		forecasts: await candidateForecasts(db, user.id, now),
		results: await candidateResults(db, user.id),
		civilStatus: await ownCivilStatus(db, user.id)
	};
});

/** The candidate's civil status for the declaration to the CDC, editable until their results are published. */
async function ownCivilStatus(db: Database, userId: string) {
	const { defaultAccessMode } = await declarationSettings(db);
	return { ...(await civilStatusView(db, userId, defaultAccessMode)), defaultAccessMode, editable: await candidateMayEdit(db, userId) };
}

export const actions: Actions = guardActions(
	{ roles: ['candidate'] },
	{
		civilStatus: async (_event, { user, db, form, keep }) => {
			const { values } = await form();
			keep({ formId: 'civilStatus', values });
			await updateOwnCivilStatus(db, user.id, values);
			return { formId: 'civilStatus', saved: fr.accrochage.civilStatus.saved };
		}
	}
);
