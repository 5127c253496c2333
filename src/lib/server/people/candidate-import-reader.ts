import { fr } from '$lib/i18n/fr';
import { detectFileKind } from '$lib/domain/import/text';
import { toSheet, type Sheet } from '$lib/domain/import/sheet';
import { UserFacingError } from '../errors';
import type { FileFormat, ParseLimits } from './import-file-parse';
import type { WorkerLimits, WorkerRefusal } from './import-file-worker';

export type { FileFormat } from './import-file-parse';

const messages = fr.people.importFile;

export const MAX_IMPORT_MB = 5;
export const MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024;
// A 2000-candidate list with long abstracts inflates to about 2.5 MB; these leave ten times that.
const MAX_UNZIPPED_MB = 25;
const MAX_PART_MB = 20;
const MAX_ENTRIES = 1000;
/** Candidates of one session: sessions go up to 2000 candidates. */
export const MAX_CANDIDATE_ROWS = 5000;
/** Block results: one line per candidate and block, five blocks for 2000 candidates. */
export const MAX_RESULT_ROWS = 15_000;
/**
 * Measured: a 2000-candidate workbook reads within a 32 MB old generation, 10 000 result lines
 * within 48 MB, each in 1.5 to 5 s on a busy two-core machine.
 */
const IMPORT_WORKER_LIMITS: WorkerLimits = { maxOldGenerationSizeMb: 256, timeoutMs: 30_000 };

/**
 * Reads an uploaded list (CSV in any usual encoding and delimiter, or XLSX) into a sheet, in a
 * worker thread and within bounds on the inflated size and the rows (see import-file-parse.ts).
 */
export async function readImportFile(
	bytes: Uint8Array,
	maxRows: number,
	worker: WorkerLimits = IMPORT_WORKER_LIMITS
): Promise<{ sheet: Sheet; format: FileFormat }> {
	if (bytes.length > MAX_IMPORT_BYTES) throw new UserFacingError('people.too-large', 400, messages.tooLarge(MAX_IMPORT_MB), 'file');
	const kind = detectFileKind(bytes);
	if (kind === 'empty') throw new UserFacingError('people.empty', 400, messages.empty, 'file');
	if (kind === 'binary') throw new UserFacingError('people.binary', 400, messages.binary, 'file');
	const limits: ParseLimits = {
		maxUnzippedBytes: MAX_UNZIPPED_MB * 1024 * 1024,
		maxPartBytes: MAX_PART_MB * 1024 * 1024,
		maxEntries: MAX_ENTRIES,
		maxRows
	};
	// Imported here so that the build gives the worker's module a chunk of its own, which the
	// worker loads without the rest of the server (database, sessions) around it.
	const { parseInWorker } = await import('./import-file-worker');
	const read = await parseInWorker(bytes, kind, limits, worker);
	if (!read.ok) throw refusal(read.reason, maxRows);
	const sheet = toSheet(read.records);
	if (!sheet) throw new UserFacingError('people.empty', 400, messages.empty, 'file');
	if (sheet.rows.length === 0) throw new UserFacingError('people.no-rows', 400, messages.noRows, 'file');
	return { sheet, format: read.format };
}

function refusal(reason: WorkerRefusal, maxRows: number): UserFacingError {
	switch (reason) {
		case 'empty':
			return new UserFacingError('people.empty', 400, messages.empty, 'file');
		case 'xlsx-unreadable':
			return new UserFacingError('people.xlsx-unreadable', 400, messages.xlsxUnreadable, 'file');
		case 'xlsx-too-large':
			return new UserFacingError('people.xlsx-too-large', 400, messages.unzippedTooLarge(MAX_UNZIPPED_MB, MAX_PART_MB), 'file');
		case 'too-many-rows':
			return new UserFacingError('people.too-many-rows', 400, messages.tooManyRows(maxRows), 'file');
		case 'too-heavy':
			return new UserFacingError('people.too-heavy', 400, messages.tooHeavy, 'file');
	}
}
