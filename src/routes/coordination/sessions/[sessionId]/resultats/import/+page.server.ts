import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { UserFacingError } from '$lib/server/errors';
import { MAX_IMPORT_MB, type FileFormat } from '$lib/server/people/candidate-import-reader';
import { confirmedFile, postedFile, previewSummary } from '$lib/server/people/import-upload';
import { ResultsImportRejected, importResults, previewResultsImport } from '$lib/server/results/results-service';
import type { ResultsReview } from '$lib/domain/certification/results-import';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'coordinator');
	return { maxMb: MAX_IMPORT_MB };
};

function presentPreview({ format, review }: { format: FileFormat; review: ResultsReview }, file: { name: string; data: string }) {
	return {
		...previewSummary(format, review, file),
		rows: review.drafts.map((draft) => ({ ...draft, obtainedOn: draft.obtainedOn ? draft.obtainedOn.split('-').reverse().join('/') : null }))
	};
}

function refusal(caught: unknown) {
	if (!(caught instanceof UserFacingError)) throw caught;
	if (caught.status === 404) error(404, caught.message);
	return fail(caught.status, { message: caught.message });
}

export const actions: Actions = {
	preview: async (event) => {
		requireRole(event, 'coordinator');
		const file = await postedFile(event.request);
		if (!file.ok) return fail(400, { message: file.message });
		try {
			return { preview: presentPreview(await previewResultsImport(event.locals.db, event.params.sessionId, file.bytes), file) };
		} catch (caught) {
			return refusal(caught);
		}
	},
	confirm: async (event) => {
		const user = requireRole(event, 'coordinator');
		const file = await confirmedFile(event.request);
		if (!file.ok) return fail(400, { message: file.message });
		let imported: number;
		try {
			imported = await importResults(event.locals.db, user.id, event.params.sessionId, file.bytes, file.name);
		} catch (caught) {
			if (caught instanceof ResultsImportRejected) return fail(400, { message: caught.message, preview: presentPreview(caught.preview, file) });
			return refusal(caught);
		}
		redirect(303, `/coordination/sessions/${event.params.sessionId}/resultats/import?importe=${imported}`);
	}
};
