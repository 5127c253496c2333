import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { deliberationView, recordDecisions } from '$lib/server/deliberation/deliberation-service';
import { UserFacingError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'juror');
	try {
		return { view: await deliberationView(event.locals.db, user.id, event.params.defenseId) };
	} catch (caught) {
		if (caught instanceof UserFacingError) error(caught.status, caught.message);
		throw caught;
	}
};

export const actions: Actions = {
	decide: async (event) => {
		const user = requireRole(event, 'juror');
		const values: Record<string, string> = {};
		for (const [name, value] of await event.request.formData()) if (typeof value === 'string') values[name] = value;
		try {
			await recordDecisions(event.locals.db, user.id, event.params.defenseId, values);
			return { saved: true };
		} catch (caught) {
			if (!(caught instanceof UserFacingError)) throw caught;
			if (caught.status === 404) error(404, caught.message);
			return fail(caught.status, { message: caught.message, field: caught.field ?? null, values });
		}
	}
};
