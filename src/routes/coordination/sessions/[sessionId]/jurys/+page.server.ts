import { error } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { requireRole } from '$lib/server/auth/guards';
import { createJury, juryBoard, removeJury } from '$lib/server/planning/jury-service';
import { formList, formValues, runForm } from '$lib/server/planning/session-form';
import { findSession } from '$lib/server/planning/session-repository';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'coordinator');
	const session = await findSession(event.locals.db, event.params.sessionId);
	if (!session) error(404, fr.sessions.notFound);
	return { board: await juryBoard(event.locals.db, session.id) };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireRole(event, 'coordinator');
		const form = await event.request.formData();
		const values: Record<string, string> = formValues(form);
		const jury = { ...values, memberIds: formList(form, 'memberIds') };
		return runForm('jury-new', jury, `Jury ${values.label?.trim()} créé.`, () => createJury(event.locals.db, actor.id, event.params.sessionId, jury));
	},
	remove: async (event) => {
		const actor = requireRole(event, 'coordinator');
		const values = formValues(await event.request.formData());
		return runForm(`jury-${values.juryId}`, values, 'Jury supprimé.', () => removeJury(event.locals.db, actor.id, event.params.sessionId, values.juryId ?? ''));
	}
};
