import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Transaction } from 'kysely';
import { reviewResultsSheet, parseResultDate, parseValidated, type ResultsReview } from '$lib/domain/certification/results-import';
import type { BlockStatus } from '$lib/domain/certification/rules';
import type { CandidateResultsView, RecordContent, RecordSignature } from '$lib/domain/certification/record';
import { formatInTimeZone } from '$lib/domain/time/format';
import { fr } from '$lib/i18n/fr';
import { appendAudit } from '../audit/audit-repository';
import type { Database } from '../db/connect';
import type { DB } from '../db/schema';
import { inTransaction, type Executor } from '../db/transaction';
import { currentCertifier } from '../certifier/certifier-service';
import { attestationPdf } from '../documents/attestation-pdf';
import { sessionRecordPdf, type SignedRecord } from '../documents/pv-pdf';
import { UserFacingError } from '../errors';
import { enqueueMail, type OutgoingMail } from '../notifications/outbox-repository';
import { insertJob, type JobRow } from '../jobs/job-repository';
import type { JobHandler } from '../jobs/job-runner';
import { MAX_RESULT_ROWS, readImportFile, type FileFormat } from '../people/candidate-import-reader';
import { latestLockedContents } from './deliberation-repository';
import { blockRecordsOf, currentDecisions, recordDecisionChanges, referentielOf } from './certification-service';
import {
	blockResultsOf,
	certificationHistory,
	findPublication,
	findSessionForResults,
	insertPublication,
	juriesOfSessionDefenses,
	publishedSessionsOf,
	sessionCandidates,
	upsertBlockResults,
	type CertificationRow,
	type SessionForResults
} from './results-repository';
import { isUuid } from '../../domain/ids';
import { PAGE_SIZE, paginate } from '../../domain/pagination/pagination';
import { sessionCounts } from '../sessions/session-repository';

const t = fr.certification;
async function requireSession(db: Executor, sessionId: string): Promise<SessionForResults> {
	const session = isUuid(sessionId) ? await findSessionForResults(db, sessionId) : undefined;
	if (!session) throw new UserFacingError('certification.session-not-found', 404, t.results.sessionNotFound);
	return session;
}

/** The blocks whose results come from elsewhere: every block of the title but the one the jury decides. */
function importableBlocks(session: SessionForResults, blockCodes: string[]): string[] {
	return blockCodes.filter((code) => code !== session.blockCode);
}

type ReadFile = Awaited<ReturnType<typeof readImportFile>>;

async function reviewFile(
	db: Executor,
	session: SessionForResults,
	{ sheet, format }: ReadFile
): Promise<{ format: FileFormat; review: ResultsReview }> {
	const referentiel = await referentielOf(db, session.referentielId);
	const candidates = await sessionCandidates(db, session.id);
	// Validated in another session: it stays so. This session's own lines may be corrected.
	const earlier = (
		await blockResultsOf(
			db,
			candidates.map((candidate) => candidate.id)
		)
	).filter((row) => row.sessionId !== session.id && row.validated);
	const alreadyValidated = new Set(earlier.map((row) => `${row.candidateId}|${row.blockCode}`));
	const review = reviewResultsSheet(sheet, {
		candidates: new Map(candidates.map((candidate) => [candidate.email, candidate.id])),
		blockCodes: importableBlocks(
			session,
			referentiel.blocks.map((block) => block.code)
		),
		alreadyValidated
	});
	return { format, review };
}

export async function previewResultsImport(db: Database, sessionId: string, bytes: Uint8Array) {
	const session = await requireSession(db, sessionId);
	return reviewFile(db, session, await readImportFile(bytes, MAX_RESULT_ROWS));
}

export class ResultsImportRejected extends UserFacingError {
	constructor(readonly preview: { format: FileFormat; review: ResultsReview }) {
		super('certification.import-still-invalid', 400, fr.people.importFile.stillInvalid, 'file');
	}
}

export const RESULTS_IMPORT_JOB = 'results.import';

interface ResultsImportPayload {
	fileName: string;
	format: FileFormat;
	drafts: ResultsReview['drafts'];
}

