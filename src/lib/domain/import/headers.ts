import { accommodationField, lookalikeKind, type AccommodationField } from './accommodations';

/** The holder's civil status for the declaration to the Caisse des Dépôts: optional columns (docs/cdc-accrochage.md). */
export type CivilStatusColumn =
	| 'birthName'
	| 'usageName'
	| 'givenNames'
	| 'birthDate'
	| 'sex'
	| 'birthCommuneCode'
	| 'birthCountryCode'
	| 'birthPlaceLabel'
	| 'accessMode';

/** The columns a candidate file may have. */
export type CandidateField =
	| AccommodationField
	| 'lastName'
	| 'firstName'
	| CivilStatusColumn
	| 'email'
	| 'cohort'
	| 'company'
	| 'projectTitle'
	| 'projectAbstract'
	| 'tags'
	| 'team'
	| 'timezone'
	| 'unavailability';

export const REQUIRED_FIELDS: CandidateField[] = ['lastName', 'firstName', 'email', 'projectTitle'];

/** The name each column is given in messages and in the preview. */
export const FIELD_LABELS: Record<CandidateField, string> = {
	lastName: 'Nom',
	firstName: 'Prénom',
	birthName: 'Nom de naissance',
	usageName: 'Nom d’usage',
	givenNames: 'Prénoms d’état civil',
	birthDate: 'Date de naissance',
	sex: 'Sexe',
	birthCommuneCode: 'Code INSEE de la commune de naissance',
	birthCountryCode: 'Code INSEE du pays de naissance',
	birthPlaceLabel: 'Commune de naissance',
	accessMode: 'Modalité d’accès',
	email: 'E-mail',
	cohort: 'Promotion',
	company: 'Entreprise',
	projectTitle: 'Titre du projet',
	projectAbstract: 'Résumé',
	tags: 'Mots-clés',
	team: 'Équipe',
	timezone: 'Fuseau horaire',
	extraTime: 'Tiers-temps',
	extraTimeMinutes: 'Temps supplémentaire (minutes)',
	otherArrangements: 'Autres aménagements',
	unavailability: 'Indisponibilités'
};

