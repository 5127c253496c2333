import { error, fail, redirect } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { requireRole } from '$lib/server/auth/guards';
import { UserFacingError } from '$lib/server/errors';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB, type FileFormat } from '$lib/server/people/candidate-import-reader';
import { ResultsImportRejected, importResults, previewResultsImport } from '$lib/server/results/results-service';
import type { ResultsReview } from '$lib/domain/certification/results-import';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'coordinator');
	return { maxMb: MAX_IMPORT_MB };
};

const ENCODINGS: Record<string, string> = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' };
const DELIMITERS: Record<string, string> = { ';': 'point-virgule', ',': 'virgule', '\t': 'tabulation' };

function presentPreview(preview: { format: FileFormat; review: ResultsReview }, fileName: string, fileData: string) {
	const { format, review } = preview;
	return {
		fileName,
		fileData,
		format: format.kind === 'xlsx' ? `classeur XLSX, feuille « ${format.worksheet} »` : `CSV ${ENCODINGS[format.encoding]}, séparateur ${DELIMITERS[format.delimiter]}`,
		problems: review.problems,
		errorCount: review.errorCount,
		warningCount: review.warningCount,
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
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || (file.size === 0 && file.name === '')) return fail(400, { message: fr.candidates.importFile.missing });
		if (file.size > MAX_IMPORT_BYTES) return fail(400, { message: fr.candidates.importFile.tooLarge(MAX_IMPORT_MB) });
		const bytes = new Uint8Array(await file.arrayBuffer());
		try {
			return { preview: presentPreview(await previewResultsImport(event.locals.db, event.params.sessionId, bytes), file.name, Buffer.from(bytes).toString('base64')) };
		} catch (caught) {
			return refusal(caught);
		}
	},
	confirm: async (event) => {
		const user = requireRole(event, 'coordinator');
		const form = await event.request.formData();
		const fileName = String(form.get('fileName') ?? '').slice(0, 255);
		const fileData = String(form.get('fileData') ?? '');
		// The hidden field only carries the file back: it is read and checked again from scratch.
		const bytes = new Uint8Array(Buffer.from(fileData, 'base64'));
		if (bytes.length === 0) return fail(400, { message: fr.candidates.importFile.changed });
		let imported: number;
		try {
			imported = await importResults(event.locals.db, user.id, event.params.sessionId, bytes, fileName);
		} catch (caught) {
			if (caught instanceof ResultsImportRejected) return fail(400, { message: caught.message, preview: presentPreview(caught.preview, fileName, fileData) });
			return refusal(caught);
		}
		redirect(303, `/coordination/sessions/${event.params.sessionId}/resultats/import?importe=${imported}`);
	}
};
