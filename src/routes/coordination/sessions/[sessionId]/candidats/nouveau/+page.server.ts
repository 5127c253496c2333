import { redirect } from '@sveltejs/kit';
import { SESSION_MANAGER, guard, guardActions } from '$lib/server/access';
import { listSessionTeams } from '$lib/server/people/candidate-repository';
import { addCandidate } from '$lib/server/people/candidate-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = guard(SESSION_MANAGER, async (_event, { db, checked: session }) => {
	const teams = [...new Set((await listSessionTeams(db, session.id)).map((member) => member.team!))].sort();
	return { session, teams };
});

export const actions: Actions = guardActions(SESSION_MANAGER, {
	default: async (event, { user, db, checked: session, form, keep }) => {
		const { values } = await form();
		keep({ values });
		const candidateId = (await addCandidate(db, user.id, session.id, values, event.url.origin)).userId;
		redirect(303, `/coordination/sessions/${session.id}/candidats/${candidateId}?ajoute=1`);
	}
});
