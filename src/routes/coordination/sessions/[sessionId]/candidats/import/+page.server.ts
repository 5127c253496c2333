import { fail, redirect } from '@sveltejs/kit';
import { formatInTimeZone } from '$lib/domain/time/format';
import { UserFacingError } from '$lib/server/errors';
import { MAX_IMPORT_MB } from '$lib/server/people/candidate-import-reader';
import { ImportRejected, importCandidates, previewCandidateImport, type ImportPreview } from '$lib/server/people/candidate-import-service';
import { confirmedFile, postedFile, previewSummary } from '$lib/server/people/import-upload';
import { dispatchOutbox } from '$lib/server/notifications/mailer';
import { coordinatorSession } from '../access.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { session } = await coordinatorSession(event);
	return { session, maxMb: MAX_IMPORT_MB };
};

/** What the preview page shows: the problems, and each row as it will be written. */
function presentPreview({ format, review }: ImportPreview, file: { name: string; data: string }) {
	return {
		...previewSummary(format, review, file),
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
		const file = await postedFile(event.request);
		if (!file.ok) return fail(400, { message: file.message });
		try {
			return { preview: presentPreview(await previewCandidateImport(db, session.id, file.bytes), file) };
		} catch (caught) {
			if (caught instanceof UserFacingError) return fail(caught.status, { message: caught.message });
			throw caught;
		}
	},
	confirm: async (event) => {
		const { actor, session, db } = await coordinatorSession(event);
		const file = await confirmedFile(event.request);
		if (!file.ok) return fail(400, { message: file.message });
		let imported: number;
		try {
			imported = (await importCandidates(db, actor.id, session.id, file.bytes, file.name, event.url.origin)).imported;
		} catch (caught) {
			if (caught instanceof ImportRejected) return fail(400, { message: caught.message, preview: presentPreview(caught.preview, file) });
			if (caught instanceof UserFacingError) return fail(caught.status, { message: caught.message });
			throw caught;
		}
		await dispatchOutbox(db);
		redirect(303, `/coordination/sessions/${session.id}/candidats?importe=${imported}`);
	}
};
