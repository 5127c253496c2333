import { SESSION_MANAGER, guard, guardActions } from '$lib/server/access';
import { declarationPage } from '$lib/server/accrochage/declaration-service';
import { exportAction, receiptAction } from '$lib/server/accrochage/declaration-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = guard(SESSION_MANAGER, async (_event, { db, checked: session }) => ({
	session,
	...(await declarationPage(db, session.id))
}));

export const actions: Actions = guardActions(SESSION_MANAGER, {
	export: async (_event, { user, db, checked: session, keep }) => {
		keep({ formId: 'export' });
		return exportAction(db, user.id, session.id);
	},
	receipt: async (_event, { user, db, checked: session, form, keep }) => {
		keep({ formId: 'receipt' });
		return receiptAction(db, user.id, await form(), session.id);
	}
});
