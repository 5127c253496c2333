// How a candidate file speaks of accommodations, and the columns the import must not ignore.
// Headers are compared as normalizeHeader gives them: lower case, no accents, words separated by
// one space ("Tiers-temps (min)" → "tiers temps min", "Né(e) le" → "ne e le").

/** The accommodation columns a candidate file may have. */
export type AccommodationField = 'extraTime' | 'extraTimeMinutes' | 'otherArrangements';

const EXTRA_TIME_PHRASES = [
	'tiers temps',
	'1 3 temps',
	'temps supplementaire',
	'temps additionnel',
	'temps majore',
	'majoration',
	'majoration de temps',
	'temps en plus',
	'duree supplementaire',
	'duree majoree',
	'extra time'
];
const MINUTE_WORDS = ['min', 'mn', 'minute', 'minutes'];
const ARRANGEMENT_PHRASES = [
	'amenagement',
	'amenagements',
	'besoin particulier',
	'besoins particuliers',
	'besoins specifiques',
	'psh',
	'rqth',
	'handicap',
	'situation de handicap',
	'mdph',
	'adaptation',
	'adaptations',
	'accessibilite',
	'accommodation',
	'accommodations'
];

/**
 * The words that, in a header nobody recognised, mean the column is about an accommodation or a
 * candidate's civil status: such a column stops the import rather than being dropped. The one
 * list of them: a column the import understands (see headers.ts) is never looked at here.
 */
export const LOOKALIKE_WORDS = {
	accommodation: [...EXTRA_TIME_PHRASES, ...ARRANGEMENT_PHRASES, 'tiers', 'temps', 'amenage', 'amenagee', 'compensation', 'aide humaine'],
	civilStatus: [
		'naissance',
		'ne',
		'nee',
		'ne e',
		'sexe',
		'genre',
		'civilite',
		'lieu',
		'insee',
		'commune',
		'pays',
		'nationalite',
		'usage',
		'nom d usage',
		'nom marital',
		'date de naissance',
		'modalite d acces',
		'voie d acces',
		'nir',
		'securite sociale'
	]
} as const;

/** The phrase occurs in the header as whole words. */
function hasPhrase(header: string, phrase: string): boolean {
	return ` ${header} `.includes(` ${phrase} `);
}

/** An accommodation column under a wording the synonyms do not list: "Tiers temps (en minutes)", "Aménagements PSH"… */
export function accommodationField(header: string): AccommodationField | null {
	if (EXTRA_TIME_PHRASES.some((phrase) => hasPhrase(header, phrase)))
		return MINUTE_WORDS.some((word) => hasPhrase(header, word)) ? 'extraTimeMinutes' : 'extraTime';
	if (ARRANGEMENT_PHRASES.some((phrase) => hasPhrase(header, phrase))) return 'otherArrangements';
	return null;
}

/** Whether an unrecognised header looks like an accommodation or a civil-status field. */
export function lookalikeKind(header: string): keyof typeof LOOKALIKE_WORDS | null {
	for (const kind of ['accommodation', 'civilStatus'] as const)
		if (LOOKALIKE_WORDS[kind].some((word) => hasPhrase(header, word))) return kind;
	return null;
}
