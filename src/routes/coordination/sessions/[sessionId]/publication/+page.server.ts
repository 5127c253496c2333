import { redirect } from '@sveltejs/kit';
import { formatWithZone } from '$lib/domain/time/format';
import { SESSION_MANAGER, guard, guardActions } from '$lib/server/access';
import { UserFacingError } from '$lib/server/errors';
import { listPlanVersions } from '$lib/server/publication/publication-repository';
import { publicationPreview, publishPlan } from '$lib/server/publication/publication-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = guard(SESSION_MANAGER, async (_event, { db, checked }) => {
	const preview = await publicationPreview(db, checked.id);
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
		recipients: preview.recipients,
		versions: (await listPlanVersions(db, preview.session.id)).map((version) => ({
			...version,
			publishedAt: formatWithZone(version.publishedAt, zone)
		}))
	};
});

export const actions: Actions = guardActions(SESSION_MANAGER, {
	publish: async (_event, { user, db, checked, form }) => {
		const expectedVersion = Number((await form()).values.expectedVersion);
		if (!Number.isInteger(expectedVersion) || expectedVersion < 0)
			throw new UserFacingError('publication.form-incomplete', 400, 'Formulaire incomplet : rechargez la page.');
		const { jobId } = await publishPlan(db, user.id, checked.id, expectedVersion);
		// Published: the job building and queueing the messages is followed on its own page.
		redirect(303, `/coordination/sessions/${checked.id}/travaux/${jobId}`);
	}
});
