import { fr } from '$lib/i18n/fr';
import { reviewCandidateSheet, sheetEmails, type ExistingAccount, type ImportReview } from '$lib/domain/people/candidate-import';
import type { Sheet } from '$lib/domain/import/sheet';
import type { Database } from '../db/connect';
import { inTransaction, type Executor } from '../db/transaction';
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

/**
 * Re-reads and re-checks the file, then writes every candidate in one transaction: accounts and
 * invitations, profiles, registrations, unavailability, one audit row per candidate and one for
 * the import. Any error writes nothing. The caller dispatches the invitations after commit.
 */
export async function importCandidates(
	db: Database,
	actorId: string,
	sessionId: string,
	bytes: Uint8Array,
	fileName: string,
	origin: string
) {
	const session = await requireSession(db, sessionId);
	const { sheet, format } = await readImportFile(bytes, MAX_CANDIDATE_ROWS);
	return inTransaction(
		db,
		async (trx) => {
			const checked = await review(trx, session, sheet);
			if (checked.errorCount > 0) throw new ImportRejected({ format, review: checked });
			let created = 0;
			for (const draft of checked.drafts) {
				const result = await registerCandidate(
					trx,
					actorId,
					sessionId,
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
						unavailability: draft.unavailability
					},
					origin
				);
				if (result.created) created++;
				await completeCivilStatus(trx, result.userId, actorId, draft.civilStatus, draft.firstName);
			}
			await appendAudit(trx, {
				actorId,
				action: 'candidate.import',
				entity: 'exam_session',
				entityId: sessionId,
				after: {
					fileName,
					format,
					candidates: checked.drafts.length,
					accountsCreated: created,
					emails: checked.drafts.map((draft) => draft.email)
				}
			});
			return { imported: checked.drafts.length, created, reused: checked.drafts.length - created };
		},
		{ uniqueRace: true }
	);
}
