import { error, fail } from '@sveltejs/kit';
import { formatWithZone } from '$lib/domain/time/format';
import { requireRole } from '$lib/server/auth/guards';
import { openCorrection, recordView, signRecord } from '$lib/server/deliberation/deliberation-service';
import { UserFacingError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'juror');
	try {
		const view = await recordView(event.locals.db, user.id, event.params.juryId);
		const at = (instant: Date) => formatWithZone(instant, view.timezone);
		return {
			view: {
				...view,
				defenses: view.defenses.map((defense) => ({ ...defense, start: at(defense.start) })),
				open: view.open && { ...view.open, signatures: view.open.signatures.map((signature) => ({ ...signature, signedAt: at(signature.signedAt) })) },
				versions: view.versions.map((version) => ({ ...version, lockedAt: version.lockedAt ? at(version.lockedAt) : null }))
			}
		};
	} catch (caught) {
		if (caught instanceof UserFacingError) error(caught.status, caught.message);
		throw caught;
	}
};

function refusal(caught: unknown, formId: string) {
	if (!(caught instanceof UserFacingError)) throw caught;
	if (caught.status === 404) error(404, caught.message);
	return fail(caught.status, { formId, message: caught.message });
}

export const actions: Actions = {
	sign: async (event) => {
		const user = requireRole(event, 'juror');
		const form = await event.request.formData();
		try {
			const outcome = await signRecord(event.locals.db, user.id, event.params.juryId, String(form.get('password') ?? ''));
			return { formId: 'sign', signed: true, locked: outcome.locked };
		} catch (caught) {
			return refusal(caught, 'sign');
		}
	},
	correct: async (event) => {
		const user = requireRole(event, 'juror');
		const form = await event.request.formData();
		try {
			const version = await openCorrection(event.locals.db, user.id, event.params.juryId, String(form.get('reason') ?? ''));
			return { formId: 'correct', version };
		} catch (caught) {
			return refusal(caught, 'correct');
		}
	}
};
