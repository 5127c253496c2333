/** A table read from a file: the header row and the data rows, each with its line in the file. */
export interface SheetRow {
	line: number;
	cells: string[];
}

export interface Sheet {
	headerLine: number;
	header: string[];
	rows: SheetRow[];
}

export type Delimiter = ';' | ',' | '\t';

/** Counts candidate delimiters outside quotes on the first line; the most frequent wins. */
export function detectDelimiter(text: string): Delimiter {
	const counts = { ';': 0, ',': 0, '\t': 0 } as Record<Delimiter, number>;
	let quoted = false;
	for (const char of text) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && (char === '\n' || char === '\r')) break;
		else if (!quoted && char in counts) counts[char as Delimiter]++;
	}
	const best = (Object.keys(counts) as Delimiter[]).sort((a, b) => counts[b] - counts[a])[0];
	return counts[best] > 0 ? best : ';';
}

/**
 * RFC 4180 records with CRLF or LF line ends and quoted fields (doubled quotes, delimiters and
 * line breaks inside quotes). Each record keeps the line it starts on, so problems can be located
 * in the file as the coordinator sees it in a text editor. Blank lines are skipped.
 */
export function parseDelimited(text: string, delimiter: Delimiter = detectDelimiter(text)): SheetRow[] {
	const records: SheetRow[] = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let line = 1;
	let recordLine = 1;
	let cellStarted = false;
	const endRecord = () => {
		cells.push(cell);
		if (cells.some((value) => value.trim() !== '')) records.push({ line: recordLine, cells });
		cells = [];
		cell = '';
		cellStarted = false;
	};
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (quoted) {
			if (char === '"' && text[index + 1] === '"') {
				cell += '"';
				index++;
			} else if (char === '"') {
				quoted = false;
			} else {
				if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) line++;
				cell += char;
			}
			continue;
		}
		if (char === '"' && !cellStarted) {
			quoted = true;
			cellStarted = true;
		} else if (char === delimiter) {
			cells.push(cell);
			cell = '';
			cellStarted = false;
		} else if (char === '\r' || char === '\n') {
			if (char === '\r' && text[index + 1] === '\n') index++;
			endRecord();
			line++;
			recordLine = line;
		} else {
			cell += char;
			cellStarted = true;
		}
	}
	if (cell !== '' || cells.length > 0) endRecord();
	return records;
}

/** The first non-blank record is the header. */
export function toSheet(records: SheetRow[]): Sheet | null {
	if (records.length === 0) return null;
	const [header, ...rows] = records;
	return { headerLine: header.line, header: header.cells, rows };
}
