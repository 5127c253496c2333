import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { ROLE_HOME } from './guards';
import { setSessionCookie } from './cookies';
import { createSession } from './session-service';
import { setPasswordFromToken, usableLink, type LinkPurpose } from './account-service';
import { findUserById } from './user-repository';
import type { PostedForm } from '../access/guard';

/** The invitation and reset pages share this: show the form for a usable link, then set the password and log in. */
export async function loadPasswordLink(event: RequestEvent, purpose: LinkPurpose) {
	const found = await usableLink(event.locals.db, purpose, event.params.token ?? '', event.getClientAddress());
	if (!found) error(410, fr.auth.tokenInvalid);
	return { displayName: found.displayName, email: found.email };
}

export async function submitPasswordLink(event: RequestEvent, ctx: { form(): Promise<PostedForm> }, purpose: LinkPurpose) {
	const { values } = await ctx.form();
	const { userId } = await setPasswordFromToken(
		event.locals.db,
		purpose,
		event.params.token ?? '',
		values.password ?? '',
		values.confirmation ?? '',
		event.getClientAddress()
	);
	const user = await findUserById(event.locals.db, userId);
	const session = await createSession(event.locals.db, userId);
	setSessionCookie(event.cookies, event.url, session.token, session.expiresAt);
	redirect(303, ROLE_HOME[user!.role as keyof typeof ROLE_HOME]);
}
