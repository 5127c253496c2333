import { fr } from '$lib/i18n/fr';
import type { ImportProblem } from '../people/candidate-import';
import { columnLetter, normalizeHeader } from '../import/headers';
import type { Sheet } from '../import/sheet';
import { cleanText, isRealDate, parseEmail, type Parsed } from '../import/values';

const t = fr.certification.results;

export type ResultField = 'email' | 'block' | 'validated' | 'date' | 'origin';

export const RESULT_FIELD_LABELS: Record<ResultField, string> = {
	email: 'E-mail',
	block: 'Bloc',
	validated: 'Validé',
	date: 'Date',
	origin: 'Origine'
};
const REQUIRED: ResultField[] = ['email', 'block', 'validated'];

const SYNONYMS: Record<ResultField, string[]> = {
	email: ['E-mail', 'Mail', 'Courriel', 'Adresse e-mail', 'Adresse mail', 'Adresse électronique'],
	block: ['Bloc', 'Code bloc', 'Code du bloc', 'Bloc de compétences', 'Block'],
	validated: ['Validé', 'Validée', 'Validation', 'Résultat', 'Acquis', 'Validated'],
	date: ['Date', 'Date de validation', 'Date d’obtention', "Date d'obtention", 'Obtenu le', 'Validé le'],
	origin: ['Origine', 'Source', 'Provenance', 'Épreuve', 'Origin']
};

const compact = (label: string) => normalizeHeader(label).replace(/ /g, '');
const FIELD_BY_HEADER = new Map<string, ResultField>(
	(Object.entries(SYNONYMS) as [ResultField, string[]][]).flatMap(([field, labels]) =>
		labels.map((label) => [compact(label), field] as const)
	)
);

export interface ResultDraft {
	line: number;
	email: string;
	candidateId: string;
	blockCode: string;
	validated: boolean;
	obtainedOn: string | null;
	origin: string;
}

export interface ResultsContext {
	/** Registered candidates of the session, by lower-case e-mail. */
	candidates: ReadonlyMap<string, string>;
	/** The blocks results can be given for (every block but the one the jury decides). */
	blockCodes: readonly string[];
	/** "candidateId|blockCode" of blocks already validated, in any session. */
	alreadyValidated: ReadonlySet<string>;
}

export interface ResultsReview {
	drafts: ResultDraft[];
	problems: ImportProblem[];
	errorCount: number;
	warningCount: number;
}

const YES = ['oui', 'o', 'yes', 'y', '1', 'vrai', 'true', 'x', 'valide', 'validee', 'acquis', 'v'];
const NO = ['non', 'n', 'no', '0', 'faux', 'false', 'non valide', 'non validee', 'non acquis', 'nv', 'ajourne'];

export function parseValidated(raw: string): Parsed<boolean> {
	const text = normalizeHeader(raw);
	if (text === '') return { ok: false, message: t.validatedRequired };
	if (YES.includes(text)) return { ok: true, value: true };
	if (NO.includes(text)) return { ok: true, value: false };
	return { ok: false, message: t.validatedInvalid(cleanText(raw)) };
}

/** "04/11/2026", "4/11/2026", "2026-11-04" → "2026-11-04"; empty is no date. */
export function parseResultDate(raw: string): Parsed<string | null> {
	const text = cleanText(raw);
	if (text === '') return { ok: true, value: null };
	const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
	const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	const [year, month, day] = french
		? [Number(french[3]), Number(french[2]), Number(french[1])]
		: iso
			? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
			: [0, 0, 0];
	if (!year || !isRealDate(year, month, day)) return { ok: false, message: t.dateInvalid(text) };
	return { ok: true, value: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/**
 * Checks a results file: one line per candidate and block (e-mail, block, validated, date,
 * origin). The file may be imported only when no problem is an error. A block already validated
 * stays validated: a line saying otherwise is a warning, and the block keeps its validation.
 */
export function reviewResultsSheet(sheet: Sheet, context: ResultsContext): ResultsReview {
	const problems: ImportProblem[] = [];
	const columns: Partial<Record<ResultField, number>> = {};
	sheet.header.forEach((label, index) => {
		const key = compact(label);
		if (key === '') return;
		const field = FIELD_BY_HEADER.get(key);
		if (!field || columns[field] !== undefined)
			problems.push({
				severity: 'warning',
				line: sheet.headerLine,
				column: cleanText(label),
				cell: `${columnLetter(index)}${sheet.headerLine}`,
				message: t.unknownColumn(cleanText(label))
			});
		else columns[field] = index;
	});
	for (const field of REQUIRED.filter((entry) => columns[entry] === undefined)) {
		problems.push({
			severity: 'error',
			line: sheet.headerLine,
			column: RESULT_FIELD_LABELS[field],
			cell: null,
			message: t.missingColumn(RESULT_FIELD_LABELS[field])
		});
	}
	const drafts: ResultDraft[] = [];
	if (problems.some((problem) => problem.severity === 'error')) return summarise(drafts, problems);
	const seen = new Map<string, number>();
	for (const row of sheet.rows) {
		const cell = (field: ResultField) => (columns[field] === undefined ? '' : (row.cells[columns[field]!] ?? ''));
		const problem = (field: ResultField, message: string, severity: 'error' | 'warning' = 'error') =>
			problems.push({
				severity,
				line: row.line,
				column: RESULT_FIELD_LABELS[field],
				cell: columns[field] === undefined ? null : `${columnLetter(columns[field]!)}${row.line}`,
				message
			});
		const email = parseEmail(cell('email'));
		const candidateId = email.ok ? context.candidates.get(email.value) : undefined;
		if (!email.ok) problem('email', email.message);
		else if (!candidateId) problem('email', t.emailUnknown(email.value));
		const blockCode = cleanText(cell('block')).toUpperCase().replace(/\s+/g, '');
		if (!context.blockCodes.includes(blockCode)) problem('block', t.blockUnknown(cleanText(cell('block'))));
		const validated = parseValidated(cell('validated'));
		if (!validated.ok) problem('validated', validated.message);
		const date = parseResultDate(cell('date'));
		if (!date.ok) problem('date', date.message);
		const origin = cleanText(cell('origin'));
		if (origin.length > 200) problem('origin', t.originTooLong);
		if (!email.ok || !candidateId || !context.blockCodes.includes(blockCode) || !validated.ok || !date.ok || origin.length > 200) continue;
		const key = `${candidateId}|${blockCode}`;
		if (seen.has(key)) {
			problem('block', t.duplicate(email.value, blockCode, seen.get(key)!));
			continue;
		}
		seen.set(key, row.line);
		if (!validated.value && context.alreadyValidated.has(key)) problem('validated', t.staysValidated(blockCode), 'warning');
		drafts.push({ line: row.line, email: email.value, candidateId, blockCode, validated: validated.value, obtainedOn: date.value, origin });
	}
	return summarise(drafts, problems);
}

function summarise(drafts: ResultDraft[], problems: ImportProblem[]): ResultsReview {
	const errorCount = problems.filter((problem) => problem.severity === 'error').length;
	return { drafts, problems, errorCount, warningCount: problems.length - errorCount };
}
