import { error } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { requireRole } from '$lib/server/auth/guards';
import { dispatchOutbox } from '$lib/server/notifications/mailer';
import { listJurorAccountsOutside, listSessionJurors } from '$lib/server/people/juror-repository';
import { addExistingJuror, inviteJuror } from '$lib/server/people/juror-service';
import { formValues, runForm } from '$lib/server/planning/session-form';
import { findSession } from '$lib/server/planning/session-repository';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'coordinator');
	const { db } = event.locals;
	const session = await findSession(db, event.params.sessionId);
	if (!session) error(404, fr.sessions.notFound);
	const [jurors, others] = await Promise.all([listSessionJurors(db, session.id), listJurorAccountsOutside(db, session.id)]);
	return { jurors, others };
};

export const actions: Actions = {
	invite: async (event) => {
		const actor = requireRole(event, 'coordinator');
		const values = formValues(await event.request.formData());
		const outcome = await runForm('invite', values, `Invitation envoyée à ${values.email?.trim().toLowerCase()}.`, () =>
			inviteJuror(event.locals.db, actor.id, event.params.sessionId, values, event.url.origin)
		);
		await dispatchOutbox(event.locals.db);
		return outcome;
	},
	addExisting: async (event) => {
		const actor = requireRole(event, 'coordinator');
		const values = formValues(await event.request.formData());
		return runForm('existing', values, 'Juré ajouté à la session.', () => addExistingJuror(event.locals.db, actor.id, event.params.sessionId, values.jurorId ?? ''));
	}
};
