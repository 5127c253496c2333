import { fail } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { guardActions } from '$lib/server/access';
import { recordPasswordResetRequest } from '$lib/server/auth/account-service';
import type { Actions } from './$types';

export const actions: Actions = guardActions(
	{ roles: 'public' },
	{
		default: async ({ url }, { db, form }) => {
			const email = ((await form()).values.email ?? '').trim();
			if (!email) return fail(400, { email, message: fr.users.emailInvalid, sent: false });
			await recordPasswordResetRequest(db, email, url.origin);
			// Nothing of the address in the answer: it is the same bytes whether an account has it or not.
			return { message: fr.auth.resetRequested, sent: true };
		}
	}
);
