import { SESSION_MANAGER, guard, guardActions } from '$lib/server/access';
import { listJurorAccountsOutside, listSessionJurors } from '$lib/server/people/juror-repository';
import { addExistingJuror, inviteJuror } from '$lib/server/people/juror-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = guard(SESSION_MANAGER, async (_event, { db, checked: session }) => {
	const [jurors, others] = await Promise.all([listSessionJurors(db, session.id), listJurorAccountsOutside(db, session.id)]);
	return { jurors, others };
});

export const actions: Actions = guardActions(SESSION_MANAGER, {
	invite: async (event, { user, db, checked, form, keep }) => {
		const { values } = await form();
		keep({ formId: 'invite', values });
		await inviteJuror(db, user.id, checked.id, values, event.url.origin);
		return { formId: 'invite', saved: `Invitation envoyée à ${values.email?.trim().toLowerCase()}.` };
	},
	addExisting: async (_event, { user, db, checked, form, keep }) => {
		const { values } = await form();
		keep({ formId: 'existing', values });
		await addExistingJuror(db, user.id, checked.id, values.jurorId ?? '');
		return { formId: 'existing', saved: 'Juré ajouté à la session.' };
	}
});
