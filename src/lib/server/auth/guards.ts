import type { Role } from './auth-repository';

// Who may open what is decided in src/lib/server/access; these are the addresses around it.
export const ROLE_HOME: Record<Role, string> = { coordinator: '/coordination', juror: '/jury', candidate: '/candidat' };

/** Only same-site paths, never "//host" or "/\host", may be a redirect target after login. */
export function safeRedirectTarget(target: string | null, fallback: string): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback;
	return target;
}
