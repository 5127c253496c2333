import { redirect } from '@sveltejs/kit';
import { addCandidate } from '$lib/server/people/candidate-service';
import { listSessionTeams } from '$lib/server/people/candidate-repository';
import { dispatchOutbox } from '$lib/server/notifications/mailer';
import { coordinatorSession, refusal, textFields } from '../access.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { session, db } = await coordinatorSession(event);
	const teams = [...new Set((await listSessionTeams(db, session.id)).map((member) => member.team!))].sort();
	return { session, teams };
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, session, db } = await coordinatorSession(event);
		const values = textFields(await event.request.formData());
		let candidateId: string;
		try {
			candidateId = (await addCandidate(db, actor.id, session.id, values, event.url.origin)).userId;
		} catch (caught) {
			return refusal(caught, values);
		}
		await dispatchOutbox(db);
		redirect(303, `/coordination/sessions/${session.id}/candidats/${candidateId}?ajoute=1`);
	}
};
