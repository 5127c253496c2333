import { fail } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { requestPasswordReset } from '$lib/server/people/account-service';
import { dispatchOutbox } from '$lib/server/notifications/mailer';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const email = String((await request.formData()).get('email') ?? '').trim();
		if (!email) return fail(400, { email, message: fr.users.emailInvalid, sent: false });
		await requestPasswordReset(locals.db, email, url.origin);
		await dispatchOutbox(locals.db);
		return { email, message: fr.auth.resetRequested, sent: true };
	}
};
