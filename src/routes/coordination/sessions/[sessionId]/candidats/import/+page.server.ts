import { fail, redirect } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { formatInTimeZone } from '$lib/domain/time/format';
import { UserFacingError } from '$lib/server/errors';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB } from '$lib/server/people/candidate-import-reader';
import { ImportRejected, importCandidates, previewCandidateImport, type ImportPreview } from '$lib/server/people/candidate-import-service';
import { dispatchOutbox } from '$lib/server/notifications/mailer';
import { coordinatorSession } from '../access.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { session } = await coordinatorSession(event);
	return { session, maxMb: MAX_IMPORT_MB };
};

const FORMAT_LABELS: Record<string, string> = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' };
const DELIMITER_LABELS: Record<string, string> = { ';': 'point-virgule', ',': 'virgule', '\t': 'tabulation' };

/** What the preview page shows: the problems, and each row as it will be written. */
function presentPreview({ format, review }: ImportPreview, fileName: string, fileData: string) {
	return {
		fileName,
		fileData,
		format: format.kind === 'xlsx' ? `classeur XLSX, feuille « ${format.worksheet} »` : `CSV ${FORMAT_LABELS[format.encoding]}, séparateur ${DELIMITER_LABELS[format.delimiter]}`,
		problems: review.problems,
		errorCount: review.errorCount,
		warningCount: review.warningCount,
		rows: review.drafts.map((draft) => ({
			line: draft.line,
			displayName: draft.displayName,
			email: draft.email,
			existing: draft.existingUserId !== null,
			cohort: draft.cohort,
			company: draft.company,
			projectTitle: draft.projectTitle,
			tags: draft.tags,
			team: draft.team,
			timezone: draft.timezone,
			extraTimePercent: draft.extraTimePercent,
			unavailability: draft.unavailability.map(
				(range) => `${formatInTimeZone(range.startsAt, draft.timezone, 'dd/MM/yyyy HH:mm')} → ${formatInTimeZone(range.endsAt, draft.timezone, 'dd/MM/yyyy HH:mm')}`
			)
		}))
	};
}

export const actions: Actions = {
	preview: async (event) => {
		const { session, db } = await coordinatorSession(event);
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || (file.size === 0 && file.name === '')) return fail(400, { message: fr.candidates.importFile.missing });
		if (file.size > MAX_IMPORT_BYTES) return fail(400, { message: fr.candidates.importFile.tooLarge(MAX_IMPORT_MB) });
		const bytes = new Uint8Array(await file.arrayBuffer());
		try {
			const preview = await previewCandidateImport(db, session.id, bytes);
			return { preview: presentPreview(preview, file.name, Buffer.from(bytes).toString('base64')) };
		} catch (caught) {
			if (caught instanceof UserFacingError) return fail(caught.status, { message: caught.message });
			throw caught;
		}
	},
	confirm: async (event) => {
		const { actor, session, db } = await coordinatorSession(event);
		const form = await event.request.formData();
		const fileName = String(form.get('fileName') ?? '').slice(0, 255);
		const fileData = String(form.get('fileData') ?? '');
		// The hidden field only carries the file back: it is read and checked again from scratch.
		const bytes = new Uint8Array(Buffer.from(fileData, 'base64'));
		if (bytes.length === 0) return fail(400, { message: fr.candidates.importFile.changed });
		let imported: number;
		try {
			imported = (await importCandidates(db, actor.id, session.id, bytes, fileName, event.url.origin)).imported;
		} catch (caught) {
			if (caught instanceof ImportRejected) return fail(400, { message: caught.message, preview: presentPreview(caught.preview, fileName, fileData) });
			if (caught instanceof UserFacingError) return fail(caught.status, { message: caught.message });
			throw caught;
		}
		await dispatchOutbox(db);
		redirect(303, `/coordination/sessions/${session.id}/candidats?importe=${imported}`);
	}
};
