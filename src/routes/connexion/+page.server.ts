import { fail, redirect } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { ROLE_HOME, safeRedirectTarget } from '$lib/server/auth/guards';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { login } from '$lib/server/auth/login-service';
import { UserFacingError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), ROLE_HOME[locals.user.role]));
	return { redirectTo: url.searchParams.get('redirectTo') ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		const redirectTo = String(form.get('redirectTo') ?? event.url.searchParams.get('redirectTo') ?? '');
		if (!email.trim() || !password) return fail(400, { email, redirectTo, message: fr.auth.missingFields });
		let target: string;
		try {
			const result = await login(event.locals.db, { email, password, ip: event.getClientAddress() });
			setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
			target = safeRedirectTarget(redirectTo, ROLE_HOME[result.user.role]);
		} catch (error) {
			if (error instanceof UserFacingError) return fail(error.status, { email, redirectTo, message: error.message });
			throw error;
		}
		redirect(303, target);
	}
};
