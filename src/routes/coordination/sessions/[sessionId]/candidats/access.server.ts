import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { requireRole } from '$lib/server/auth/guards';
import { UserFacingError } from '$lib/server/errors';
import { findSession } from '$lib/server/people/candidate-repository';

type SessionEvent = RequestEvent<{ sessionId: string }>;

/** Every load and action of the candidate pages: a coordinator, and a session that exists. */
export async function coordinatorSession(event: SessionEvent) {
	const actor = requireRole(event, 'coordinator');
	const session = await findSession(event.locals.db, event.params.sessionId);
	if (!session) error(404, fr.candidates.sessionNotFound);
	return { actor, session, db: event.locals.db };
}

/** Text fields of a posted form, the first value of each name. */
export function textFields(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of form) if (typeof value === 'string' && !(name in values)) values[name] = value;
	return values;
}

/** A refusal the coordinator can act on becomes a form failure that keeps what was typed. */
export function refusal(caught: unknown, values: Record<string, string> = {}, formId?: string) {
	if (!(caught instanceof UserFacingError)) throw caught;
	if (caught.status === 404) error(404, caught.message);
	return fail(caught.status, { formId, message: caught.message, field: caught.field, values });
}
