import { redirect } from '@sveltejs/kit';
import { defaultReferentiel } from '$lib/domain/referentiel/referentiel';
import { defaultSettings } from '$lib/domain/sessions/session-rules';
import { requireRole } from '$lib/server/auth/guards';
import { createSession } from '$lib/server/planning/session-service';
import { formValues, runForm } from '$lib/server/planning/session-form';
import { sessionFormOptions } from '$lib/server/planning/session-options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'coordinator');
	return { defaults: defaultSettings(defaultReferentiel), ...sessionFormOptions() };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireRole(event, 'coordinator');
		const values = formValues(await event.request.formData());
		let sessionId = '';
		const outcome = await runForm('settings', values, 'Session créée.', async () => {
			sessionId = await createSession(event.locals.db, actor.id, values);
		});
		if (sessionId) redirect(303, `/coordination/sessions/${sessionId}`);
		return outcome;
	}
};
