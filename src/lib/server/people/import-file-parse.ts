// What the import worker runs (see import-file-worker.ts). Only relative imports and packages: the
// worker loads this graph without Vite's aliases. Refusals are reason codes; the reader words them.
import type ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import yauzl from 'yauzl';
import { decodeText, type TextEncodingName } from '../../domain/import/text';
import { detectDelimiter, parseDelimited, type Delimiter, type SheetRow } from '../../domain/import/sheet';

export type FileFormat = { kind: 'csv'; encoding: TextEncodingName; delimiter: Delimiter } | { kind: 'xlsx'; worksheet: string };

export interface ParseLimits {
	/** Everything in the workbook once inflated. */
	maxUnzippedBytes: number;
	/** One part of it (a sheet, the shared strings). */
	maxPartBytes: number;
	maxEntries: number;
	/** Data rows, the header not counted. */
	maxRows: number;
}

export type ParseRefusal = 'xlsx-unreadable' | 'xlsx-too-large' | 'too-many-rows' | 'empty';
export type ParseOutcome = { ok: true; records: SheetRow[]; format: FileFormat } | { ok: false; reason: ParseRefusal };

class Refused extends Error {
	constructor(readonly reason: ParseRefusal) {
		super(reason);
	}
}

/** Reads a CSV or an XLSX file (`kind` from detectFileKind) into its non-blank records. */
export async function parseImportFile(bytes: Uint8Array, kind: 'xlsx' | 'text', limits: ParseLimits): Promise<ParseOutcome> {
	try {
		const read = kind === 'xlsx' ? await readWorkbook(bytes, limits) : readDelimited(bytes);
		if (read.records.length > limits.maxRows + 1) throw new Refused('too-many-rows');
		return { ok: true, ...read };
	} catch (error) {
		if (error instanceof Refused) return { ok: false, reason: error.reason };
		throw error;
	}
}

function readDelimited(bytes: Uint8Array): { records: SheetRow[]; format: FileFormat } {
	const { text, encoding } = decodeText(bytes);
	const delimiter = detectDelimiter(text);
	return { records: parseDelimited(text, delimiter), format: { kind: 'csv', encoding, delimiter } };
}

/**
 * The workbook's parts, inflated within the bounds. The sizes the central directory declares are
 * checked before anything is inflated; yauzl then fails any part that inflates to more than it
 * declared, so a lying header stops at the bound too.
 */
async function inflateWorkbook(bytes: Uint8Array, limits: ParseLimits): Promise<Record<string, Uint8Array>> {
	let zip: yauzl.ZipFile;
	try {
		zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
			autoClose: false,
			validateEntrySizes: true
		});
	} catch {
		throw new Refused('xlsx-unreadable');
	}
	try {
		if (zip.entryCount > limits.maxEntries) throw new Refused('xlsx-too-large');
		const entries: yauzl.Entry[] = [];
		let declared = 0;
		for await (const entry of zip.eachEntry()) {
			declared += entry.uncompressedSize;
			if (entry.uncompressedSize > limits.maxPartBytes || declared > limits.maxUnzippedBytes) throw new Refused('xlsx-too-large');
			if (!entry.fileName.endsWith('/')) entries.push(entry);
		}
		const parts: Record<string, Uint8Array> = {};
		for (const entry of entries) {
			const chunks: Buffer[] = [];
			for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk);
			parts[entry.fileName] = Buffer.concat(chunks);
		}
		return parts;
	} catch (error) {
		throw error instanceof Refused ? error : new Refused('xlsx-unreadable');
	} finally {
		zip.close();
	}
}

const ROW_TAG = Buffer.from('<row');
const ROW_TAG_ENDS = new Set([0x20, 0x09, 0x0a, 0x0d, 0x2f, 0x3e]);

/** `<row …>` elements in an XML part (not `<rowBreaks>`): a sheet's rows, counted before any parser builds them. */
function countRowTags(xml: Uint8Array): number {
	const buffer = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
	let count = 0;
	for (let at = buffer.indexOf(ROW_TAG); at !== -1; at = buffer.indexOf(ROW_TAG, at + ROW_TAG.length)) {
		if (ROW_TAG_ENDS.has(buffer[at + ROW_TAG.length])) count++;
	}
	return count;
}

async function readWorkbook(bytes: Uint8Array, limits: ParseLimits): Promise<{ records: SheetRow[]; format: FileFormat }> {
	const parts = await inflateWorkbook(bytes, limits);
	if (Object.values(parts).some((part) => countRowTags(part) > limits.maxRows + 1)) throw new Refused('too-many-rows');
	// Loaded here only: a worker reading a CSV need not spend its start-up on ExcelJS.
	const { default: Excel } = await import('exceljs');
	// ExcelJS reads the parts exactly as they were inflated and checked, repacked without compression.
	const workbook = new Excel.Workbook();
	try {
		await workbook.xlsx.load(Buffer.from(zipSync(parts, { level: 0 })) as unknown as ExcelJS.Buffer);
	} catch {
		throw new Refused('xlsx-unreadable');
	}
	// The first sheet that has something in it: workbooks often start with an empty or a notes sheet.
	const worksheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
	if (!worksheet) throw new Refused('empty');
	const records: SheetRow[] = [];
	worksheet.eachRow({ includeEmpty: false }, (row, line) => {
		const cells: string[] = [];
		row.eachCell({ includeEmpty: true }, (cell, column) => {
			cells[column - 1] = cellText(cell.value);
		});
		const filled = Array.from(cells, (value) => value ?? '');
		if (filled.some((value) => value.trim() !== '')) records.push({ line, cells: filled });
	});
	return { records, format: { kind: 'xlsx', worksheet: worksheet.name } };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** What the coordinator sees in the cell. Excel stores dates as wall-clock times in UTC fields. */
function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) {
		const day = `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
		return value.getUTCHours() || value.getUTCMinutes() ? `${day} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : day;
	}
	if (typeof value === 'boolean') return value ? 'oui' : 'non';
	if (typeof value !== 'object') return String(value);
	if ('richText' in value) return value.richText.map((run) => run.text).join('');
	if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
	if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
	if ('error' in value) return '';
	return '';
}
