import { describe, expect, it } from 'vitest';
import { accommodationField, lookalikeKind, LOOKALIKE_WORDS } from './accommodations';
import { matchHeaders, normalizeHeader } from './headers';
import { extraTimeIn, parseArrangements, parseExtraTime, parseExtraTimeMinutes } from './values';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; message: string }) =>
	parsed.ok ? parsed.value : `ERREUR ${parsed.message}`;

describe('accommodation columns under the usual French wordings', () => {
	it.each([
		['Tiers-temps', 'extraTime'],
		['1/3 temps', 'extraTime'],
		['Tiers temps (%)', 'extraTime'],
		['Temps majoré', 'extraTime'],
		['Majoration de temps (%)', 'extraTime'],
		['Temps supplémentaire accordé', 'extraTime'],
		['Durée supplémentaire', 'extraTime'],
		['Temps supplémentaire (minutes)', 'extraTimeMinutes'],
		['Tiers-temps en min', 'extraTimeMinutes'],
		['Temps additionnel (mn)', 'extraTimeMinutes'],
		['Aménagements', 'otherArrangements'],
		['Autres aménagements', 'otherArrangements'],
		['Aménagements d’épreuve', 'otherArrangements'],
		['Besoins particuliers', 'otherArrangements'],
		['PSH', 'otherArrangements'],
		['RQTH', 'otherArrangements'],
		['Situation de handicap', 'otherArrangements'],
		['Aménagements PSH / RQTH', 'otherArrangements']
	])('reads « %s » as %s', (header, field) => {
		const match = matchHeaders(['Nom', 'Prénom', 'Email', 'Titre du projet', header]);
		expect(match.columns).toMatchObject({ [field]: 4 });
		expect(match.unknown).toEqual([]);
		expect(match.refused).toEqual([]);
	});

	it('finds the field from the words, not only from the listed spellings', () => {
		expect(accommodationField(normalizeHeader('Tiers temps (en minutes)'))).toBe('extraTimeMinutes');
		expect(accommodationField(normalizeHeader('Aménagements demandés'))).toBe('otherArrangements');
		expect(accommodationField(normalizeHeader('Remarques'))).toBeNull();
	});
});

describe('a column that looks like an accommodation or a civil-status field', () => {
	it.each([
		// The civil status columns of the declaration (« Date de naissance », « Sexe »…) are read; these are not.
		['Département de naissance', 'civilStatus'],
		['Née à', 'civilStatus'],
		['Nationalité', 'civilStatus'],
		['Genre déclaré', 'civilStatus'],
		['Code INSEE commune', 'civilStatus'],
		['Nom d’usage du conjoint', 'civilStatus'],
		['N° de sécurité sociale', 'civilStatus'],
		['Temps', 'accommodation'],
		['Tiers', 'accommodation'],
		['Compensation', 'accommodation']
	])('refuses « %s » (%s) instead of ignoring it', (header, kind) => {
		const match = matchHeaders(['Nom', 'Prénom', 'Email', 'Titre du projet', header]);
		expect(match.refused).toEqual([{ index: 4, label: header, kind }]);
		expect(match.unknown).toEqual([]);
	});

	it('still only warns about a column that looks like neither', () => {
		expect(lookalikeKind(normalizeHeader('Téléphone'))).toBeNull();
		expect(matchHeaders(['Nom', 'Remarque']).refused).toEqual([]);
	});

	it('keeps the look-alike words in one list, written as headers are compared', () => {
		for (const word of [...LOOKALIKE_WORDS.accommodation, ...LOOKALIKE_WORDS.civilStatus]) expect(normalizeHeader(word)).toBe(word);
	});
});

describe('extra time values', () => {
	it.each([
		['tiers-temps', 33],
		['Tiers temps', 33],
		['1/3 temps', 33],
		['1/3', 33],
		['un tiers temps', 33],
		['10 min', 50],
		['7,5 minutes', 38],
		['25 %', 25]
	])('reads %j against a 20-minute épreuve as %i %', (raw, expected) => {
		expect(value(parseExtraTime(raw, 20))).toBe(expected);
	});

	it('reads a column of minutes, bare numbers included, and refuses more minutes than the épreuve', () => {
		expect(value(parseExtraTimeMinutes('10', 20))).toBe(50);
		expect(value(parseExtraTimeMinutes('', 20))).toBe(0);
		expect(value(parseExtraTimeMinutes('tiers-temps', 20))).toBe(33);
		expect(value(parseExtraTimeMinutes('30', 20))).toMatch(/dépasse la durée de l’épreuve \(20 min/);
	});

	it('takes minutes only where the épreuve is known: the candidate form asks for a percentage', () => {
		expect(value(parseExtraTime('10 min'))).toMatch(/illisible/);
	});

	it('finds extra time in an arrangement’s words', () => {
		expect(extraTimeIn('Tiers-temps, salle isolée')).toBe(33);
		expect(extraTimeIn('Temps majoré de 25 % et ordinateur')).toBe(25);
		expect(extraTimeIn('Secrétaire lecteur')).toBeNull();
	});

	it('keeps an arrangement’s lines, and reads « néant » or an empty cell as none', () => {
		expect(value(parseArrangements(' Salle  isolée \n\n ordinateur ', 100))).toBe('Salle isolée\nordinateur');
		expect(value(parseArrangements('Néant', 100))).toBeNull();
		expect(value(parseArrangements('', 100))).toBeNull();
		expect(value(parseArrangements('x'.repeat(101), 100))).toMatch(/dépasse 100 caractères/);
	});
});
