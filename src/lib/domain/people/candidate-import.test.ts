import { describe, expect, it } from 'vitest';
import { reviewCandidateSheet, sheetEmails, type ImportContext } from './candidate-import';
import { parseDelimited, toSheet } from '../import/sheet';

const EMPTY: ImportContext = { sessionTimezone: 'Europe/Paris', examMinutes: 20, accounts: new Map(), registrations: [] };
const sheetOf = (text: string) => toSheet(parseDelimited(text))!;
const review = (text: string, context: ImportContext = EMPTY) => reviewCandidateSheet(sheetOf(text), context);
const HEADER = 'Nom;Prénom;Email;Titre du projet;Équipe;Fuseau horaire;Tiers-temps;Indisponibilités';

describe('reviewCandidateSheet', () => {
	it('builds drafts with display name, defaults and parsed values', () => {
		const result = review(`${HEADER}\nDubois;Zoé;ZOE@x.fr;Projet A;;;oui;08/03/2027 matin`);
		expect(result.errorCount).toBe(0);
		expect(result.drafts[0]).toMatchObject({
			line: 2,
			email: 'zoe@x.fr',
			displayName: 'Zoé Dubois',
			team: null,
			timezone: 'Europe/Paris',
			extraTimePercent: 33,
			cohort: null,
			existingUserId: null
		});
		expect(result.drafts[0].unavailability).toHaveLength(1);
	});

	it('locates each problem by line, header as written and cell reference', () => {
		const result = review(`${HEADER}\n;Zoé;zoe@x.fr;;;Mars/Olympus;oui;\nMartin;Léo;leo@;Projet;;;;demain`);
		expect(result.problems.map((problem) => [problem.line, problem.column, problem.cell])).toEqual([
			[2, 'Nom', 'A2'],
			[2, 'Titre du projet', 'D2'],
			[2, 'Fuseau horaire', 'F2'],
			[3, 'Email', 'C3'],
			[3, 'Indisponibilités', 'H3']
		]);
		expect(result.errorCount).toBe(5);
	});

	it('reads unavailability in the candidate zone, not the session zone', () => {
		const result = review(`${HEADER}\nB;É;e@x.ca;P;;America/Montreal;non;08/03/2027 14:00-15:00`);
		expect(result.drafts[0].unavailability[0].startsAt.toISOString()).toBe('2027-03-08T19:00:00.000Z');
	});

	it('reports duplicates in the file, staff e-mails, registrations in the session, and reuses other candidates', () => {
		const context: ImportContext = {
			...EMPTY,
			accounts: new Map([
				['jury@x.fr', { userId: 'j', role: 'juror', registeredInSession: false }],
				['here@x.fr', { userId: 'h', role: 'candidate', registeredInSession: true }],
				['back@x.fr', { userId: 'b', role: 'candidate', registeredInSession: false }]
			])
		};
		const result = review(
			`${HEADER}\nA;a;a@x.fr;P;;;;\nB;b;A@X.FR;P;;;;\nC;c;jury@x.fr;P;;;;\nD;d;here@x.fr;P;;;;\nE;e;back@x.fr;P;;;;`,
			context
		);
		expect(result.problems.map((problem) => [problem.severity, problem.line, problem.message])).toEqual([
			['error', 3, 'a@x.fr figure déjà ligne 2.'],
			['error', 4, expect.stringContaining('juré·e ou de coordination')],
			['error', 5, 'here@x.fr est déjà inscrit·e à cette session.'],
			['warning', 6, expect.stringContaining('Compte candidat existant')]
		]);
		expect(result.drafts[4].existingUserId).toBe('b');
	});

	it('applies the team rule: at least two members among the file and the session, one spelling, same project', () => {
		const alone = review(`${HEADER}\nA;a;a@x.fr;P;Bleue;;;`);
		expect(alone.problems).toEqual([
			expect.objectContaining({
				severity: 'error',
				line: 2,
				column: 'Équipe',
				cell: 'E2',
				message: expect.stringContaining('Équipe inconnue « Bleue »')
			})
		]);

		const joined = review(`${HEADER}\nA;a;a@x.fr;P;  bleue ;;;`, {
			...EMPTY,
			registrations: [{ email: 'b@x.fr', team: 'Bleue', projectTitle: 'P' }]
		});
		expect(joined.errorCount).toBe(0);
		expect(joined.drafts[0].team).toBe('Bleue');

		const split = review(`${HEADER}\nA;a;a@x.fr;P1;Rouge;;;\nB;b;b@x.fr;P2;ROUGE;;;`);
		expect(split.errorCount).toBe(0);
		expect(split.drafts.map((draft) => draft.team)).toEqual(['Rouge', 'Rouge']);
		expect(split.problems).toEqual([
			expect.objectContaining({ severity: 'warning', line: 2, message: expect.stringContaining('« P1 », « P2 »') })
		]);
	});

	it('reports missing required columns once, not on every row, and warns about unknown ones', () => {
		const result = review('Prénom;Email;Remarque\na;a@x.fr;r');
		expect(result.problems.map((problem) => [problem.severity, problem.line, problem.column])).toEqual([
			['error', 1, 'Nom'],
			['error', 1, 'Titre du projet'],
			['warning', 1, 'Remarque']
		]);
	});

	it('warns about cells beyond the header and limits text lengths', () => {
		const result = review(`Nom;Prénom;Email;Projet\nA;a;a@x.fr;${'x'.repeat(301)};extra`);
		expect(result.problems.map((problem) => [problem.severity, problem.column])).toEqual([
			['warning', null],
			['error', 'Projet']
		]);
	});
});

