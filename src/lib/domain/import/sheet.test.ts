import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseDelimited, toSheet } from './sheet';
import { decodeText, detectFileKind } from './text';

describe('parseDelimited', () => {
	it('reads CRLF and LF records, quoted fields with delimiters, doubled quotes and line breaks, and keeps each record line', () => {
		const text = 'Nom;Résumé;Tags\r\nDupont;"Un projet; en deux\r\nlignes";"dit ""ok"""\r\n\r\nMartin;simple;a,b\nLast;;';
		expect(parseDelimited(text, ';')).toEqual([
			{ line: 1, cells: ['Nom', 'Résumé', 'Tags'] },
			{ line: 2, cells: ['Dupont', 'Un projet; en deux\r\nlignes', 'dit "ok"'] },
			{ line: 5, cells: ['Martin', 'simple', 'a,b'] },
			{ line: 6, cells: ['Last', '', ''] }
		]);
	});

	it('skips blank lines and lines of empty cells (";;;" left by spreadsheets)', () => {
		expect(parseDelimited('a;b\n;;\n\nc;d\n', ';').map((record) => record.line)).toEqual([1, 4]);
	});

	it('round-trips any table written with RFC 4180 quoting, whatever the delimiter and line end', () => {
		const cell = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ';', ',', '"', '\n', '\r\n', 'x') });
		fc.assert(
			fc.property(
				fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
				fc.constantFrom(';', ',') as fc.Arbitrary<';' | ','>,
				fc.constantFrom('\n', '\r\n'),
				(rows, delimiter, eol) => {
					const nonBlank = rows.filter((row) => row.some((value) => value.trim() !== ''));
					const text = rows.map((row) => row.map((value) => `"${value.replace(/"/g, '""')}"`).join(delimiter)).join(eol);
					expect(parseDelimited(text, delimiter).map((record) => record.cells)).toEqual(nonBlank);
				}
			)
		);
	});
});

describe('detectDelimiter', () => {
	it('counts on the header line only, outside quotes', () => {
		expect(detectDelimiter('Nom;Prénom;Email\r\nA, B;c;d')).toBe(';');
		expect(detectDelimiter('Nom,Prénom,"Titre; du projet"\nx,y,z')).toBe(',');
		expect(detectDelimiter('Nom\tPrénom\tEmail')).toBe('\t');
	});
});

describe('toSheet', () => {
	it('takes the first record as the header', () => {
		expect(
			toSheet([
				{ line: 3, cells: ['a'] },
				{ line: 4, cells: ['b'] }
			])
		).toEqual({ headerLine: 3, header: ['a'], rows: [{ line: 4, cells: ['b'] }] });
		expect(toSheet([])).toBeNull();
	});
});

describe('file kind and text decoding', () => {
	const bytes = (...values: number[]) => new Uint8Array(values);
	it('tells XLSX (zip), text, empty and binary files apart', () => {
		expect(detectFileKind(bytes(0x50, 0x4b, 0x03, 0x04, 0))).toBe('xlsx');
		expect(detectFileKind(new TextEncoder().encode('Nom;Prénom\r\n'))).toBe('text');
		expect(detectFileKind(bytes())).toBe('empty');
		expect(detectFileKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00))).toBe('binary');
		expect(detectFileKind(bytes(0x25, 0x50, 0x44, 0x46, 0x01, 0x02, 0x03, 0x41))).toBe('binary');
		expect(detectFileKind(bytes(0xff, 0xfe, 0x4e, 0x00))).toBe('text');
	});

	it('decodes UTF-8 with or without BOM, UTF-16 with BOM, and falls back to Windows-1252', () => {
		expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0xc3, 0xa9))).toEqual({ text: 'é', encoding: 'utf-8' });
		expect(decodeText(bytes(0xc3, 0x89, 0x71))).toEqual({ text: 'Éq', encoding: 'utf-8' });
		expect(decodeText(bytes(0xc9, 0x71, 0x80, 0x92, 0x9c))).toEqual({ text: 'Éq€’œ', encoding: 'windows-1252' });
		expect(decodeText(bytes(0xff, 0xfe, 0xe9, 0x00))).toEqual({ text: 'é', encoding: 'utf-16le' });
	});
});
