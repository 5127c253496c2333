import { error, redirect } from '@sveltejs/kit';
import { HALF_DAYS } from '$lib/domain/sessions/session-rules';
import { fr } from '$lib/i18n/fr';
import { SESSION_MANAGER, guard, guardActions, type GuardContext } from '$lib/server/access';
import {
	addJurorUnavailability,
	declareConflict,
	jurorDetail,
	removeConflict,
	removeJurorFromSession,
	removeJurorUnavailability,
	updateJurorProfile
} from '$lib/server/people/juror-service';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = guard(SESSION_MANAGER, async (event, { db, checked }) => {
	const detail = await jurorDetail(db, checked.id, event.params.jurorId);
	if (!detail) error(404, fr.people.juror.notFound);
	return { ...detail, halfDays: HALF_DAYS };
});

/** Each form of the juror's page: what was typed is kept with a refusal, what was saved is said. */
async function posted(event: RequestEvent, { user, db, checked, form, keep }: GuardContext<typeof SESSION_MANAGER>, formId: string) {
	const { values } = await form();
	keep({ formId, values });
	return {
		actorId: user.id,
		values,
		db,
		sessionId: checked.id,
		jurorId: event.params.jurorId,
		saved: (saved: string) => ({ formId, saved })
	};
}

export const actions: Actions = guardActions(SESSION_MANAGER, {
	profile: async (event: RequestEvent, ctx) => {
		const { actorId, values, db, sessionId, jurorId, saved } = await posted(event, ctx, 'profile');
		await updateJurorProfile(db, actorId, sessionId, jurorId, values);
		return saved('Profil enregistré.');
	},
	halfDay: async (event: RequestEvent, ctx) => {
		const { actorId, values, db, sessionId, jurorId, saved } = await posted(event, ctx, 'half-day');
		await addJurorUnavailability(db, actorId, sessionId, jurorId, { kind: 'halfDay', halfDay: values.halfDay });
		return saved('Demi-journée d’indisponibilité ajoutée.');
	},
	range: async (event: RequestEvent, ctx) => {
		const { actorId, values, db, sessionId, jurorId, saved } = await posted(event, ctx, 'range');
		await addJurorUnavailability(db, actorId, sessionId, jurorId, { kind: 'range', ...values });
		return saved('Indisponibilité ajoutée.');
	},
	removeUnavailability: async (event: RequestEvent, ctx) => {
		const { actorId, values, db, sessionId, jurorId, saved } = await posted(event, ctx, 'unavailability');
		await removeJurorUnavailability(db, actorId, sessionId, jurorId, values.unavailabilityId ?? '');
		return saved('Indisponibilité retirée.');
	},
	conflict: async (event: RequestEvent, ctx) => {
		const { actorId, values, db, sessionId, jurorId, saved } = await posted(event, ctx, 'conflict');
		await declareConflict(db, actorId, sessionId, jurorId, values);
		return saved('Conflit d’intérêts déclaré.');
	},
	removeConflict: async (event: RequestEvent, ctx) => {
		const { actorId, values, db, sessionId, jurorId, saved } = await posted(event, ctx, 'conflicts');
		await removeConflict(db, actorId, sessionId, jurorId, values.candidateId ?? '');
		return saved('Conflit d’intérêts retiré.');
	},
	remove: async (event: RequestEvent, ctx) => {
		const { actorId, db, sessionId, jurorId } = await posted(event, ctx, 'remove');
		await removeJurorFromSession(db, actorId, sessionId, jurorId);
		redirect(303, `/coordination/sessions/${sessionId}/jures`);
	}
});
