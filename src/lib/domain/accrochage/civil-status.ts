import { fr } from '$lib/i18n/fr';
import { cleanText, isRealDate, type Parsed } from '../import/values';
import { normalizeHeader } from '../import/headers';

const t = fr.accrochage;

/** The access modes (`modaliteAcces`) seen in several certifiers' declarations; to check against the CDC's XSD. */
export const ACCESS_MODES = [
	'FORMATION_INITIALE_HORS_APPRENTISSAGE',
	'FORMATION_INITIALE_APPRENTISSAGE',
	'FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION',
	'FORMATION_CONTINUE_CONTRAT_DE_PROFESSIONNALISATION',
	'VAE',
	'EQUIVALENCE',
	'CANDIDAT_LIBRE'
] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

export type Sex = 'M' | 'F';

/**
 * A holder's civil status as the declaration needs it. Born in France: the INSEE code of the
 * commune; born abroad: the INSEE code of the country (99xxx). The label is the commune's (or the
 * foreign town's) name. Any field may still be missing.
 */
export interface CivilStatus {
	birthName: string | null;
	usageName: string | null;
	firstNames: string | null;
	/** yyyy-mm-dd */
	birthDate: string | null;
	sex: Sex | null;
	birthCommuneCode: string | null;
	birthCountryCode: string | null;
	birthPlaceLabel: string | null;
	accessMode: AccessMode | null;
}

export type CivilStatusField = keyof CivilStatus;

export const EMPTY_CIVIL_STATUS: CivilStatus = {
	birthName: null,
	usageName: null,
	firstNames: null,
	birthDate: null,
	sex: null,
	birthCommuneCode: null,
	birthCountryCode: null,
	birthPlaceLabel: null,
	accessMode: null
};

export const NAME_MAX = 100;
export const FIRST_NAMES_MAX = 200;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** A name as typed, one line, or null when empty. */
export function parseName(raw: string, label: string, max = NAME_MAX): Parsed<string | null> {
	const value = cleanText(raw);
	if (value.length > max) return bad(t.invalid.tooLong(label, max));
	return ok(value || null);
}

/** "14/02/1998", "14-02-1998", "1998-02-14" → 1998-02-14: a real day after 1900 and before `today` (yyyy-mm-dd). */
export function parseBirthDate(raw: string, today: string): Parsed<string | null> {
	const text = cleanText(raw);
	if (text === '') return ok(null);
	const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00(?::00(?:\.000)?)?Z?)?$/.exec(text);
	const [year, month, day] = french
		? [Number(french[3]), Number(french[2]), Number(french[1])]
		: iso
			? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
			: [NaN, NaN, NaN];
	if (!isRealDate(year, month, day)) return bad(t.invalid.birthDate(text));
	const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	if (year < 1900 || date >= today) return bad(t.invalid.birthDateRange(text));
	return ok(date);
}

const MALE = new Set(['m', 'h', 'homme', 'masculin', 'male', 'man', 'monsieur', 'mr', 'm.', '1']);
const FEMALE = new Set(['f', 'femme', 'feminin', 'female', 'woman', 'madame', 'mme', 'mlle', 'mademoiselle', '2']);

/** "M", "H", "Homme", "Masculin", "Monsieur" → M; "F", "Femme", "Féminin", "Madame", "Mme" → F (1 and 2 as in the NIR). */
export function parseSex(raw: string): Parsed<Sex | null> {
	const text = cleanText(raw);
	const key = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
	if (key === '') return ok(null);
	if (MALE.has(key)) return ok('M');
	if (FEMALE.has(key)) return ok('F');
	return bad(t.invalid.sex(text));
}

/**
 * The INSEE code of a French commune: 5 characters, a département (01–95, 2A, 2B, 97x overseas)
 * then the commune. "75056", "2a004" → "2A004". A Corsican code in 20 (before 1976) is refused with
 * the reason, as is a country code (99xxx).
 */
export function parseCommuneCode(raw: string): Parsed<string | null> {
	const text = cleanText(raw).toUpperCase().replace(/ /g, '');
	if (text === '') return ok(null);
	if (/^99\d{3}$/.test(text)) return bad(t.invalid.communeCodeIsCountry(text));
	if (/^20\d{3}$/.test(text)) return bad(t.invalid.communeCodeCorsica(text));
	if (/^(0[1-9]|[1-8]\d|9[0-8]|2[AB])\d{3}$/.test(text)) return ok(text);
	return bad(t.invalid.communeCode(cleanText(raw)));
}

/** The INSEE code of a foreign country: 99 then 3 digits ("99350" for Morocco); France's own (99100) is refused. */
export function parseCountryCode(raw: string): Parsed<string | null> {
	const text = cleanText(raw).replace(/ /g, '');
	if (text === '') return ok(null);
	if (text === '99100') return bad(t.invalid.countryIsFrance);
	if (/^99\d{3}$/.test(text)) return ok(text);
	return bad(t.invalid.countryCode(cleanText(raw)));
}

/** « France », « FR », 99100: the country column of a person born in France. */
export function isFranceCountry(raw: string): boolean {
	return ['france', 'fr', 'fra', '99100'].includes(normalizeHeader(raw).replace(/ /g, ''));
}

