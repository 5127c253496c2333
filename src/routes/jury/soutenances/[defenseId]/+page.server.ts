import { error, fail } from '@sveltejs/kit';
import { formatInTimeZone, zoneLabel } from '$lib/domain/time/format';
import { requireRole } from '$lib/server/auth/guards';
import { UserFacingError } from '$lib/server/errors';
import { defenseTimerView } from '$lib/server/live/timer-service';
import { readGridForm } from '$lib/server/scoring/grid-form';
import { defensePage, reopenGrids, saveGridForm, submitGrids } from '$lib/server/scoring/scoring-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'juror');
	try {
		const page = await defensePage(event.locals.db, user.id, event.params.defenseId);
		const { defense } = page;
		return {
			jurorId: user.id,
			defense: {
				id: defense.id,
				status: defense.status,
				sessionName: defense.sessionName,
				juryLabel: defense.juryLabel,
				day: formatInTimeZone(defense.start, defense.timezone, 'EEEE d MMMM yyyy'),
				time: `${formatInTimeZone(defense.start, defense.timezone, 'HH:mm')}–${formatInTimeZone(defense.end, defense.timezone, 'HH:mm')}`,
				zone: zoneLabel(defense.start, defense.timezone)
			},
			candidates: page.candidates,
			model: page.model,
			own: page.own,
			isPresident: page.isPresident,
			members: page.members,
			others: page.others,
			reopenings: page.reopenings.map((entry) => ({ ...entry, at: `${formatInTimeZone(entry.at, defense.timezone, 'd MMMM HH:mm')}` })),
			timer: await defenseTimerView(event.locals.db, user, event.params.defenseId)
		};
	} catch (caught) {
		if (caught instanceof UserFacingError) error(caught.status, caught.message);
		throw caught;
	}
};

async function attempt<T>(work: () => Promise<T>) {
	try {
		return await work();
	} catch (caught) {
		if (caught instanceof UserFacingError) return fail(caught.status, { message: caught.message, field: caught.field ?? null });
		throw caught;
	}
}

export const actions: Actions = {
	save: async (event) => {
		const user = requireRole(event, 'juror');
		const form = readGridForm(await event.request.formData());
		return attempt(async () => {
			const outcome = await saveGridForm(event.locals.db, user.id, event.params.defenseId, form);
			return { saved: true, rejected: outcome.rejected.length };
		});
	},
	submit: async (event) => {
		const user = requireRole(event, 'juror');
		const form = readGridForm(await event.request.formData());
		return attempt(async () => {
			await submitGrids(event.locals.db, user.id, event.params.defenseId, form);
			return { submitted: true };
		});
	},
	reopen: async (event) => {
		const user = requireRole(event, 'juror');
		const form = await event.request.formData();
		return attempt(async () => {
			await reopenGrids(event.locals.db, user.id, event.params.defenseId, String(form.get('juror') ?? ''), String(form.get('reason') ?? ''));
			return { reopened: true };
		});
	}
};
