import { fr } from '$lib/i18n/fr';
import {
	reviewCandidateSheet,
	sheetEmails,
	type CandidateDraft,
	type ExistingAccount,
	type ImportReview
} from '$lib/domain/people/candidate-import';
import type { Sheet } from '$lib/domain/import/sheet';
import type { Database } from '../db/connect';
import type { Executor } from '../db/transaction';
import { insertJob, type JobRow } from '../jobs/job-repository';
import { writeEachAlone, type JobHandler } from '../jobs/job-runner';
import { appendAudit } from '../audit/audit-repository';
import { UserFacingError } from '../errors';
import { findAccountsByEmail, listSessionTeams } from './candidate-repository';
import { MAX_CANDIDATE_ROWS, readImportFile, type FileFormat } from './candidate-import-reader';
import { registerCandidate, requireSession } from './candidate-service';
import { completeCivilStatus, todayIn } from '../accrochage/civil-status-service';

export interface ImportPreview {
	format: FileFormat;
	review: ImportReview;
}

/** The file, checked against the session as it is now. */
async function review(db: Executor, session: { id: string; timezone: string; examMinutes: number }, sheet: Sheet): Promise<ImportReview> {
	const emails = sheetEmails(sheet);
	const accounts = new Map<string, ExistingAccount>(
		(await findAccountsByEmail(db, session.id, emails)).map((account) => [
			account.email,
			{ userId: account.id, role: account.role, registeredInSession: Boolean(account.registeredInSession) }
		])
	);
	const registrations = (await listSessionTeams(db, session.id)).map((member) => ({
		email: member.email,
		team: member.team,
		projectTitle: member.projectTitle
	}));
	return reviewCandidateSheet(sheet, {
		sessionTimezone: session.timezone,
		examMinutes: session.examMinutes,
		accounts,
		registrations,
		today: todayIn(new Date())
	});
}

/** Reads and checks a file without writing anything. */
export async function previewCandidateImport(db: Database, sessionId: string, bytes: Uint8Array): Promise<ImportPreview> {
	const session = await requireSession(db, sessionId);
	const { sheet, format } = await readImportFile(bytes, MAX_CANDIDATE_ROWS);
	return { format, review: await review(db, session, sheet) };
}

/** The file still has errors when it is confirmed (it changed, or the session did): nothing was written. */
export class ImportRejected extends UserFacingError {
	constructor(readonly preview: ImportPreview) {
		super('people.import-still-invalid', 400, fr.people.importFile.stillInvalid, 'file');
	}
}

export const CANDIDATE_IMPORT_JOB = 'candidate.import';

interface ImportJobPayload {
	fileName: string;
	format: FileFormat;
	origin: string;
	/** As checked; JSON keeps the unavailability's dates as text. */
	drafts: CandidateDraft[];
}

/**
 * Re-reads and re-checks the whole file: with any error nothing is written (ImportRejected).
 * Otherwise queues the job that writes the candidates, 100 a transaction: accounts and
 * invitations, profiles, registrations, unavailability, one audit row per candidate, and one for
 * the import with the last batch. The invitations go through the outbox after each batch commits.
 */
export async function importCandidates(
	db: Database,
	actorId: string,
	sessionId: string,
	bytes: Uint8Array,
	fileName: string,
	origin: string
): Promise<{ jobId: string; imported: number }> {
	const session = await requireSession(db, sessionId);
	const { sheet, format } = await readImportFile(bytes, MAX_CANDIDATE_ROWS);
	const checked = await review(db, session, sheet);
	if (checked.errorCount > 0) throw new ImportRejected({ format, review: checked });
	const jobId = await insertJob(db, {
		kind: CANDIDATE_IMPORT_JOB,
		sessionId,
		actorId,
		payload: { fileName, format, origin, drafts: checked.drafts } satisfies ImportJobPayload,
		total: checked.drafts.length
	});
	return { jobId, imported: checked.drafts.length };
}

const importPayload = (job: JobRow) => job.payload as unknown as ImportJobPayload;

/** The candidate import's job: each line registered in its own savepoint, a line refused meanwhile kept as a failure. */
export const candidateImportJob: JobHandler = {
	batchSize: 100,
	async write(trx, job, range) {
		const { drafts, origin } = importPayload(job);
		const actorId = job.actor_id!;
		let created = 0;
		const failures = await writeEachAlone(
			trx,
			drafts.slice(range.from, range.to),
			(draft) => fr.people.importFile.failedLine(draft.line, draft.email),
			async (draft) => {
				const result = await registerCandidate(
					trx,
					actorId,
					job.session_id,
					{
						email: draft.email,
						displayName: draft.displayName,
						profile: {
							cohort: draft.cohort,
							company: draft.company,
							timezone: draft.timezone,
							extraTimePercent: draft.extraTimePercent,
							otherArrangements: draft.otherArrangements
						},
						registration: { projectTitle: draft.projectTitle, projectAbstract: draft.projectAbstract, tags: draft.tags, team: draft.team },
						unavailability: draft.unavailability.map((range) => ({
							...range,
							startsAt: new Date(range.startsAt),
							endsAt: new Date(range.endsAt)
						}))
					},
					origin,
					job.id
				);
				await completeCivilStatus(trx, result.userId, actorId, draft.civilStatus, draft.firstName);
				if (result.created) created++;
			}
		);
		return { failures, counts: { created } };
	},
	async finish(trx, job, { failures, counts }) {
		const { drafts, fileName, format } = importPayload(job);
		const failed = new Set(failures.map((failure) => failure.item));
		const written = drafts.filter((draft) => !failed.has(fr.people.importFile.failedLine(draft.line, draft.email)));
		const created = counts.created ?? 0;
		await appendAudit(trx, {
			actorId: job.actor_id,
			action: 'candidate.import',
			entity: 'exam_session',
			entityId: job.session_id,
			after: {
				fileName,
				format,
				candidates: written.length,
				accountsCreated: created,
				emails: written.map((draft) => draft.email),
				failed: failures.length
			}
		});
		return { imported: written.length, created, reused: written.length - created };
	}
};
