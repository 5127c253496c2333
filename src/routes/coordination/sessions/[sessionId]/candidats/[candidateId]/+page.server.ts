import { error, redirect } from '@sveltejs/kit';
import { formatInTimeZone } from '$lib/domain/time/format';
import { fr } from '$lib/i18n/fr';
import { SESSION_MANAGER, guard, guardActions } from '$lib/server/access';
import { findSessionCandidate, hasDefenseInSession, listSessionTeams, listUnavailability } from '$lib/server/people/candidate-repository';
import {
	addCandidateUnavailability,
	removeCandidate,
	removeCandidateUnavailability,
	updateCandidate
} from '$lib/server/people/candidate-service';
import { civilStatusView, updateCandidateCivilStatus } from '$lib/server/accrochage/civil-status-service';
import { declarationSettings } from '$lib/server/certifier/certifier-service';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const START_FORMAT = 'EEEE d MMMM yyyy HH:mm';
// A range of about a day or more names the day it ends; a shorter one only the hour.
const endFormat = (range: { startsAt: Date; endsAt: Date }) =>
	range.endsAt.getTime() - range.startsAt.getTime() >= 86_400_000 - 3_600_000 ? 'EEEE d MMMM HH:mm' : 'HH:mm';

export const load: PageServerLoad = guard(SESSION_MANAGER, async (event, { db, checked: session }) => {
	const candidate = await findSessionCandidate(db, session.id, event.params.candidateId);
	if (!candidate) error(404, fr.people.candidateNotFound);
	const timezone = candidate.timezone ?? session.timezone;
	const ranges = await listUnavailability(db, candidate.id);
	const at = (instant: Date, pattern: string) => formatInTimeZone(instant, timezone, pattern);
	const teams = [...new Set((await listSessionTeams(db, session.id)).map((member) => member.team!))].sort();
	const { defaultAccessMode } = await declarationSettings(db);
	return {
		civilStatus: { ...(await civilStatusView(db, candidate.id, defaultAccessMode)), defaultAccessMode },
		session,
		teams,
		added: event.url.searchParams.has('ajoute'),
		placed: await hasDefenseInSession(db, session.id, candidate.id),
		candidate: {
			id: candidate.id,
			fullName: candidate.displayName,
			number: candidate.number,
			email: candidate.email,
			cohort: candidate.cohort ?? '',
			company: candidate.company ?? '',
			projectTitle: candidate.projectTitle,
			projectAbstract: candidate.projectAbstract ?? '',
			tags: (Array.isArray(candidate.tags) ? candidate.tags.map(String) : []).join(', '),
			team: candidate.team ?? '',
			timezone,
			extraTimePercent: String(candidate.extraTimePercent ?? 0),
			otherArrangements: candidate.otherArrangements ?? ''
		},
		unavailability: ranges.map((range) => ({
			id: range.id,
			label: range.label,
			local: `${at(range.startsAt, START_FORMAT)} → ${at(range.endsAt, endFormat(range))} (${timezone})`
		}))
	};
});

export const actions: Actions = guardActions(SESSION_MANAGER, {
	save: async (event: RequestEvent, { user, db, checked: session, form, keep }) => {
		const { values } = await form();
		keep({ formId: 'candidate', values });
		await updateCandidate(db, user.id, session.id, event.params.candidateId, values);
		return { formId: 'candidate', saved: 'Fiche enregistrée.' };
	},
	civilStatus: async (event: RequestEvent, { user, db, checked: session, form, keep }) => {
		const { values } = await form();
		keep({ formId: 'civilStatus', values });
		await updateCandidateCivilStatus(db, user.id, session.id, event.params.candidateId, values);
		return { formId: 'civilStatus', saved: fr.accrochage.civilStatus.saved };
	},
	addUnavailability: async (event: RequestEvent, { user, db, checked: session, form, keep }) => {
		const { values } = await form();
		keep({ formId: 'unavailability', values });
		await addCandidateUnavailability(db, user.id, session.id, event.params.candidateId, values);
		return { formId: 'unavailability', saved: 'Indisponibilité ajoutée.' };
	},
	removeUnavailability: async (event: RequestEvent, { user, db, checked: session, form, keep }) => {
		const { values } = await form();
		keep({ formId: 'unavailability', values });
		await removeCandidateUnavailability(db, user.id, session.id, event.params.candidateId, values.unavailabilityId ?? '');
		return { formId: 'unavailability', saved: 'Indisponibilité retirée.' };
	},
	remove: async (event: RequestEvent, { user, db, checked: session, keep }) => {
		keep({ formId: 'remove', values: {} });
		await removeCandidate(db, user.id, session.id, event.params.candidateId);
		redirect(303, `/coordination/sessions/${session.id}/candidats`);
	}
});
