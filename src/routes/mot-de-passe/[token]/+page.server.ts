import { guard, guardActions } from '$lib/server/access';
import { loadPasswordLink, submitPasswordLink } from '$lib/server/auth/password-link';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = guard({ roles: 'public' }, (event) => loadPasswordLink(event, 'password_reset'));

export const actions: Actions = guardActions(
	{ roles: 'public' },
	{ default: (event, ctx) => submitPasswordLink(event, ctx, 'password_reset') }
);
