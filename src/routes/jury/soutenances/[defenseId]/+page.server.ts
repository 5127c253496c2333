import { formatInTimeZone, zoneLabel } from '$lib/domain/time/format';
import { guard, guardActions } from '$lib/server/access';
import { defenseTimerView } from '$lib/server/live/timer-service';
import { readGridForm } from '$lib/server/scoring/grid-form';
import { defensePage, reopenGrids, saveGridForm, submitGrids } from '$lib/server/scoring/scoring-service';
import type { Actions, PageServerLoad } from './$types';

const access = { roles: ['juror'], permission: 'defense.score', param: 'defenseId' } as const;

export const load: PageServerLoad = guard(access, async (_event, { user, db, checked }) => {
	const page = await defensePage(db, user.id, checked.id);
	const { defense } = page;
	return {
		jurorId: user.id,
		juryId: checked.juryId,
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
		timer: await defenseTimerView(db, user, checked.id)
	};
});

export const actions: Actions = guardActions(access, {
	save: async (event, { user, db, checked }) => {
		const outcome = await saveGridForm(db, user.id, checked.id, readGridForm(await event.request.formData()));
		return { saved: true, rejected: outcome.rejected.length };
	},
	submit: async (event, { user, db, checked }) => {
		await submitGrids(db, user.id, checked.id, readGridForm(await event.request.formData()));
		return { submitted: true };
	},
	reopen: async (_event, { user, db, checked, form }) => {
		const { values } = await form();
		await reopenGrids(db, user.id, checked.id, values.juror ?? '', values.reason ?? '');
		return { reopened: true };
	}
});
