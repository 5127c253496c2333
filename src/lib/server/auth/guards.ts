import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import type { Role, SessionUser } from './auth-repository';

export const ROLE_HOME: Record<Role, string> = { coordinator: '/coordination', juror: '/jury', candidate: '/candidat' };

/** Anonymous visitors go to the login page and come back where they were going. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) redirect(303, `/connexion?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	return user;
}

export function requireRole(event: Pick<RequestEvent, 'locals' | 'url'>, ...roles: Role[]): SessionUser {
	const user = requireUser(event);
	if (!roles.includes(user.role)) error(403, fr.auth.forbidden);
	return user;
}

/** Only same-site paths, never "//host" or "/\host", may be a redirect target after login. */
export function safeRedirectTarget(target: string | null, fallback: string): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback;
	return target;
}
