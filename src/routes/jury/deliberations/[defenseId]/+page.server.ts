import { guard, guardActions } from '$lib/server/access';
import { deliberationView, recordDecisions } from '$lib/server/certification/deliberation-service';
import type { Actions, PageServerLoad } from './$types';

const access = { roles: ['juror'], permission: 'defense.deliberate', param: 'defenseId' } as const;

export const load: PageServerLoad = guard(access, async (_event, { user, db, checked }) => ({
	view: await deliberationView(db, user.id, checked.id)
}));

// Every member reads the deliberation; only the president records it.
export const actions: Actions = guardActions(
	{ ...access, permission: 'defense.decide' },
	{
		decide: async (_event, { user, db, checked, form, keep }) => {
			const { values } = await form();
			keep({ values });
			await recordDecisions(db, user.id, checked.id, values);
			return { saved: true };
		}
	}
);
