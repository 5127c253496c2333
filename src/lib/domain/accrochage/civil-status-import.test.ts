import { describe, expect, it } from 'vitest';
import { reviewCandidateSheet, type ImportContext } from '../people/candidate-import';
import { matchHeaders } from '../import/headers';
import { parseDelimited, toSheet } from '../import/sheet';

const CONTEXT: ImportContext = {
	sessionTimezone: 'Europe/Paris',
	examMinutes: 20,
	accounts: new Map(),
	registrations: [],
	today: '2026-12-04'
};
const review = (text: string) => reviewCandidateSheet(toSheet(parseDelimited(text))!, CONTEXT);

describe('civil status columns in the candidate import', () => {
	it('are recognised under their usual French wordings', () => {
		const header = [
			'Nom',
			'Prénom',
			'Courriel',
			'Projet',
			'Nom de naissance',
			"Nom d'usage",
			'Prénoms (état civil)',
			'Né(e) le',
			'Civilité',
			'Code INSEE de naissance',
			'Pays de naissance',
			'Lieu de naissance',
			"Voie d'accès"
		];
		const match = matchHeaders(header);
		expect(match.unknown).toEqual([]);
		expect(match.columns).toMatchObject({
			birthName: 4,
			usageName: 5,
			givenNames: 6,
			birthDate: 7,
			sex: 8,
			birthCommuneCode: 9,
			birthCountryCode: 10,
			birthPlaceLabel: 11,
			accessMode: 12
		});
		// A file naming people by their birth name alone: it is also their name.
		expect(matchHeaders(['Nom de naissance', 'Prénom', 'Email', 'Projet']).missing).toEqual([]);
	});

	it('reads each value into the draft, and reports a malformed one in its cell', () => {
		const header =
			'Nom;Prénom;Email;Projet;Nom de naissance;Date de naissance;Sexe;Code INSEE;Pays de naissance;Commune de naissance;Modalité d’accès';
		const result = review(
			[
				header,
				'Martin;Zoé;zoe@x.fr;P;Dubois;14/02/1998;Femme;2a004;France;Ajaccio;VAE',
				'Diallo;Awa;awa@x.fr;P;Diallo;1999-07-03;F;;99341;Dakar;',
				'Petit;Léo;leo@x.fr;P;;31/02/1998;X;20004;Maroc;;stage',
				'Roux;Lou;lou@x.fr;P;;;;;;;'
			].join('\n')
		);
		expect(result.drafts[0].civilStatus).toEqual({
			birthName: 'Dubois',
			usageName: null,
			firstNames: null,
			birthDate: '1998-02-14',
			sex: 'F',
			birthCommuneCode: '2A004',
			birthCountryCode: null,
			birthPlaceLabel: 'Ajaccio',
			accessMode: 'VAE'
		});
		expect(result.drafts[1].civilStatus).toMatchObject({ birthCommuneCode: null, birthCountryCode: '99341', birthPlaceLabel: 'Dakar' });
		// Empty cells are not errors: the missing data is listed before the export.
		expect(result.drafts[3].civilStatus).toMatchObject({ birthName: null, birthDate: null, sex: null });
		expect(result.problems.map((problem) => [problem.cell, problem.message])).toEqual([
			['F4', expect.stringMatching(/« 31\/02\/1998 » n’est pas une date/)],
			['G4', expect.stringMatching(/« X » n’est pas un sexe/)],
			['H4', expect.stringMatching(/2A ou 2B/)],
			['I4', expect.stringMatching(/« Maroc » n’est pas un code INSEE de pays/)],
			['K4', expect.stringMatching(/« stage » n’est pas une modalité/)]
		]);
		expect(result.errorCount).toBe(5);
	});
});
