import { error, redirect } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { SESSION_MANAGER, guard, guardActions } from '$lib/server/access';
import { editJury, juryBoard, removeJury } from '$lib/server/juries/jury-service';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = guard(SESSION_MANAGER, async (event, { db, checked }) => {
	const board = await juryBoard(db, checked.id);
	const jury = board.juries.find((candidate) => candidate.id === event.params.juryId);
	if (!jury) error(404, fr.juries.notFound);
	return { board, jury };
});

export const actions: Actions = guardActions(SESSION_MANAGER, {
	edit: async (event: RequestEvent, { user, db, checked, form, keep }) => {
		const posted = await form();
		const jury = { ...posted.values, memberIds: posted.list('memberIds') };
		keep({ formId: 'jury', values: jury });
		await editJury(db, user.id, checked.id, event.params.juryId, jury);
		return { formId: 'jury', saved: 'Jury enregistré.' };
	},
	remove: async (event: RequestEvent, { user, db, checked, keep }) => {
		keep({ formId: 'remove', values: {} });
		await removeJury(db, user.id, checked.id, event.params.juryId);
		redirect(303, `/coordination/sessions/${checked.id}/jurys`);
	}
});
