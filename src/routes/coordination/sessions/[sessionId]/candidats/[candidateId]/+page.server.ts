import { error, redirect } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { formatInTimeZone } from '$lib/domain/time/format';
import { findSessionCandidate, hasDefenseInSession, listSessionTeams, listUnavailability } from '$lib/server/people/candidate-repository';
import { addCandidateUnavailability, removeCandidate, removeCandidateUnavailability, updateCandidate } from '$lib/server/people/candidate-service';
import { coordinatorSession, refusal, textFields } from '../access.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { session, db } = await coordinatorSession(event);
	const candidate = await findSessionCandidate(db, session.id, event.params.candidateId);
	if (!candidate) error(404, fr.candidates.candidateNotFound);
	const timezone = candidate.timezone ?? session.timezone;
	const ranges = await listUnavailability(db, candidate.id);
	const teams = [...new Set((await listSessionTeams(db, session.id)).map((member) => member.team!))].sort();
	return {
		session,
		teams,
		added: event.url.searchParams.has('ajoute'),
		placed: await hasDefenseInSession(db, session.id, candidate.id),
		candidate: {
			id: candidate.id,
			fullName: candidate.displayName,
			email: candidate.email,
			cohort: candidate.cohort ?? '',
			company: candidate.company ?? '',
			projectTitle: candidate.projectTitle,
			projectAbstract: candidate.projectAbstract ?? '',
			tags: (Array.isArray(candidate.tags) ? candidate.tags.map(String) : []).join(', '),
			team: candidate.team ?? '',
			timezone,
			extraTimePercent: String(candidate.extraTimePercent ?? 0)
		},
		unavailability: ranges.map((range) => ({
			id: range.id,
			label: range.label,
			local: `${formatInTimeZone(range.startsAt, timezone, 'EEEE d MMMM yyyy HH:mm')} → ${formatInTimeZone(range.endsAt, timezone, range.endsAt.getTime() - range.startsAt.getTime() >= 86_400_000 - 3_600_000 ? 'EEEE d MMMM HH:mm' : 'HH:mm')} (${timezone})`
		}))
	};
};

async function posted(event: RequestEvent) {
	const context = await coordinatorSession(event);
	return { ...context, values: textFields(await event.request.formData()), candidateId: event.params.candidateId };
}

export const actions: Actions = {
	save: async (event) => {
		const { actor, session, db, values, candidateId } = await posted(event);
		try {
			await updateCandidate(db, actor.id, session.id, candidateId, values);
		} catch (caught) {
			return refusal(caught, values, 'candidate');
		}
		return { formId: 'candidate', saved: 'Fiche enregistrée.' };
	},
	addUnavailability: async (event) => {
		const { actor, session, db, values, candidateId } = await posted(event);
		try {
			await addCandidateUnavailability(db, actor.id, session.id, candidateId, values);
		} catch (caught) {
			return refusal(caught, values, 'unavailability');
		}
		return { formId: 'unavailability', saved: 'Indisponibilité ajoutée.' };
	},
	removeUnavailability: async (event) => {
		const { actor, session, db, values, candidateId } = await posted(event);
		try {
			await removeCandidateUnavailability(db, actor.id, session.id, candidateId, values.unavailabilityId ?? '');
		} catch (caught) {
			return refusal(caught, values, 'unavailability');
		}
		return { formId: 'unavailability', saved: 'Indisponibilité retirée.' };
	},
	remove: async (event) => {
		const { actor, session, db, candidateId } = await posted(event);
		try {
			await removeCandidate(db, actor.id, session.id, candidateId);
		} catch (caught) {
			return refusal(caught, {}, 'remove');
		}
		redirect(303, `/coordination/sessions/${session.id}/candidats`);
	}
};
