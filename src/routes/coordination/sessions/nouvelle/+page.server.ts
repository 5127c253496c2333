import { redirect } from '@sveltejs/kit';
import { defaultReferentiel } from '$lib/domain/referentiel/referentiel';
import { defaultSettings } from '$lib/domain/sessions/session-rules';
import { guard, guardActions } from '$lib/server/access';
import { createSession } from '$lib/server/sessions/session-service';
import { sessionFormOptions } from '$lib/server/sessions/session-options';
import type { Actions, PageServerLoad } from './$types';

const access = { roles: ['coordinator'] } as const;

export const load: PageServerLoad = guard(access, () => ({ defaults: defaultSettings(defaultReferentiel), ...sessionFormOptions() }));

export const actions: Actions = guardActions(access, {
	default: async (_event, { user, db, form, keep }) => {
		const { values } = await form();
		keep({ formId: 'settings', values });
		redirect(303, `/coordination/sessions/${await createSession(db, user.id, values)}/parametres`);
	}
});
