import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { UserFacingError } from '$lib/server/errors';
import { listPlanVersions } from '$lib/server/publication/publication-repository';
import { publicationPreview, publishPlan } from '$lib/server/publication/publication-service';
import { formatWithZone } from '$lib/domain/time/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'coordinator');
	const { db } = event.locals;
	try {
		const preview = await publicationPreview(db, event.params.sessionId);
		const zone = preview.session.timezone;
		return {
			timezone: zone,
			latestVersion: preview.latest?.version ?? 0,
			defenses: preview.defenses,
			placedCandidates: preview.placedCandidates,
			jurors: preview.jurors,
			unplaced: preview.unplaced,
			unchanged: preview.unchanged,
			changedDefenses: preview.diff.changedDefenses,
			notifiedCandidates: preview.diff.candidates.length,
			notifiedJurors: preview.diff.jurors.length,
			versions: (await listPlanVersions(db, preview.session.id)).map((version) => ({ ...version, publishedAt: formatWithZone(version.publishedAt, zone) }))
		};
	} catch (caught) {
		if (caught instanceof UserFacingError) error(caught.status, caught.message);
		throw caught;
	}
};

export const actions: Actions = {
	publish: async (event) => {
		const actor = requireRole(event, 'coordinator');
		const form = await event.request.formData();
		const expectedVersion = Number(form.get('expectedVersion'));
		try {
			if (!Number.isInteger(expectedVersion) || expectedVersion < 0) throw new UserFacingError('Formulaire incomplet : rechargez la page.');
			return { published: await publishPlan(event.locals.db, actor.id, event.params.sessionId, expectedVersion) };
		} catch (caught) {
			if (caught instanceof UserFacingError) return fail(caught.status, { message: caught.message });
			throw caught;
		}
	}
};