/**
 * Re-reads and re-checks the whole file: with any error nothing is written. Otherwise queues the
 * job that writes the lines, 200 a transaction; its last batch records the decisions that
 * changed and the import's audit entry.
 */
export async function importResults(
	db: Database,
	actorId: string,
	sessionId: string,
	bytes: Uint8Array,
	fileName: string
): Promise<{ jobId: string; imported: number }> {
	const session = await requireSession(db, sessionId);
	const checked = await reviewFile(db, session, await readImportFile(bytes, MAX_RESULT_ROWS));
	if (checked.review.errorCount > 0) throw new ResultsImportRejected(checked);
	const drafts = checked.review.drafts;
	const jobId = await insertJob(db, {
		kind: RESULTS_IMPORT_JOB,
		sessionId,
		actorId,
		payload: { fileName, format: checked.format, drafts } satisfies ResultsImportPayload,
		total: drafts.length
	});
	return { jobId, imported: drafts.length };
}

const resultsPayload = (job: JobRow) => job.payload as unknown as ResultsImportPayload;

export const resultsImportJob: JobHandler = {
	batchSize: 200,
	async write(trx, job, range) {
		await upsertBlockResults(
			trx,
			job.actor_id,
			resultsPayload(job)
				.drafts.slice(range.from, range.to)
				.map((draft) => ({
					sessionId: job.session_id,
					candidateId: draft.candidateId,
					blockCode: draft.blockCode,
					validated: draft.validated,
					obtainedOn: draft.obtainedOn,
					origin: draft.origin,
					source: 'import' as const
				}))
		);
		return {};
	},
	async finish(trx, job) {
		const { drafts, fileName, format } = resultsPayload(job);
		const session = await requireSession(trx, job.session_id);
		await appendAudit(trx, {
			actorId: job.actor_id,
			action: 'results.import',
			entity: 'exam_session',
			entityId: job.session_id,
			after: {
				fileName,
				format,
				lines: drafts.map(({ email, blockCode, validated, obtainedOn, origin }) => ({ email, blockCode, validated, obtainedOn, origin }))
			}
		});
		await recordDecisionChanges(trx, job.session_id, await referentielOf(trx, session.referentielId), 'import', job.actor_id, [
			...new Set(drafts.map((draft) => draft.candidateId))
		]);
		return { imported: drafts.length };
	}
};

/** One block result typed by the coordinator. */
export async function enterResult(
	db: Database,
	actorId: string,
	sessionId: string,
	input: { candidateId: string; blockCode: string; validated: string; date: string; origin: string }
): Promise<void> {
	const session = await requireSession(db, sessionId);
	await inTransaction(db, async (trx) => {
		const referentiel = await referentielOf(trx, session.referentielId);
		const candidate = (await sessionCandidates(trx, sessionId)).find((entry) => entry.id === input.candidateId);
		if (!candidate) throw new UserFacingError('certification.candidate-not-found', 404, t.results.candidateNotFound, 'candidateId');
		if (
			!importableBlocks(
				session,
				referentiel.blocks.map((block) => block.code)
			).includes(input.blockCode)
		)
			throw new UserFacingError('certification.block-unknown', 400, t.results.blockUnknown(input.blockCode), 'blockCode');
		const validated = parseValidated(input.validated);
		if (!validated.ok) throw new UserFacingError('certification.invalid-validated', 400, validated.message, 'validated');
		const date = parseResultDate(input.date);
		if (!date.ok) throw new UserFacingError('certification.invalid-date', 400, date.message, 'date');
		const origin = input.origin.trim();
		if (origin.length > 200) throw new UserFacingError('certification.origin-too-long', 400, t.results.originTooLong, 'origin');
		const row = {
			sessionId,
			candidateId: candidate.id,
			blockCode: input.blockCode,
			validated: validated.value,
			obtainedOn: date.value,
			origin,
			source: 'manual' as const
		};
		await upsertBlockResults(trx, actorId, [row]);
		await appendAudit(trx, {
			actorId,
			action: 'results.enter',
			entity: 'exam_session',
			entityId: sessionId,
			after: { ...row, email: candidate.email }
		});
		await recordDecisionChanges(trx, sessionId, referentiel, 'manual', actorId, [candidate.id]);
	});
}

