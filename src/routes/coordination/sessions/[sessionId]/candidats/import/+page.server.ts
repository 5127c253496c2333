import { fail, redirect } from '@sveltejs/kit';
import { formatInTimeZone } from '$lib/domain/time/format';
import { SESSION_MANAGER, guard, guardActionsKeeping } from '$lib/server/access';
import { MAX_IMPORT_MB } from '$lib/server/people/candidate-import-reader';
import { ImportRejected, importCandidates, previewCandidateImport, type ImportPreview } from '$lib/server/people/candidate-import-service';
import { requireSession } from '$lib/server/people/candidate-service';
import { confirmedFile, postedFile, previewSummary } from '$lib/server/people/import-upload';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = guard(SESSION_MANAGER, async (_event, { db, checked: session }) => ({
	session,
	maxMb: MAX_IMPORT_MB,
	// The épreuve's spoken time, against which a file's extra minutes become a percentage.
	examMinutes: (await requireSession(db, session.id)).examMinutes
}));

const local = (instant: Date, zone: string) => formatInTimeZone(instant, zone, 'dd/MM/yyyy HH:mm');

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
			otherArrangements: draft.otherArrangements,
			unavailability: draft.unavailability.map(
				(range) => `${local(range.startsAt, draft.timezone)} → ${local(range.endsAt, draft.timezone)}`
			)
		}))
	};
}

export const actions: Actions = guardActionsKeeping<{ preview: ReturnType<typeof presentPreview> }>()(SESSION_MANAGER, {
	preview: async (event, { db, checked: session }) => {
		const file = await postedFile(event.request);
		if (!file.ok) return fail(400, { message: file.message });
		return { preview: presentPreview(await previewCandidateImport(db, session.id, file.bytes), file) };
	},
	confirm: async (event, { user, db, checked: session, keep }) => {
		const file = await confirmedFile(event.request);
		if (!file.ok) return fail(400, { message: file.message });
		keep((refusal) => (refusal instanceof ImportRejected ? { preview: presentPreview(refusal.preview, file) } : {}));
		const { jobId } = await importCandidates(db, user.id, session.id, file.bytes, file.name, event.url.origin);
		// The file is valid: its job writes it, the page that follows it shows how far.
		redirect(303, `/coordination/sessions/${session.id}/travaux/${jobId}`);
	}
});
