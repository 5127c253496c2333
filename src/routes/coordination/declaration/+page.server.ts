import { guard, guardActions } from '$lib/server/access';
import { declarationPage } from '$lib/server/accrochage/declaration-service';
import { exportAction, receiptAction } from '$lib/server/accrochage/declaration-actions';
import type { Actions, PageServerLoad } from './$types';

const access = { roles: ['coordinator'] } as const;

export const load: PageServerLoad = guard(access, async (_event, { db }) => declarationPage(db, null));

export const actions: Actions = guardActions(access, {
	export: async (_event, { user, db, keep }) => {
		keep({ formId: 'export' });
		return exportAction(db, user.id, null);
	},
	receipt: async (_event, { user, db, form, keep }) => {
		keep({ formId: 'receipt' });
		return receiptAction(db, user.id, await form(), null);
	}
});