export interface CandidateResultRow {
	id: string;
	name: string;
	email: string;
	juryLabel: string | null;
	defenseStatus: string | null;
	state: 'decided' | 'pending' | 'unplaced';
	current: CertificationRow | null;
	history: CertificationRow[];
	blocks: BlockStatus[];
}

/**
 * The coordinator's view of a session's results: the candidates (with `page`, that page of them
 * only), each with their decision and its history, read for those candidates only; and the juries' records.
 */
export async function sessionResults(db: Database, sessionId: string, page?: number) {
	const session = await requireSession(db, sessionId);
	const referentiel = await referentielOf(db, session.referentielId);
	const [{ candidates: total }, heardBy, publication] = await Promise.all([
		sessionCounts(db, sessionId),
		juriesOfSessionDefenses(db, sessionId),
		findPublication(db, sessionId)
	]);
	const pagination = paginate(page ?? 1, total, page === undefined ? Math.max(total, 1) : PAGE_SIZE);
	const candidates = await sessionCandidates(db, sessionId, { limit: pagination.size, offset: pagination.offset });
	const ids = candidates.map((candidate) => candidate.id);
	const [history, { decided, pending }, records, signed] = await Promise.all([
		certificationHistory(db, sessionId, ids),
		currentDecisions(db, sessionId, referentiel, ids),
		blockRecordsOf(db, ids),
		latestLockedContents(
			db,
			heardBy.map((jury) => jury.id)
		)
	]);
	const juries = heardBy.map((jury) => {
		const record = signed.find((entry) => entry.juryId === jury.id);
		return { id: jury.id, label: jury.label, version: record?.version ?? null, sha256: record?.sha256 ?? null };
	});
	const blockCodes = referentiel.blocks.map((block) => block.code);
	const rows: CandidateResultRow[] = candidates.map((candidate) => {
		const mine = history.filter((row) => row.candidateId === candidate.id);
		const computed = decided.find((entry) => entry.candidateId === candidate.id);
		return {
			id: candidate.id,
			name: candidate.name,
			email: candidate.email,
			juryLabel: candidate.juryLabel,
			defenseStatus: candidate.defenseStatus,
			state: !candidate.defenseId ? 'unplaced' : pending.includes(candidate.id) ? 'pending' : 'decided',
			current: mine.at(-1) ?? null,
			history: mine,
			blocks:
				computed?.decision.blocks ??
				blockCodes.map((code) => {
					const list = (records.get(candidate.id) ?? []).filter((record) => record.blockCode === code);
					return {
						blockCode: code,
						validated: list.some((record) => record.validated),
						origin: list[0]?.origin ?? null,
						on: list[0]?.on ?? null,
						known: list.length > 0
					};
				})
		};
	});
	return { session, referentiel, pagination, rows, juries, publication, importableBlocks: importableBlocks(session, blockCodes) };
}

/**
 * Publishes the session's results: refused while a heard candidate has no decision (a record not
 * yet signed). Each candidate with a decision is told by e-mail: the messages are worded in the
 * publication's transaction and queued by a job, 100 a transaction, which the answer names.
 */
export async function publishResults(
	db: Database,
	actorId: string,
	sessionId: string,
	appealUntil: string,
	origin: string,
	today = new Date()
): Promise<{ published: number; jobId: string }> {
	const session = await requireSession(db, sessionId);
	const date = parseResultDate(appealUntil);
	if (!date.ok || !date.value || date.value <= today.toISOString().slice(0, 10))
		throw new UserFacingError('certification.appeal-date-invalid', 400, t.results.appealDateInvalid, 'appealUntil');
	return inTransaction(db, (trx) => publishInTransaction(trx, actorId, session, date.value!, origin));
}

export const RESULTS_PUBLICATION_JOB = 'results.publish';

