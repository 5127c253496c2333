import { redirect } from '@sveltejs/kit';
import { guard } from '$lib/server/access';
import { ROLE_HOME } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = guard({ roles: 'public' }, (_event, { user }) => {
	redirect(303, user ? ROLE_HOME[user.role] : '/connexion');
});
