import { error, redirect } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { HALF_DAYS } from '$lib/domain/sessions/session-rules';
import { requireRole } from '$lib/server/auth/guards';
import {
	addJurorUnavailability,
	declareConflict,
	jurorDetail,
	removeConflict,
	removeJurorFromSession,
	removeJurorUnavailability,
	updateJurorProfile
} from '$lib/server/people/juror-service';
import { formValues, runForm } from '$lib/server/planning/session-form';
import { findSession } from '$lib/server/planning/session-repository';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'coordinator');
	const session = await findSession(event.locals.db, event.params.sessionId);
	const detail = session && (await jurorDetail(event.locals.db, session.id, event.params.jurorId));
	if (!detail) error(404, fr.sessions.juror.notFound);
	return { ...detail, halfDays: HALF_DAYS };
};

async function posted(event: RequestEvent) {
	const actor = requireRole(event, 'coordinator');
	const values = formValues(await event.request.formData());
	return { actorId: actor.id, values, db: event.locals.db, sessionId: event.params.sessionId, jurorId: event.params.jurorId };
}

export const actions: Actions = {
	profile: async (event) => {
		const { actorId, values, db, sessionId, jurorId } = await posted(event);
		return runForm('profile', values, 'Profil enregistré.', () => updateJurorProfile(db, actorId, sessionId, jurorId, values));
	},
	halfDay: async (event) => {
		const { actorId, values, db, sessionId, jurorId } = await posted(event);
		return runForm('half-day', values, 'Demi-journée d’indisponibilité ajoutée.', () =>
			addJurorUnavailability(db, actorId, sessionId, jurorId, { kind: 'halfDay', halfDay: values.halfDay })
		);
	},
	range: async (event) => {
		const { actorId, values, db, sessionId, jurorId } = await posted(event);
		return runForm('range', values, 'Indisponibilité ajoutée.', () => addJurorUnavailability(db, actorId, sessionId, jurorId, { kind: 'range', ...values }));
	},
	removeUnavailability: async (event) => {
		const { actorId, values, db, sessionId, jurorId } = await posted(event);
		return runForm('unavailability', values, 'Indisponibilité retirée.', () => removeJurorUnavailability(db, actorId, sessionId, jurorId, values.unavailabilityId ?? ''));
	},
	conflict: async (event) => {
		const { actorId, values, db, sessionId, jurorId } = await posted(event);
		return runForm('conflict', values, 'Conflit d’intérêts déclaré.', () => declareConflict(db, actorId, sessionId, jurorId, values));
	},
	removeConflict: async (event) => {
		const { actorId, values, db, sessionId, jurorId } = await posted(event);
		return runForm('conflicts', values, 'Conflit d’intérêts retiré.', () => removeConflict(db, actorId, sessionId, jurorId, values.candidateId ?? ''));
	},
	remove: async (event) => {
		const { actorId, values, db, sessionId, jurorId } = await posted(event);
		const outcome = await runForm('remove', values, 'Juré retiré de la session.', () => removeJurorFromSession(db, actorId, sessionId, jurorId));
		if ('saved' in outcome) redirect(303, `/coordination/sessions/${sessionId}/jures`);
		return outcome;
	}
};
