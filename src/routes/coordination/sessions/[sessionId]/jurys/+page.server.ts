import { SESSION_MANAGER, guard, guardActions } from '$lib/server/access';
import { createJury, juryBoard, removeJury } from '$lib/server/juries/jury-service';
import type { Actions, PageServerLoad } from './$types';
import { juryName } from '$lib/i18n/fr/common';

export const load: PageServerLoad = guard(SESSION_MANAGER, async (_event, { db, checked }) => ({ board: await juryBoard(db, checked.id) }));

export const actions: Actions = guardActions(SESSION_MANAGER, {
	create: async (_event, { user, db, checked, form, keep }) => {
		const posted = await form();
		const jury = { ...posted.values, memberIds: posted.list('memberIds') };
		keep({ formId: 'jury-new', values: jury });
		await createJury(db, user.id, checked.id, jury);
		return { formId: 'jury-new', saved: `${juryName(posted.values.label?.trim() ?? '')} créé.` };
	},
	remove: async (_event, { user, db, checked, form, keep }) => {
		const { values } = await form();
		keep({ formId: `jury-${values.juryId}`, values });
		await removeJury(db, user.id, checked.id, values.juryId ?? '');
		return { formId: `jury-${values.juryId}`, saved: 'Jury supprimé.' };
	}
});
