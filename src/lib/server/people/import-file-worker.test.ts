import { describe, expect, it } from 'vitest';
import { craftedWorkbook, sheetRow } from '../../../../tests/helpers/crafted-xlsx';
import { MAX_RESULT_ROWS, readImportFile } from './candidate-import-reader';
import { parseImportFile, type ParseLimits } from './import-file-parse';
import { refusal } from '../../../../tests/helpers/refusal';

const csv = (rows: number) =>
	new TextEncoder().encode(['Email;Nom', ...Array.from({ length: rows }, (_, index) => `c${index}@exemple.fr;N`)].join('\n'));
const results = craftedWorkbook(10_001, (line) => sheetRow(line, [`c${line}@exemple.fr`, 'BC01', 'oui', '01/10/2026', 'Étude de cas']));

describe('the import worker', () => {
	it('reads an ordinary file in a worker', async () => {
		const { sheet, format } = await readImportFile(results, MAX_RESULT_ROWS);
		expect(format).toEqual({ kind: 'xlsx', worksheet: 'Feuil1' });
		expect(sheet.rows).toHaveLength(10_000);
		expect(sheet.rows[9_999]).toEqual({ line: 10_001, cells: ['c10001@exemple.fr', 'BC01', 'oui', '01/10/2026', 'Étude de cas'] });
	});

	it('refuses, in French, a file whose reading runs the worker out of memory', async () => {
		const error = await refusal(readImportFile(results, MAX_RESULT_ROWS, { maxOldGenerationSizeMb: 16, timeoutMs: 600_000 }));
		expect(error).toMatchObject({ code: 'people.too-heavy', status: 400 });
		expect(error.message).toMatch(/^Le fichier est trop lourd à lire/);
	});

	it('refuses, in French, a file whose reading outlasts the deadline, the worker stopped', async () => {
		const error = await refusal(readImportFile(results, MAX_RESULT_ROWS, { maxOldGenerationSizeMb: 256, timeoutMs: 1 }));
		expect(error).toMatchObject({ code: 'people.too-heavy', status: 400 });
	});
});

describe('parseImportFile', () => {
	const limits: ParseLimits = { maxUnzippedBytes: 1024 * 1024, maxPartBytes: 512 * 1024, maxEntries: 10, maxRows: 5 };

	it('takes as many data rows as the bound, and refuses one more, in CSV and XLSX', async () => {
		expect(await parseImportFile(csv(5), 'text', limits)).toMatchObject({ ok: true });
		expect(await parseImportFile(csv(6), 'text', limits)).toEqual({ ok: false, reason: 'too-many-rows' });
		const workbook = (rows: number) => craftedWorkbook(rows + 1, (line) => sheetRow(line, ['x']));
		expect(await parseImportFile(workbook(5), 'xlsx', limits)).toMatchObject({ ok: true });
		expect(await parseImportFile(workbook(6), 'xlsx', limits)).toEqual({ ok: false, reason: 'too-many-rows' });
	});

	it('refuses a workbook over the inflated bounds, or with too many parts, and a zip that is none', async () => {
		const part = craftedWorkbook(1, () => sheetRow(1, ['x'.repeat(600 * 1024)]));
		expect(await parseImportFile(part, 'xlsx', limits)).toEqual({ ok: false, reason: 'xlsx-too-large' });
		expect(await parseImportFile(part, 'xlsx', { ...limits, maxPartBytes: limits.maxUnzippedBytes })).toMatchObject({ ok: true });
		expect(await parseImportFile(part, 'xlsx', { ...limits, maxEntries: 4 })).toEqual({ ok: false, reason: 'xlsx-too-large' });
		expect(await parseImportFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'xlsx', limits)).toEqual({
			ok: false,
			reason: 'xlsx-unreadable'
		});
	});
});
