import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fr } from '$lib/i18n/fr';

const t = fr.accrochage.errors;

/** The CDC's answer for one passage of a deposited flux. */
export interface ReceiptPassage {
	idTechnique: string;
	status: 'accepted' | 'rejected';
	/** The CDC's reason (for a rejection) or remark, as written. */
	message: string | null;
}

export type ReceiptReading = { ok: true; passages: ReceiptPassage[] } | { ok: false; message: string };

// The one place that knows the receipt's shape. The CDC documents its « accusé de traitement » as a
// list of passages, each named by the sender's idTechnique with a status and a message; the kit
// itself (XSD and element names) is not available here, so this reader takes that shape under the
// usual spellings, whatever the namespace prefix and nesting: any element holding an `idTechnique`
// is a passage, its status in `statut`/`etat`/`status`/`resultat`, its message in
// `message`/`motif`/`libelle`/`commentaire`, or in the `erreur`/`erreurs` it holds. When the real
// format is known, it is read here and nowhere else.
const STATUS_KEYS = ['statut', 'etat', 'status', 'resultat', 'statutTraitement', 'etatTraitement'];
const MESSAGE_KEYS = ['message', 'motif', 'motifRejet', 'libelle', 'libelleErreur', 'commentaire', 'raison'];
const ERROR_KEYS = ['erreurs', 'erreur', 'anomalies', 'anomalie', 'errors', 'error'];
const ACCEPTED = new Set(['accepte', 'acceptee', 'accepted', 'ok', 'valide', 'validee', 'integre', 'integree', 'traite', 'succes']);
const REJECTED = new Set(['rejete', 'rejetee', 'rejected', 'ko', 'refuse', 'refusee', 'erreur', 'error', 'anomalie', 'echec']);

const simplify = (text: string) =>
	text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z]/g, '');

function textOf(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value).trim() || null;
	if (Array.isArray(value)) {
		const parts = value.map(textOf).filter((part): part is string => part !== null);
		return parts.length > 0 ? parts.join(' ; ') : null;
	}
	if (typeof value === 'object') {
		const record = value as Record<string, unknown>;
		if ('#text' in record) return textOf(record['#text']);
		const parts = [...MESSAGE_KEYS, 'code'].map((key) => textOf(record[key])).filter((part): part is string => part !== null);
		if (parts.length > 0) return parts.join(' : ');
		// An error list: <erreurs><erreur><code/><libelle/></erreur>…</erreurs>.
		return textOf(ERROR_KEYS.map((key) => record[key]).filter((entry) => entry !== undefined));
	}
	return null;
}

function pick(record: Record<string, unknown>, keys: string[]): unknown {
	const wanted = new Set(keys.map(simplify));
	for (const [key, value] of Object.entries(record)) if (wanted.has(simplify(key))) return value;
	return undefined;
}

/** Every element holding an idTechnique, in document order. */
function passageElements(node: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
	if (Array.isArray(node)) {
		for (const child of node) passageElements(child, found);
	} else if (node && typeof node === 'object') {
		const record = node as Record<string, unknown>;
		if (pick(record, ['idTechnique']) !== undefined) found.push(record);
		else for (const child of Object.values(record)) passageElements(child, found);
	}
	return found;
}

/** Reads an « accusé de traitement »: every passage with its status, or why the file is refused (then nothing is taken). */
export function readReceipt(xml: string): ReceiptReading {
	const text = xml.replace(/^\uFEFF/, '');
	const valid = XMLValidator.validate(text);
	if (valid !== true) return { ok: false, message: t.receiptNotXml(`ligne ${valid.err.line} : ${valid.err.msg}`) };
	const parser = new XMLParser({
		removeNSPrefix: true,
		ignoreAttributes: true,
		parseTagValue: false,
		trimValues: true,
		processEntities: true
	});
	const elements = passageElements(parser.parse(text));
	if (elements.length === 0) return { ok: false, message: t.receiptEmpty };
	const passages: ReceiptPassage[] = [];
	const seen = new Set<string>();
	for (const [index, element] of elements.entries()) {
		const idTechnique = textOf(pick(element, ['idTechnique']));
		if (!idTechnique) return { ok: false, message: t.receiptPassageWithoutId(index + 1) };
		if (seen.has(idTechnique)) return { ok: false, message: t.receiptDuplicate(idTechnique) };
		seen.add(idTechnique);
		const statusText = textOf(pick(element, STATUS_KEYS)) ?? '';
		const status = ACCEPTED.has(simplify(statusText)) ? 'accepted' : REJECTED.has(simplify(statusText)) ? 'rejected' : null;
		if (!status) return { ok: false, message: t.receiptStatus(idTechnique, statusText) };
		const message = textOf(pick(element, MESSAGE_KEYS)) ?? textOf(pick(element, ERROR_KEYS));
		passages.push({ idTechnique, status, message });
	}
	return { ok: true, passages };
}
