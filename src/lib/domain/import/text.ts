import iconv from 'iconv-lite';

/** What the first bytes of an uploaded file say it is. */
export type FileKind = 'xlsx' | 'text' | 'empty' | 'binary';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * XLSX files are zip archives; text files may carry a BOM. Anything else holding NUL bytes or
 * control characters (a PNG, a PDF, a Word file renamed .csv) is refused rather than read as
 * garbage.
 */
export function detectFileKind(bytes: Uint8Array): FileKind {
	if (bytes.length === 0) return 'empty';
	if (startsWith(bytes, ZIP)) return 'xlsx';
	if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) return 'text';
	const sample = bytes.subarray(0, 64 * 1024);
	let control = 0;
	for (const byte of sample) {
		if (byte === 0) return 'binary';
		// Tab, line feed, carriage return and form feed occur in text; other C0 controls do not.
		if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
	}
	return control > sample.length / 100 ? 'binary' : 'text';
}

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/**
 * Decodes a text file: a BOM decides; otherwise valid UTF-8 is UTF-8 and anything else is taken
 * as Windows-1252, which is what French spreadsheet programs write when they "save as CSV".
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
	if (startsWith(bytes, UTF8_BOM)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
	if (startsWith(bytes, UTF16LE_BOM)) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
	if (startsWith(bytes, UTF16BE_BOM)) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		// Not TextDecoder: Node's 'windows-1252' decodes as Latin-1, turning ’ € œ … into control characters.
		return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252'), encoding: 'windows-1252' };
	}
}
