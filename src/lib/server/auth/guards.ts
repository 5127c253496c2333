import type { Role } from './auth-repository';

// Who may open what is decided in src/lib/server/access; these are the addresses around it.
export const ROLE_HOME: Record<Role, string> = { coordinator: '/coordination', juror: '/jury', candidate: '/candidat' };

// Browsers drop tabs and line breaks from a URL and read "\\" as "/": "/\t/evil.example" is
// "//evil.example". Whitespace, control and separator characters are refused outright, then the
// path must resolve to this origin.
const UNSAFE_IN_TARGET = /[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}\\]/u;
const OWN_ORIGIN = 'http://soutenance.invalid';

/** A path of this app to go to after login (or a form's return), or `fallback`: never another site. */
export function safeRedirectTarget(target: string | null, fallback: string): string {
	if (!target || !target.startsWith('/') || UNSAFE_IN_TARGET.test(target)) return fallback;
	let resolved: URL;
	try {
		resolved = new URL(target, OWN_ORIGIN);
	} catch {
		return fallback;
	}
	if (resolved.origin !== OWN_ORIGIN) return fallback;
	return resolved.pathname + resolved.search + resolved.hash;
}
