import { fail, redirect } from '@sveltejs/kit';
import type { ResultsReview } from '$lib/domain/certification/results-import';
import { SESSION_MANAGER, guard, guardActionsKeeping } from '$lib/server/access';
import { ResultsImportRejected, importResults, previewResultsImport } from '$lib/server/certification/results-service';
import { MAX_IMPORT_MB, type FileFormat } from '$lib/server/people/candidate-import-reader';
import { confirmedFile, postedFile, previewSummary } from '$lib/server/people/import-upload';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = guard(SESSION_MANAGER, () => ({ maxMb: MAX_IMPORT_MB }));

function presentPreview({ format, review }: { format: FileFormat; review: ResultsReview }, file: { name: string; data: string }) {
	return {
		...previewSummary(format, review, file),
		rows: review.drafts.map((draft) => ({
			...draft,
			obtainedOn: draft.obtainedOn ? draft.obtainedOn.split('-').reverse().join('/') : null
		}))
	};
}

export const actions: Actions = guardActionsKeeping<{ preview: ReturnType<typeof presentPreview> }>()(SESSION_MANAGER, {
	preview: async (event, { db, checked }) => {
		const file = await postedFile(event.request);
		if (!file.ok) return fail(400, { message: file.message });
		return { preview: presentPreview(await previewResultsImport(db, checked.id, file.bytes), file) };
	},
	confirm: async (event, { user, db, checked, keep }) => {
		const file = await confirmedFile(event.request);
		if (!file.ok) return fail(400, { message: file.message });
		keep((refusal) => (refusal instanceof ResultsImportRejected ? { preview: presentPreview(refusal.preview, file) } : {}));
		const { jobId } = await importResults(db, user.id, checked.id, file.bytes, file.name);
		redirect(303, `/coordination/sessions/${checked.id}/travaux/${jobId}`);
	}
});
