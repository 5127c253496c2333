import { fail, redirect } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { guard, guardActionsKeeping } from '$lib/server/access';
import { ROLE_HOME, safeRedirectTarget } from '$lib/server/auth/guards';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { login } from '$lib/server/auth/login-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = guard({ roles: 'public' }, ({ url }, { user }) => {
	if (user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), ROLE_HOME[user.role]));
	return { redirectTo: url.searchParams.get('redirectTo') ?? '' };
});

export const actions: Actions = guardActionsKeeping<{ email: string; redirectTo: string }>()(
	{ roles: 'public' },
	{
		default: async (event, { db, form, keep }) => {
			const { values } = await form();
			const email = values.email ?? '';
			const password = values.password ?? '';
			const redirectTo = values.redirectTo ?? event.url.searchParams.get('redirectTo') ?? '';
			if (!email.trim() || !password) return fail(400, { email, redirectTo, message: fr.auth.missingFields });
			keep({ email, redirectTo });
			const result = await login(db, { email, password, ip: event.getClientAddress() });
			setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
			redirect(303, safeRedirectTarget(redirectTo, ROLE_HOME[result.user.role]));
		}
	}
);
