import { error, redirect } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { requireRole } from '$lib/server/auth/guards';
import { editJury, juryBoard, removeJury } from '$lib/server/planning/jury-service';
import { formList, formValues, runForm } from '$lib/server/planning/session-form';
import { findSession } from '$lib/server/planning/session-repository';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'coordinator');
	const session = await findSession(event.locals.db, event.params.sessionId);
	const board = session && (await juryBoard(event.locals.db, session.id));
	const jury = board?.juries.find((candidate) => candidate.id === event.params.juryId);
	if (!board || !jury) error(404, fr.sessions.jury.notFound);
	return { board, jury };
};

export const actions: Actions = {
	edit: async (event) => {
		const actor = requireRole(event, 'coordinator');
		const form = await event.request.formData();
		const values: Record<string, string> = formValues(form);
		const jury = { ...values, memberIds: formList(form, 'memberIds') };
		return runForm('jury', jury, 'Jury enregistré.', () => editJury(event.locals.db, actor.id, event.params.sessionId, event.params.juryId, jury));
	},
	remove: async (event) => {
		const actor = requireRole(event, 'coordinator');
		const outcome = await runForm('remove', {}, 'Jury supprimé.', () => removeJury(event.locals.db, actor.id, event.params.sessionId, event.params.juryId));
		if ('saved' in outcome) redirect(303, `/coordination/sessions/${event.params.sessionId}/jurys`);
		return outcome;
	}
};