async function publishInTransaction(
	trx: Transaction<DB>,
	actorId: string | null,
	session: SessionForResults,
	appealUntil: string,
	origin: string
): Promise<{ published: number; jobId: string }> {
	const referentiel = await referentielOf(trx, session.referentielId);
	const { decided, pending } = await currentDecisions(trx, session.id, referentiel);
	const candidates = new Map((await sessionCandidates(trx, session.id)).map((candidate) => [candidate.id, candidate]));
	if (pending.length > 0)
		throw new UserFacingError('certification.not-all-decided', 409, t.results.notAllDecided(pending.map((id) => candidates.get(id)!.name)));
	if (decided.length === 0) throw new UserFacingError('certification.nothing-to-publish', 409, t.results.nothingToPublish);
	await recordDecisionChanges(trx, session.id, referentiel, 'publication', actorId);
	if (!(await insertPublication(trx, session.id, actorId, appealUntil)))
		throw new UserFacingError('certification.already-published', 409, t.results.alreadyPublished);
	const appealText = appealUntil.split('-').reverse().join('/');
	const mails: OutgoingMail[] = decided.map((entry) => {
		const candidate = candidates.get(entry.candidateId)!;
		const lines = entry.decision.blocks.map(
			(block) => `${block.blockCode} : ${block.validated ? 'validé' : block.known ? 'non validé' : 'résultat non communiqué'}`
		);
		return {
			to: candidate.email,
			subject: t.results.mailSubject(session.name),
			text: t.results.mailBody(candidate.name, session.name, t.outcomes[entry.decision.outcome], lines, appealText, `${origin}/candidat`)
		};
	});
	await appendAudit(trx, {
		actorId,
		action: 'results.publish',
		entity: 'exam_session',
		entityId: session.id,
		after: { appealUntil, candidates: decided.length }
	});
	const jobId = await insertJob(trx, {
		kind: RESULTS_PUBLICATION_JOB,
		sessionId: session.id,
		actorId,
		payload: { mails },
		total: mails.length
	});
	return { published: decided.length, jobId };
}

/** The results publication's job: its messages, worded when it was published, queued 100 a transaction. */
export const resultsPublicationJob: JobHandler = {
	batchSize: 100,
	async write(trx, job, range) {
		for (const mail of (job.payload as unknown as { mails: OutgoingMail[] }).mails.slice(range.from, range.to))
			await enqueueMail(trx, mail, job.id);
		return {};
	},
	async finish(_trx, job) {
		return { published: job.total };
	}
};

/** A candidate's own published results; nothing for a session not yet published. */
export async function candidateResults(db: Database, candidateId: string): Promise<CandidateResultsView[]> {
	const views: CandidateResultsView[] = [];
	for (const published of await publishedSessionsOf(db, candidateId)) {
		const current = (await certificationHistory(db, published.sessionId, [candidateId])).at(-1);
		if (!current) continue;
		const referentiel = await referentielOf(db, published.referentielId);
		const blocks = current.blocks as BlockStatus[];
		views.push({
			sessionId: published.sessionId,
			sessionName: published.sessionName,
			appealUntil: published.appealUntil.split('-').reverse().join('/'),
			outcome: t.outcomes[current.outcome],
			blocks: referentiel.blocks.map((block) => {
				const status = blocks.find((entry) => entry.blockCode === block.code);
				return {
					code: block.code,
					title: block.title,
					validated: Boolean(status?.validated),
					known: Boolean(status?.known),
					origin: status?.origin ?? null
				};
			})
		});
	}
	return views;
}

