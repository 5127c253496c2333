import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'session';

function secure(url: URL): boolean {
	return (process.env.ORIGIN ?? url.origin).startsWith('https:');
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(url), expires: expiresAt });
}

export function deleteSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(url) });
}