const ACCESS_MODE_KEYS = new Map<string, AccessMode>([
	...ACCESS_MODES.map((mode) => [normalizeHeader(mode), mode] as const),
	...(Object.entries(t.accessModes) as [AccessMode, string][]).map(([mode, label]) => [normalizeHeader(label), mode] as const),
	['formation initiale', 'FORMATION_INITIALE_HORS_APPRENTISSAGE'],
	['apprentissage', 'FORMATION_INITIALE_APPRENTISSAGE'],
	['alternance', 'FORMATION_INITIALE_APPRENTISSAGE'],
	['formation continue', 'FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION'],
	['contrat de professionnalisation', 'FORMATION_CONTINUE_CONTRAT_DE_PROFESSIONNALISATION'],
	['contrat pro', 'FORMATION_CONTINUE_CONTRAT_DE_PROFESSIONNALISATION'],
	['validation des acquis de l experience', 'VAE'],
	['candidat libre', 'CANDIDAT_LIBRE'],
	['libre', 'CANDIDAT_LIBRE']
]);

/** The CDC's code ("VAE") or its French label, written loosely ("Formation continue", "apprentissage"). */
export function parseAccessMode(raw: string): Parsed<AccessMode | null> {
	const text = cleanText(raw);
	if (text === '') return ok(null);
	const mode = ACCESS_MODE_KEYS.get(normalizeHeader(text));
	return mode ? ok(mode) : bad(t.invalid.accessMode(text));
}

/** The fields a form posts, as strings; `bornIn` is "france" or "abroad". */
export type CivilStatusForm = Partial<Record<CivilStatusField | 'bornIn', string>>;

/**
 * A civil status typed in a form: every field checked, the first wrong one named with its French
 * message. Empty fields stay missing (listed before the export), they are not errors.
 */
export function validateCivilStatus(
	form: CivilStatusForm,
	today: string
): { ok: true; value: CivilStatus } | { ok: false; field: CivilStatusField | 'bornIn'; message: string } {
	const bornIn = form.bornIn ?? '';
	if (bornIn !== '' && bornIn !== 'france' && bornIn !== 'abroad') return { ok: false, field: 'bornIn', message: t.invalid.bornIn };
	const checks: { [K in CivilStatusField]: Parsed<CivilStatus[K]> } = {
		birthName: parseName(form.birthName ?? '', t.fields.birthName),
		usageName: parseName(form.usageName ?? '', t.fields.usageName),
		firstNames: parseName(form.firstNames ?? '', t.fields.firstNames, FIRST_NAMES_MAX),
		birthDate: parseBirthDate(form.birthDate ?? '', today),
		sex: parseSex(form.sex ?? ''),
		birthCommuneCode: bornIn === 'abroad' ? ok(null) : parseCommuneCode(form.birthCommuneCode ?? ''),
		birthCountryCode: bornIn === 'abroad' ? parseCountryCode(form.birthCountryCode ?? '') : ok(null),
		birthPlaceLabel: parseName(form.birthPlaceLabel ?? '', t.fields.birthPlaceLabel),
		accessMode: parseAccessMode(form.accessMode ?? '')
	};
	const value = { ...EMPTY_CIVIL_STATUS };
	for (const [field, parsed] of Object.entries(checks) as [CivilStatusField, Parsed<unknown>][]) {
		if (!parsed.ok) return { ok: false, field, message: parsed.message };
		(value as Record<CivilStatusField, unknown>)[field] = parsed.value;
	}
	return { ok: true, value };
}

/** Values given override what is known; a value not given keeps the known one (an import never erases). */
export function mergeCivilStatus(known: CivilStatus, given: Partial<CivilStatus>): CivilStatus {
	const merged = { ...known };
	for (const [field, value] of Object.entries(given) as [CivilStatusField, CivilStatus[CivilStatusField]][])
		if (value !== null && value !== undefined) (merged as Record<CivilStatusField, unknown>)[field] = value;
	// A birth place is a commune or a country, never both: the one given wins.
	if (given.birthCommuneCode) merged.birthCountryCode = null;
	else if (given.birthCountryCode) merged.birthCommuneCode = null;
	return merged;
}

export type MissingField = 'birthName' | 'firstNames' | 'birthDate' | 'sex' | 'birthPlace' | 'birthPlaceLabel' | 'accessMode';

/** What the declaration still lacks; the access mode falls back on the certifier's default. */
export function missingCivilStatus(status: CivilStatus, defaultAccessMode: AccessMode | null): MissingField[] {
	const missing: MissingField[] = [];
	if (!status.birthName) missing.push('birthName');
	if (!status.firstNames) missing.push('firstNames');
	if (!status.birthDate) missing.push('birthDate');
	if (!status.sex) missing.push('sex');
	if (!status.birthCommuneCode && !status.birthCountryCode) missing.push('birthPlace');
	if (!status.birthPlaceLabel) missing.push('birthPlaceLabel');
	if (!status.accessMode && !defaultAccessMode) missing.push('accessMode');
	return missing;
}

/** The first of the first names, as `prenom1`: "Marie Claire" → "Marie", "Jean-Pierre, Louis" → "Jean-Pierre". */
export function firstGivenName(firstNames: string): string {
	return cleanText(firstNames).split(/[\s,]+/)[0] ?? '';
}
