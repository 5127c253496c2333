import { error } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { requireRole } from '$lib/server/auth/guards';
import { formList, formValues, runForm } from '$lib/server/planning/session-form';
import { sessionFormOptions } from '$lib/server/planning/session-options';
import {
	addDay,
	addRoom,
	addRoomUnavailability,
	editDay,
	editRoom,
	removeDay,
	removeRoom,
	removeRoomUnavailability,
	sessionOverview,
	updateSessionSettings
} from '$lib/server/planning/session-service';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'coordinator');
	const overview = await sessionOverview(event.locals.db, event.params.sessionId);
	if (!overview) error(404, fr.sessions.notFound);
	return { ...overview, ...sessionFormOptions() };
};

/** Checks the role, then reads the posted form. */
async function posted(event: RequestEvent) {
	const actor = requireRole(event, 'coordinator');
	const form = await event.request.formData();
	return { actor, form, values: formValues(form), sessionId: event.params.sessionId, db: event.locals.db };
}

/** A day's breaks as posted; a break row whose "remove" box is ticked is dropped. */
function dayInput(form: FormData, values: Record<string, string>) {
	const removed = new Set(formList(form, 'removeBreak'));
	const keep = (_: string, index: number) => !removed.has(String(index));
	return {
		date: values.date,
		opensAt: values.opensAt,
		closesAt: values.closesAt,
		breakStarts: formList(form, 'breakStart').filter(keep),
		breakEnds: formList(form, 'breakEnd').filter(keep)
	};
}

export const actions: Actions = {
	settings: async (event) => {
		const { actor, values, sessionId, db } = await posted(event);
		return runForm('settings', values, 'Paramètres enregistrés.', () => updateSessionSettings(db, actor.id, sessionId, values));
	},
	addDay: async (event) => {
		const { actor, form, values, sessionId, db } = await posted(event);
		const input = dayInput(form, values);
		return runForm('day-new', { ...values, breakStart: input.breakStarts, breakEnd: input.breakEnds }, 'Jour ajouté.', () => addDay(db, actor.id, sessionId, input));
	},
	editDay: async (event) => {
		const { actor, form, values, sessionId, db } = await posted(event);
		const input = dayInput(form, values);
		return runForm(`day-${values.dayId}`, { ...values, breakStart: input.breakStarts, breakEnd: input.breakEnds }, 'Jour enregistré.', () => editDay(db, actor.id, sessionId, values.dayId ?? '', input));
	},
	removeDay: async (event) => {
		const { actor, values, sessionId, db } = await posted(event);
		return runForm(`day-${values.dayId}`, values, 'Jour retiré.', () => removeDay(db, actor.id, sessionId, values.dayId ?? ''));
	},
	addRoom: async (event) => {
		const { actor, values, sessionId, db } = await posted(event);
		return runForm('room-new', values, 'Salle ajoutée.', () => addRoom(db, actor.id, sessionId, { name: values.name, remote: values.remote === 'on', videoUrl: values.videoUrl }));
	},
	editRoom: async (event) => {
		const { actor, values, sessionId, db } = await posted(event);
		return runForm(`room-${values.roomId}`, values, 'Salle enregistrée.', () =>
			editRoom(db, actor.id, sessionId, values.roomId ?? '', { name: values.name, remote: values.remote === 'on', videoUrl: values.videoUrl })
		);
	},
	removeRoom: async (event) => {
		const { actor, values, sessionId, db } = await posted(event);
		return runForm(`room-${values.roomId}`, values, 'Salle retirée.', () => removeRoom(db, actor.id, sessionId, values.roomId ?? ''));
	},
	addRoomUnavailable: async (event) => {
		const { actor, values, sessionId, db } = await posted(event);
		return runForm(`room-off-${values.roomId}`, values, 'Indisponibilité ajoutée.', () => addRoomUnavailability(db, actor.id, sessionId, values.roomId ?? '', values));
	},
	removeRoomUnavailable: async (event) => {
		const { actor, values, sessionId, db } = await posted(event);
		return runForm(`room-off-${values.roomId}`, values, 'Indisponibilité retirée.', () =>
			removeRoomUnavailability(db, actor.id, sessionId, values.roomId ?? '', { start: values.start ?? '', end: values.end ?? '' })
		);
	}
};
