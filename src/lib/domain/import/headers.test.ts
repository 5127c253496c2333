import { describe, expect, it } from 'vitest';
import { columnLetter, matchHeaders, normalizeHeader } from './headers';

describe('matchHeaders', () => {
	it('matches the French sample headers', () => {
		const match = matchHeaders([
			'Nom',
			'Prénom',
			'Email',
			'Promotion',
			'Entreprise',
			'Titre du projet',
			'Équipe',
			'Fuseau horaire',
			'Tiers-temps',
			'Indisponibilités'
		]);
		expect(match.columns).toEqual({
			lastName: 0,
			firstName: 1,
			email: 2,
			cohort: 3,
			company: 4,
			projectTitle: 5,
			team: 6,
			timezone: 7,
			extraTime: 8,
			unavailability: 9
		});
		expect(match).toMatchObject({ unknown: [], repeated: [], missing: [] });
	});

	it('ignores case, accents, spacing and punctuation, and knows the usual synonyms', () => {
		const headers = [
			'  NOM DE FAMILLE ',
			'prenom',
			'Adresse E-Mail',
			'Cohorte',
			'Société',
			'Projet',
			'Description',
			'Mots clés',
			'equipe',
			'Fuseau_horaire',
			'Temps supplémentaire (%)',
			'INDISPONIBILITES'
		];
		expect(Object.keys(matchHeaders(headers).columns)).toHaveLength(12);
		expect(matchHeaders(['Last name', 'First name', 'Courriel', 'Project title']).missing).toEqual([]);
		expect(matchHeaders(['E mail']).columns.email).toBe(0);
	});

	it('reports unknown and repeated columns, and the missing required ones', () => {
		const match = matchHeaders(['Prénom', 'Téléphone', 'Email', 'Courriel', '']);
		expect(match.unknown).toEqual([{ index: 1, label: 'Téléphone' }]);
		expect(match.repeated).toEqual([{ index: 3, label: 'Courriel', field: 'email', firstIndex: 2 }]);
		expect(match.missing).toEqual(['lastName', 'projectTitle']);
	});
});

describe('helpers', () => {
	it('normalises header labels', () => {
		expect(normalizeHeader(' Adresse  e-mail ')).toBe('adresse e mail');
		expect(normalizeHeader('Résumé (texte)')).toBe('resume texte');
	});

	it('names columns like a spreadsheet', () => {
		expect([0, 9, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'J', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
	});
});
