import { constants, deflateRawSync } from 'node:zlib';
import { Zip, ZipPassThrough, strToU8 } from 'fflate';

// The least a workbook needs for ExcelJS to read its one sheet.
const PARTS: Record<string, string> = {
	'[Content_Types].xml':
		'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
		'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
		'<Default Extension="xml" ContentType="application/xml"/>' +
		'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
		'<Override PartName="/xl/worksheets/sheet1.xml" ' +
		'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
		'</Types>',
	'_rels/.rels':
		'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
		'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
		'</Relationships>',
	'xl/workbook.xml':
		'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
		'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>',
	'xl/_rels/workbook.xml.rels':
		'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
		'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
		'</Relationships>'
};
const SHEET = 'xl/worksheets/sheet1.xml';

const column = (index: number) => String.fromCharCode(65 + index);

/** One sheet row of inline-string cells, as Excel writes them. */
export function sheetRow(line: number, cells: string[]): string {
	const xml = cells.map((text, index) => `<c r="${column(index)}${line}" t="inlineStr"><is><t>${text}</t></is></c>`).join('');
	return `<row r="${line}">${xml}</row>`;
}

/** A zip entry deflated by Node's zlib (fflate's own deflate takes seconds for a 100 MB sheet). */
class NativeDeflate extends ZipPassThrough {
	constructor(name: string) {
		super(name);
		this.compression = 8;
	}
	// Every chunk but the last ends on a sync flush, so the pieces make one valid deflate stream.
	protected process(chunk: Uint8Array, final: boolean) {
		this.ondata(null, deflateRawSync(chunk, { finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }), final);
	}
}

/**
 * A workbook whose sheet holds `rows` rows from `row(line)`, deflated as it is produced so that the
 * test never holds the inflated sheet. `declaredSheetBytes` makes the central directory lie about
 * the sheet's inflated size.
 */
export function craftedWorkbook(rows: number, row: (line: number) => string, options: { declaredSheetBytes?: number } = {}): Uint8Array {
	const chunks: Uint8Array[] = [];
	const zip = new Zip((error, chunk) => {
		if (error) throw error;
		chunks.push(chunk);
	});
	for (const [name, text] of Object.entries(PARTS)) {
		const part = new NativeDeflate(name);
		zip.add(part);
		part.push(strToU8(text), true);
	}
	const sheet = new NativeDeflate(SHEET);
	zip.add(sheet);
	sheet.push(
		strToU8(
			'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
		)
	);
	let pending: string[] = [];
	let pendingLength = 0;
	for (let line = 1; line <= rows; line++) {
		const xml = row(line);
		pending.push(xml);
		pendingLength += xml.length;
		if (pendingLength > 4_000_000 || line === rows) {
			sheet.push(Buffer.from(pending.join('')));
			pending = [];
			pendingLength = 0;
		}
	}
	sheet.push(strToU8('</sheetData></worksheet>'), true);
	zip.end();
	const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
	chunks.reduce((offset, chunk) => (bytes.set(chunk, offset), offset + chunk.length), 0);
	if (options.declaredSheetBytes !== undefined) declareSize(bytes, SHEET, options.declaredSheetBytes);
	return bytes;
}

/** Rewrites the uncompressed size the central directory gives for `name`. */
function declareSize(bytes: Uint8Array, name: string, size: number) {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const wanted = strToU8(name);
	for (let at = 0; at + 46 <= bytes.length; at++) {
		if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== wanted.length) continue;
		if (wanted.every((byte, index) => bytes[at + 46 + index] === byte)) {
			view.setUint32(at + 24, size, true);
			return;
		}
	}
	throw new Error(`${name} is not in the central directory`);
}