describe('sheetEmails', () => {
	it('lists the valid e-mails once, lower-cased', () => {
		expect(sheetEmails(sheetOf('Email;Nom\nA@x.fr;a\na@x.fr;b\nbad;c'))).toEqual(['a@x.fr']);
		expect(sheetEmails(sheetOf('Nom\na'))).toEqual([]);
	});
});

describe('accommodations in a candidate file', () => {
	const HEAD = 'Nom;Prénom;Email;Titre du projet';

	it('never loses an accommodation: percent, minutes converted against the épreuve (said in the preview), arrangements kept', () => {
		const result = review(
			`${HEAD};1/3 temps;Temps supplémentaire (minutes);Besoins particuliers\n` +
				'A;a;a@x.fr;P;oui;;Salle à part\n' +
				'B;b;b@x.fr;P;;5;\n' +
				'C;c;c@x.fr;P;;;Tiers-temps et secrétaire\n' +
				'D;d;d@x.fr;P;non;;néant'
		);
		expect(result.errorCount).toBe(0);
		expect(result.drafts.map((draft) => [draft.extraTimePercent, draft.otherArrangements])).toEqual([
			[33, 'Salle à part'],
			[25, null],
			[33, 'Tiers-temps et secrétaire'],
			[0, null]
		]);
		expect(result.problems.map((problem) => [problem.severity, problem.line, problem.message])).toEqual([
			['warning', 3, '5 min de temps supplémentaire sur une épreuve de 20 min (présentation et questions) : 25 % enregistrés.'],
			['warning', 4, expect.stringContaining('Temps supplémentaire lu dans la colonne « Besoins particuliers » : 33 %')]
		]);
	});

	it('reads an arrangements cell that only gives extra time as that extra time, and refuses a bare « oui »', () => {
		const result = review(`${HEAD};Aménagement\nA;a;a@x.fr;P;tiers-temps\nB;b;b@x.fr;P;25 %\nC;c;c@x.fr;P;non\nD;d;d@x.fr;P;oui`);
		expect(result.drafts.map((draft) => [draft.extraTimePercent, draft.otherArrangements])).toEqual([
			[33, null],
			[25, null],
			[0, null],
			[0, null]
		]);
		expect(result.problems.map((problem) => [problem.severity, problem.line])).toEqual([
			['warning', 2],
			['warning', 3],
			['error', 5]
		]);
		expect(result.problems[2].message).toMatch(/^« oui » ne dit pas quel aménagement est accordé/);
	});

	it('stops the import on a column that looks like an accommodation or a civil-status field, naming it', () => {
		const result = review(`${HEAD};Département de naissance;Temps;Remarque\nA;a;a@x.fr;P;75;10;r`);
		expect(result.errorCount).toBe(2);
		expect(result.problems.map((problem) => [problem.severity, problem.column, problem.cell])).toEqual([
			['error', 'Département de naissance', 'E1'],
			['error', 'Temps', 'F1'],
			['warning', 'Remarque', 'G1']
		]);
		expect(result.problems[0].message).toMatch(
			/^Colonne « Département de naissance » non reconnue : elle ressemble à un champ d’état civil/
		);
		expect(result.problems[1].message).toMatch(/^Colonne « Temps » non reconnue : elle ressemble à un aménagement d’épreuve/);
	});

	it('refuses two extra-time columns that disagree', () => {
		const result = review(`${HEAD};Tiers-temps;Minutes supplémentaires\nA;a;a@x.fr;P;33;10`);
		expect(result.problems).toContainEqual(
			expect.objectContaining({ severity: 'error', column: 'Minutes supplémentaires', message: expect.stringMatching(/33 % et 50 %/) })
		);
	});
});