/** A candidate's attestation (validated blocks and title decision), from their latest decision. */
export async function attestationFile(
	db: Database,
	sessionId: string,
	candidateId: string,
	options: { onlyPublished: boolean }
): Promise<Buffer> {
	const session = await requireSession(db, sessionId);
	if (options.onlyPublished && !(await findPublication(db, sessionId)))
		throw new UserFacingError('certification.not-published', 404, t.results.notPublished);
	const candidate = isUuid(candidateId) ? (await sessionCandidates(db, sessionId)).find((entry) => entry.id === candidateId) : undefined;
	const current = candidate ? (await certificationHistory(db, sessionId, [candidate.id])).at(-1) : undefined;
	if (!candidate || !current) throw new UserFacingError('certification.candidate-not-found', 404, t.results.candidateNotFound);
	const referentiel = await referentielOf(db, session.referentielId);
	const { title, rncpCode, level } = referentiel.certification;
	const short = (id: string) => id.replace(/-/g, '').slice(0, 8).toUpperCase();
	return attestationPdf({
		certifier: await currentCertifier(db, referentiel.certifier),
		reference: `ATT-${short(sessionId)}-${short(candidate.id)}`,
		certification: `${title} (RNCP ${rncpCode}, niveau ${level})`,
		sessionName: session.name,
		candidateName: candidate.name,
		outcome: t.outcomes[current.outcome],
		validatedBlocks: current.validatedBlocks.map(
			(code) => `${code} — ${referentiel.blocks.find((block) => block.code === code)?.title ?? ''}`
		),
		issuedOn: formatInTimeZone(current.decidedAt, session.timezone, 'd MMMM yyyy'),
		decidedAt: current.decidedAt
	});
}

/** One line per candidate with a decision: the CSV and XLSX exports. */
async function exportRows(db: Database, sessionId: string): Promise<{ header: string[]; rows: string[][] }> {
	const { session, referentiel, rows } = await sessionResults(db, sessionId);
	const blockCodes = referentiel.blocks.map((block) => block.code);
	const header = ['Nom', 'E-mail', 'Session', 'Décision', 'Blocs validés', ...blockCodes, 'Motifs', 'Décidé le'];
	const lines = rows
		.filter((row) => row.current)
		.map((row) => {
			const current = row.current!;
			const blocks = current.blocks as BlockStatus[];
			return [
				row.name,
				row.email,
				session.name,
				t.outcomes[current.outcome],
				current.validatedBlocks.join(', '),
				...blockCodes.map((code) => {
					const status = blocks.find((entry) => entry.blockCode === code);
					return status?.validated ? 'validé' : status?.known ? 'non validé' : 'non communiqué';
				}),
				current.reasons.join(' ; '),
				formatInTimeZone(current.decidedAt, session.timezone, 'dd/MM/yyyy HH:mm')
			];
		});
	return { header, rows: lines };
}

/** CSV for French spreadsheet software: UTF-8 with a byte-order mark, semicolons, CRLF. */
export async function decisionsCsv(db: Database, sessionId: string): Promise<string> {
	const { header, rows } = await exportRows(db, sessionId);
	return '\uFEFF' + Papa.unparse([header, ...rows], { delimiter: ';', newline: '\r\n', escapeFormulae: true }) + '\r\n';
}

export async function decisionsXlsx(db: Database, sessionId: string): Promise<Buffer> {
	const { header, rows } = await exportRows(db, sessionId);
	const workbook = new ExcelJS.Workbook();
	workbook.creator = fr.app.name;
	const sheet = workbook.addWorksheet('Décisions');
	sheet.addRow(header).font = { bold: true };
	for (const row of rows) sheet.addRow(row);
	sheet.columns.forEach((column, index) => (column.width = index < 2 ? 28 : index === header.length - 2 ? 60 : 16));
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The session's record: every jury's latest signed record in one PDF (juries not yet signed are named). */
export async function sessionRecordFile(db: Database, sessionId: string): Promise<Buffer> {
	const { session, juries } = await sessionResults(db, sessionId);
	const signed: SignedRecord[] = [];
	for (const row of await latestLockedContents(
		db,
		juries.map((jury) => jury.id)
	)) {
		const stored = row.content as RecordContent & { signatures: RecordSignature[] };
		signed.push({
			content: stored,
			signatures: stored.signatures,
			contentSha256: row.contentSha256,
			sha256: row.sha256,
			anchor: row.anchor,
			lockedAt: row.lockedAt
		});
	}
	signed.sort((a, b) => a.content.jury.label.localeCompare(b.content.jury.label));
	return sessionRecordPdf(
		session,
		signed,
		juries.filter((jury) => !jury.version).map((jury) => jury.label),
		await currentCertifier(db)
	);
}
