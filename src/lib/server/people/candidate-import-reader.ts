import ExcelJS from 'exceljs';
import { fr } from '$lib/i18n/fr';
import { decodeText, detectFileKind, type TextEncodingName } from '$lib/domain/import/text';
import { detectDelimiter, parseDelimited, toSheet, type Delimiter, type Sheet, type SheetRow } from '$lib/domain/import/sheet';
import { UserFacingError } from '../errors';

const messages = fr.people.importFile;

export const MAX_IMPORT_MB = 5;
export const MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024;

export type FileFormat = { kind: 'csv'; encoding: TextEncodingName; delimiter: Delimiter } | { kind: 'xlsx'; worksheet: string };

/** Reads an uploaded candidate list (CSV in any usual encoding and delimiter, or XLSX) into a sheet. */
export async function readCandidateFile(bytes: Uint8Array): Promise<{ sheet: Sheet; format: FileFormat }> {
	if (bytes.length > MAX_IMPORT_BYTES) throw new UserFacingError('people.too-large', 400, messages.tooLarge(MAX_IMPORT_MB), 'file');
	const kind = detectFileKind(bytes);
	if (kind === 'empty') throw new UserFacingError('people.empty', 400, messages.empty, 'file');
	if (kind === 'binary') throw new UserFacingError('people.binary', 400, messages.binary, 'file');
	let read: { records: SheetRow[]; format: FileFormat };
	if (kind === 'xlsx') {
		read = await readWorkbook(bytes);
	} else {
		const { text, encoding } = decodeText(bytes);
		const delimiter = detectDelimiter(text);
		read = { records: parseDelimited(text, delimiter), format: { kind: 'csv', encoding, delimiter } };
	}
	const sheet = toSheet(read.records);
	if (!sheet) throw new UserFacingError('people.empty', 400, messages.empty, 'file');
	if (sheet.rows.length === 0) throw new UserFacingError('people.no-rows', 400, messages.noRows, 'file');
	return { sheet, format: read.format };
}

async function readWorkbook(bytes: Uint8Array): Promise<{ records: SheetRow[]; format: FileFormat }> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
	} catch {
		throw new UserFacingError('people.xlsx-unreadable', 400, messages.xlsxUnreadable, 'file');
	}
	// The first sheet that has something in it: workbooks often start with an empty or a notes sheet.
	const worksheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
	if (!worksheet) throw new UserFacingError('people.empty', 400, messages.empty, 'file');
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
export function cellText(value: ExcelJS.CellValue): string {
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
