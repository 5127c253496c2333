import { describe, expect, it } from 'vitest';
import { cleanText, displayName, parseEmail, parseExtraTime, parseTags, parseTimeZone, parseUnavailability, teamKey } from './values';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; message: string }) =>
	parsed.ok ? parsed.value : `ERREUR ${parsed.message}`;

describe('parseExtraTime', () => {
	it.each([
		['oui', 33],
		['OUI ', 33],
		['non', 0],
		['', 0],
		['25', 25],
		['25 %', 25],
		['25%', 25],
		['33,3', 33],
		['100', 100],
		['tiers-temps', 33]
	])('reads %j as %i', (raw, expected) => {
		expect(value(parseExtraTime(raw))).toBe(expected);
	});

	it('refuses out-of-range and unreadable values with the value in the message', () => {
		expect(value(parseExtraTime('150 %'))).toMatch(/hors limites : « 150 % »/);
		expect(value(parseExtraTime('-5'))).toMatch(/hors limites/);
		expect(value(parseExtraTime('peut-être'))).toMatch(/illisible : « peut-être »/);
	});
});

describe('parseTimeZone', () => {
	it('accepts IANA zones in any case, keeps links as typed, and falls back to the session zone', () => {
		expect(value(parseTimeZone('europe/paris', 'UTC'))).toBe('Europe/Paris');
		expect(value(parseTimeZone('America/Montreal', 'UTC'))).toBe('America/Montreal');
		expect(value(parseTimeZone('America/New York', 'UTC'))).toBe('America/New_York');
		expect(value(parseTimeZone('  ', 'Europe/Paris'))).toBe('Europe/Paris');
	});

	it('refuses unknown zones and bare offsets or abbreviations', () => {
		for (const raw of ['Europe/Atlantide', 'CET', 'Paris', '+01:00'])
			expect(value(parseTimeZone(raw, 'UTC'))).toMatch(/Fuseau horaire inconnu/);
	});
});

describe('parseUnavailability', () => {
	const iso = (raw: string, zone = 'Europe/Paris') => {
		const parsed = parseUnavailability(raw, zone);
		return parsed.ok
			? parsed.value.map((range) => [range.startsAt.toISOString(), range.endsAt.toISOString(), range.label])
			: parsed.message;
	};

	it('refuses an hour range that falls wholly in the hour skipped when clocks go forward', () => {
		expect(iso('28/03/2027 02:00-03:00')).toContain("heure d'été");
		expect(iso('28/03/2027 02:00-04:00')).toEqual([['2027-03-28T01:00:00.000Z', '2027-03-28T02:00:00.000Z', '28/03/2027 02:00-04:00']]);
	});

	it('reads half-days (00:00–13:00, 13:00–24:00), whole days and hour ranges in the given zone', () => {
		expect(iso('08/03/2027 matin')).toEqual([['2027-03-07T23:00:00.000Z', '2027-03-08T12:00:00.000Z', '08/03/2027 matin']]);
		expect(iso('08/03/2027 après-midi')).toEqual([['2027-03-08T12:00:00.000Z', '2027-03-08T23:00:00.000Z', '08/03/2027 après-midi']]);
		expect(iso('8/3/2027')).toEqual([['2027-03-07T23:00:00.000Z', '2027-03-08T23:00:00.000Z', '8/3/2027']]);
		expect(iso('08/03/2027 14:00-16:30', 'America/Montreal')).toEqual([
			['2027-03-08T19:00:00.000Z', '2027-03-08T21:30:00.000Z', '08/03/2027 14:00-16:30']
		]);
		expect(iso('08/03/2027 9h-12h')).toEqual([['2027-03-08T08:00:00.000Z', '2027-03-08T11:00:00.000Z', '08/03/2027 9h-12h']]);
	});

	it('keeps DST days right: 28/03/2027 in Paris lasts 23 hours', () => {
		expect(iso('28/03/2027')).toEqual([['2027-03-27T23:00:00.000Z', '2027-03-28T22:00:00.000Z', '28/03/2027']]);
		expect(iso('28/03/2027 après-midi')).toEqual([['2027-03-28T11:00:00.000Z', '2027-03-28T22:00:00.000Z', '28/03/2027 après-midi']]);
	});

	it('reads several entries separated by commas or pipes, and an empty cell as none', () => {
		expect(iso('08/03/2027 matin, 09/03/2027 | 10/03/2027 APRES-MIDI')).toHaveLength(3);
		expect(iso('')).toEqual([]);
	});

	it('refuses unreadable entries, impossible dates and reversed hours', () => {
		expect(iso('08/03/2027 soir')).toMatch(/illisible : « 08\/03\/2027 soir »/);
		expect(iso('2027-03-08')).toMatch(/illisible/);
		expect(iso('31/02/2027 matin')).toMatch(/Date inexistante/);
		expect(iso('08/03/2027 16:00-14:00')).toMatch(/fin doit suivre/);
		expect(iso('08/03/2027 25:00-26:00')).toMatch(/illisible/);
	});
});

describe('small parsers', () => {
	it('lower-cases and checks e-mails', () => {
		expect(value(parseEmail(' Zoe.Dubois@Exemple.FR '))).toBe('zoe.dubois@exemple.fr');
		expect(value(parseEmail('zoe.dubois@'))).toMatch(/n'est pas une adresse e-mail valide/);
		expect(value(parseEmail(''))).toMatch(/obligatoire/);
	});

	it('splits tags without duplicates, names people "Prénom Nom", compares teams loosely', () => {
		expect(parseTags('NLP, nlp ; vision|  séries temporelles ,')).toEqual(['NLP', 'vision', 'séries temporelles']);
		expect(displayName(' Zoé ', 'Dubois\u00a0 ')).toBe('Zoé Dubois');
		expect(teamKey('  Équipe   Bleue ')).toBe(teamKey('équipe bleue'));
		expect(cleanText('a\u202f b')).toBe('a b');
	});
});
