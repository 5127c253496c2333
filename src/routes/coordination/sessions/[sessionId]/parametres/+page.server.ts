import { error } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { SESSION_MANAGER, guard, guardActions, type PostedForm } from '$lib/server/access';
import { sessionFormOptions } from '$lib/server/sessions/session-options';
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
} from '$lib/server/sessions/session-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = guard(SESSION_MANAGER, async (_event, { db, checked }) => {
	const overview = await sessionOverview(db, checked.id);
	if (!overview) error(404, fr.sessions.notFound);
	return { ...overview, ...sessionFormOptions() };
});

/** A day's breaks as posted; a break row whose "remove" box is ticked is dropped. */
function dayInput(form: PostedForm) {
	const removed = new Set(form.list('removeBreak'));
	const keep = (_: string, index: number) => !removed.has(String(index));
	const { values } = form;
	return {
		date: values.date,
		opensAt: values.opensAt,
		closesAt: values.closesAt,
		breakStarts: form.list('breakStart').filter(keep),
		breakEnds: form.list('breakEnd').filter(keep)
	};
}

const room = (values: Record<string, string>) => ({ name: values.name, remote: values.remote === 'on', videoUrl: values.videoUrl });

export const actions: Actions = guardActions(SESSION_MANAGER, {
	settings: async (_event, { user, db, checked, form, keep }) => {
		const { values } = await form();
		keep({ formId: 'settings', values });
		await updateSessionSettings(db, user.id, checked.id, values);
		return { formId: 'settings', saved: 'Paramètres enregistrés.' };
	},
	addDay: async (_event, { user, db, checked, form, keep }) => {
		const posted = await form();
		const input = dayInput(posted);
		keep({ formId: 'day-new', values: { ...posted.values, breakStart: input.breakStarts, breakEnd: input.breakEnds } });
		await addDay(db, user.id, checked.id, input);
		return { formId: 'day-new', saved: 'Jour ajouté.' };
	},
	editDay: async (_event, { user, db, checked, form, keep }) => {
		const posted = await form();
		const input = dayInput(posted);
		const formId = `day-${posted.values.dayId}`;
		keep({ formId, values: { ...posted.values, breakStart: input.breakStarts, breakEnd: input.breakEnds } });
		await editDay(db, user.id, checked.id, posted.values.dayId ?? '', input);
		return { formId, saved: 'Jour enregistré.' };
	},
	removeDay: async (_event, { user, db, checked, form, keep }) => {
		const { values } = await form();
		keep({ formId: `day-${values.dayId}`, values });
		await removeDay(db, user.id, checked.id, values.dayId ?? '');
		return { formId: `day-${values.dayId}`, saved: 'Jour retiré.' };
	},
	addRoom: async (_event, { user, db, checked, form, keep }) => {
		const { values } = await form();
		keep({ formId: 'room-new', values });
		await addRoom(db, user.id, checked.id, room(values));
		return { formId: 'room-new', saved: 'Salle ajoutée.' };
	},
	editRoom: async (_event, { user, db, checked, form, keep }) => {
		const { values } = await form();
		keep({ formId: `room-${values.roomId}`, values });
		await editRoom(db, user.id, checked.id, values.roomId ?? '', room(values));
		return { formId: `room-${values.roomId}`, saved: 'Salle enregistrée.' };
	},
	removeRoom: async (_event, { user, db, checked, form, keep }) => {
		const { values } = await form();
		keep({ formId: `room-${values.roomId}`, values });
		await removeRoom(db, user.id, checked.id, values.roomId ?? '');
		return { formId: `room-${values.roomId}`, saved: 'Salle retirée.' };
	},
	addRoomUnavailable: async (_event, { user, db, checked, form, keep }) => {
		const { values } = await form();
		keep({ formId: `room-off-${values.roomId}`, values });
		await addRoomUnavailability(db, user.id, checked.id, values.roomId ?? '', values);
		return { formId: `room-off-${values.roomId}`, saved: 'Indisponibilité ajoutée.' };
	},
	removeRoomUnavailable: async (_event, { user, db, checked, form, keep }) => {
		const { values } = await form();
		keep({ formId: `room-off-${values.roomId}`, values });
		await removeRoomUnavailability(db, user.id, checked.id, values.roomId ?? '', { start: values.start ?? '', end: values.end ?? '' });
		return { formId: `room-off-${values.roomId}`, saved: 'Indisponibilité retirée.' };
	}
});