/** "Adresse e-mail", "ADRESSE_EMAIL " and "adresse email" all become "adresse email". */
export function normalizeHeader(label: string): string {
	return label
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

// Written the way people type them. Keys are compared without spaces, so "E-mail", "E mail"
// and "Email" are one spelling, as are "Tiers-temps" and "Tiers temps".
const SYNONYMS: Record<CandidateField, string[]> = {
	lastName: ['Nom', 'Nom de famille', 'Last name', 'Surname', 'Family name'],
	firstName: ['Prénom', 'Prénoms', 'First name', 'Given name'],
	birthName: ['Nom de naissance', 'Nom patronymique', 'Nom de jeune fille', 'Nom à la naissance', 'Birth name'],
	usageName: ['Nom d’usage', 'Nom marital', 'Nom d’épouse', 'Usage name'],
	givenNames: ['Prénoms d’état civil', 'Prénoms état civil', 'Prénoms à l’état civil', 'Tous les prénoms'],
	birthDate: [
		'Date de naissance',
		'Date naissance',
		'Né le',
		'Née le',
		'Né(e) le',
		'Né·e le',
		'Naissance',
		'DDN',
		'Birth date',
		'Date of birth'
	],
	sex: ['Sexe', 'Genre', 'Civilité', 'Sex', 'Gender'],
	birthCommuneCode: [
		'Code INSEE de naissance',
		'Code INSEE naissance',
		'Code INSEE de la commune de naissance',
		'Code INSEE commune de naissance',
		'Code commune de naissance',
		'Commune de naissance (code INSEE)',
		'Code INSEE'
	],
	birthCountryCode: ['Code INSEE du pays de naissance', 'Code pays de naissance', 'Code INSEE pays de naissance', 'Pays de naissance'],
	birthPlaceLabel: ['Commune de naissance', 'Lieu de naissance', 'Ville de naissance', 'Libellé commune de naissance'],
	accessMode: ['Modalité d’accès', 'Voie d’accès', 'Mode d’accès', 'Modalité d’inscription', 'Voie d’accès à la certification'],
	email: ['E-mail', 'Mail', 'Courriel', 'Adresse e-mail', 'Adresse mail', 'Adresse électronique', 'E-mail address'],
	cohort: ['Promotion', 'Promo', 'Cohorte', 'Cohort', 'Classe'],
	company: ['Entreprise', 'Société', 'Employeur', 'Structure', 'Company', 'Entreprise d’accueil'],
	projectTitle: ['Titre du projet', 'Projet', 'Titre', 'Intitulé du projet', 'Project', 'Project title'],
	projectAbstract: ['Résumé', 'Résumé du projet', 'Description', 'Description du projet', 'Abstract', 'Summary'],
	tags: ['Tags', 'Tag', 'Mots-clés', 'Mot-clé', 'Thèmes', 'Keywords'],
	team: ['Équipe', 'Nom d’équipe', 'Binôme', 'Groupe', 'Team'],
	timezone: ['Fuseau horaire', 'Fuseau', 'Time zone', 'Timezone', 'TZ'],
	extraTime: ['Tiers-temps', '1/3 temps', 'Temps supplémentaire', 'Temps additionnel', 'Temps majoré', 'Majoration', 'Extra time'],
	extraTimeMinutes: ['Temps supplémentaire (minutes)', 'Temps supplémentaire en minutes', 'Minutes supplémentaires', 'Extra minutes'],
	otherArrangements: [
		'Autres aménagements',
		'Aménagements',
		'Aménagement',
		'Aménagements d’épreuve',
		'Besoins particuliers',
		'PSH',
		'RQTH',
		'Accommodations'
	],
	unavailability: ['Indisponibilités', 'Indisponibilité', 'Indispo', 'Indisponible', 'Absences', 'Unavailability']
};

function compactKey(label: string): string {
	return normalizeHeader(label).replace(/ /g, '');
}

const FIELD_BY_HEADER = new Map<string, CandidateField>(
	(Object.entries(SYNONYMS) as [CandidateField, string[]][]).flatMap(([field, labels]) =>
		labels.map((label) => [compactKey(label), field] as const)
	)
);

export interface HeaderMatch {
	/** Column index of each recognised field. */
	columns: Partial<Record<CandidateField, number>>;
	/** Columns nobody understood (reported as warnings and ignored). */
	unknown: { index: number; label: string }[];
	/** Columns nobody understood that look like an accommodation or a civil-status field: they stop the import. */
	refused: { index: number; label: string; kind: 'accommodation' | 'civilStatus' }[];
	/** A field given by two columns (the second is ignored and reported). */
	repeated: { index: number; label: string; field: CandidateField; firstIndex: number }[];
	missing: CandidateField[];
}

export function matchHeaders(header: string[]): HeaderMatch {
	const columns: Partial<Record<CandidateField, number>> = {};
	const unknown: HeaderMatch['unknown'] = [];
	const refused: HeaderMatch['refused'] = [];
	const repeated: HeaderMatch['repeated'] = [];
	header.forEach((label, index) => {
		const key = compactKey(label);
		if (key === '') return;
		const field = FIELD_BY_HEADER.get(key) ?? accommodationField(normalizeHeader(label));
		const kind = field ? null : lookalikeKind(normalizeHeader(label));
		if (kind) refused.push({ index, label: label.trim(), kind });
		else if (!field) unknown.push({ index, label: label.trim() });
		else if (columns[field] !== undefined) repeated.push({ index, label: label.trim(), field, firstIndex: columns[field]! });
		else columns[field] = index;
	});
	// A file naming its people by their birth name alone: that column is also their name.
	if (columns.lastName === undefined && columns.birthName !== undefined) columns.lastName = columns.birthName;
	return { columns, unknown, refused, repeated, missing: REQUIRED_FIELDS.filter((field) => columns[field] === undefined) };
}

/** Spreadsheet column letter for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
	let letters = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	return letters;
}
