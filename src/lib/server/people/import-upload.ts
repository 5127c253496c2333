// The two steps every file import shares: the file is posted for a preview, then carried back in
// hidden fields to be imported (read and checked again from scratch, nothing trusted from the preview).
import type { ImportProblem } from '$lib/domain/people/candidate-import';
import { fr } from '$lib/i18n/fr';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB, type FileFormat } from './candidate-import-reader';

type Received = { ok: true; name: string; bytes: Uint8Array; data: string } | { ok: false; message: string };

/** The file of the preview form's "file" field, or why there is none. */
export async function postedFile(request: Request): Promise<Received> {
	const file = (await request.formData()).get('file');
	if (!(file instanceof File) || (file.size === 0 && file.name === '')) return { ok: false, message: fr.people.importFile.missing };
	if (file.size > MAX_IMPORT_BYTES) return { ok: false, message: fr.people.importFile.tooLarge(MAX_IMPORT_MB) };
	const bytes = new Uint8Array(await file.arrayBuffer());
	return { ok: true, name: file.name, bytes, data: Buffer.from(bytes).toString('base64') };
}

/** The file the preview carried back in its hidden fields, or why it is unusable. */
export async function confirmedFile(request: Request): Promise<Received> {
	const form = await request.formData();
	const name = String(form.get('fileName') ?? '').slice(0, 255);
	const data = String(form.get('fileData') ?? '');
	const bytes = new Uint8Array(Buffer.from(data, 'base64'));
	if (bytes.length === 0) return { ok: false, message: fr.people.importFile.changed };
	return { ok: true, name, bytes, data };
}

const ENCODINGS: Record<string, string> = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' };
const DELIMITERS: Record<string, string> = { ';': 'point-virgule', ',': 'virgule', '\t': 'tabulation' };

/** What a preview page shows of any import; the caller adds its rows. */
export function previewSummary(
	format: FileFormat,
	review: { problems: ImportProblem[]; errorCount: number; warningCount: number },
	file: { name: string; data: string }
) {
	return {
		fileName: file.name,
		fileData: file.data,
		format:
			format.kind === 'xlsx'
				? `classeur XLSX, feuille « ${format.worksheet} »`
				: `CSV ${ENCODINGS[format.encoding]}, séparateur ${DELIMITERS[format.delimiter]}`,
		problems: review.problems,
		errorCount: review.errorCount,
		warningCount: review.warningCount
	};
}
