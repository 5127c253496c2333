import { fail } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { guardActions } from '$lib/server/access';
import { requestPasswordReset } from '$lib/server/auth/account-service';
import { dispatchOutbox } from '$lib/server/notifications/mailer';
import type { Actions } from './$types';

export const actions: Actions = guardActions(
	{ roles: 'public' },
	{
		default: async ({ url }, { db, form }) => {
			const email = ((await form()).values.email ?? '').trim();
			if (!email) return fail(400, { email, message: fr.users.emailInvalid, sent: false });
			await requestPasswordReset(db, email, url.origin);
			await dispatchOutbox(db);
			return { email, message: fr.auth.resetRequested, sent: true };
		}
	}
);
