import { execFileSync } from 'node:child_process';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
	missingCivilStatus,
	parseAccessMode,
	parseBirthDate,
	parseCommuneCode,
	parseCountryCode,
	parseSex,
	validateCivilStatus,
	mergeCivilStatus,
	EMPTY_CIVIL_STATUS
} from './civil-status';
import { buildFlux, CDC_NAMESPACE, type Flux } from './flux';
import { readReceipt } from './receipt';
import { daysLeft, declarationDeadline, reminderDue } from './deadline';

const TODAY = '2026-12-04';
const value = <T>(parsed: { ok: true; value: T } | { ok: false; message: string }) => (parsed.ok ? parsed.value : parsed.message);

describe('civil status values', () => {
	it('reads real birth dates in French or ISO writing, and refuses impossible or implausible ones', () => {
		expect(value(parseBirthDate('14/02/1998', TODAY))).toBe('1998-02-14');
		expect(value(parseBirthDate('1-3-2001', TODAY))).toBe('2001-03-01');
		expect(value(parseBirthDate('2000-02-29', TODAY))).toBe('2000-02-29');
		expect(value(parseBirthDate('', TODAY))).toBeNull();
		expect(value(parseBirthDate('29/02/2001', TODAY))).toMatch(/n’est pas une date de naissance valable/);
		expect(value(parseBirthDate('31/04/1990', TODAY))).toMatch(/n’est pas une date/);
		expect(value(parseBirthDate('1998/14/02', TODAY))).toMatch(/n’est pas une date/);
		expect(value(parseBirthDate('01/01/1899', TODAY))).toMatch(/pas plausible/);
		expect(value(parseBirthDate('05/12/2026', TODAY))).toMatch(/pas plausible/);
	});

	it('reads the sex in the usual French and English spellings, and names what it cannot read', () => {
		for (const raw of ['M', 'h', 'Homme', 'Masculin', 'Monsieur', 'M.', '1']) expect(value(parseSex(raw))).toBe('M');
		for (const raw of ['F', 'femme', 'Féminin', 'Madame', 'Mme', '2']) expect(value(parseSex(raw))).toBe('F');
		expect(value(parseSex(''))).toBeNull();
		expect(value(parseSex('X'))).toBe('« X » n’est pas un sexe reconnu : écrivez M ou F.');
	});

	it('checks INSEE commune codes (Corsica in 2A/2B, overseas in 97x) and country codes (99xxx, not France)', () => {
		expect(value(parseCommuneCode('75056'))).toBe('75056');
		expect(value(parseCommuneCode('2a004'))).toBe('2A004');
		expect(value(parseCommuneCode('2B033'))).toBe('2B033');
		expect(value(parseCommuneCode('97411'))).toBe('97411');
		expect(value(parseCommuneCode('20004'))).toMatch(/2A ou 2B/);
		expect(value(parseCommuneCode('99350'))).toMatch(/code de pays/);
		for (const raw of ['7505', '750561', '00123', '2C004', 'Paris'])
			expect(value(parseCommuneCode(raw))).toMatch(/n’est pas un code INSEE de commune/);
		expect(value(parseCountryCode('99350'))).toBe('99350');
		expect(value(parseCountryCode('99100'))).toMatch(/commune/);
		for (const raw of ['98350', '9935', 'Maroc']) expect(value(parseCountryCode(raw))).toMatch(/n’est pas un code INSEE de pays/);
	});

	it('reads access modes by code or French label', () => {
		expect(value(parseAccessMode('VAE'))).toBe('VAE');
		expect(value(parseAccessMode('Formation continue'))).toBe('FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION');
		expect(value(parseAccessMode('apprentissage'))).toBe('FORMATION_INITIALE_APPRENTISSAGE');
		expect(value(parseAccessMode('Équivalence'))).toBe('EQUIVALENCE');
		expect(value(parseAccessMode('stage'))).toMatch(/modalité d’accès reconnue/);
	});

	it('validates a form field by field, keeps one birth place, and lists what the declaration still lacks', () => {
		const form = {
			birthName: ' Lefèvre ',
			firstNames: 'Amélie Jeanne',
			birthDate: '1998-02-14',
			sex: 'F',
			bornIn: 'abroad',
			birthCommuneCode: '75056',
			birthCountryCode: '99350',
			birthPlaceLabel: 'Rabat'
		};
		const valid = validateCivilStatus(form, TODAY);
		expect(valid).toEqual({
			ok: true,
			value: { ...EMPTY_CIVIL_STATUS, ...form, birthName: 'Lefèvre', birthCommuneCode: null, bornIn: undefined }
		});
		expect(validateCivilStatus({ ...form, bornIn: 'france', birthCommuneCode: '123' }, TODAY)).toMatchObject({
			ok: false,
			field: 'birthCommuneCode'
		});
		expect(validateCivilStatus({ sex: 'Z' }, TODAY)).toMatchObject({ ok: false, field: 'sex' });
		if (!valid.ok) throw new Error('valid');
		expect(missingCivilStatus(valid.value, null)).toEqual(['accessMode']);
		expect(missingCivilStatus(valid.value, 'VAE')).toEqual([]);
		expect(missingCivilStatus(EMPTY_CIVIL_STATUS, 'VAE')).toEqual([
			'birthName',
			'firstNames',
			'birthDate',
			'sex',
			'birthPlace',
			'birthPlaceLabel'
		]);
		const born = mergeCivilStatus(valid.value, { birthCommuneCode: '69123', birthName: null });
		expect(born).toMatchObject({ birthCommuneCode: '69123', birthCountryCode: null, birthName: 'Lefèvre' });
	});
});

function sampleFlux(): Flux {
	return {
		idFlux: 'SOUT-20261204-0001',
		createdAt: new Date('2026-12-04T09:30:00Z'),
		timezone: 'Europe/Paris',
		emitterClientId: '12ABC345',
		certifier: { clientId: '12ABC345', contractId: 'MCFCER000123' },
		certification: { type: 'RNCP', code: 'RNCP35288' },
		passages: [
			{
				idTechnique: 'p-1',
				awardedOn: '2026-11-12',
				accessMode: 'FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION',
				holder: {
					birthName: 'Lefèvre',
					usageName: null,
					firstNames: 'Amélie Jeanne',
					birthDate: '1998-02-14',
					sex: 'F',
					birthCommuneCode: '2A004',
					birthCountryCode: null,
					birthPlaceLabel: 'Ajaccio'
				}
			},
			{
				idTechnique: 'p-2',
				awardedOn: '2026-11-13',
				accessMode: 'VAE',
				holder: {
					birthName: "N'Diaye & fils <test>",
					usageName: 'Martin',
					firstNames: 'Moussa',
					birthDate: '1990-07-03',
					sex: 'M',
					birthCommuneCode: null,
					birthCountryCode: '99341',
					birthPlaceLabel: 'Dakar'
				}
			}
		]
	};
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };
const orderedParser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false });
const nameOf = (node: Ordered) => Object.keys(node).find((key) => key !== ':@')!;
const children = (node: Ordered) => node[nameOf(node)] as Ordered[];
const child = (node: Ordered, name: string) => children(node).find((entry) => nameOf(entry) === name)!;
const textIn = (node: Ordered) => (children(node)[0]?.['#text'] as string | undefined) ?? null;
const names = (node: Ordered) => children(node).map(nameOf);

describe('the XML flux', () => {
	it('is well formed UTF-8 in the CDC namespace, every element in the documented order', () => {
		const xml = buildFlux(sampleFlux());
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
		// libxml2's own parser agrees it is well formed.
		execFileSync('xmllint', ['--noout', '-'], { input: xml });
		const [, flux] = orderedParser.parse(xml) as Ordered[];
		expect(nameOf(flux)).toBe('cpf:flux');
		expect(flux[':@']).toMatchObject({ 'xmlns:cpf': CDC_NAMESPACE });
		expect(names(flux)).toEqual(['cpf:idFlux', 'cpf:horodatage', 'cpf:emetteur']);
		expect(textIn(child(flux, 'cpf:idFlux'))).toBe('SOUT-20261204-0001');
		expect(textIn(child(flux, 'cpf:horodatage'))).toBe('2026-12-04T10:30:00+01:00');
		const emitter = child(flux, 'cpf:emetteur');
		expect(names(emitter)).toEqual(['cpf:idClient', 'cpf:certificateurs']);
		const certifier = child(child(emitter, 'cpf:certificateurs'), 'cpf:certificateur');
		expect(names(certifier)).toEqual(['cpf:idClient', 'cpf:idContrat', 'cpf:certifications']);
		expect(textIn(child(certifier, 'cpf:idContrat'))).toBe('MCFCER000123');
		const certification = child(child(certifier, 'cpf:certifications'), 'cpf:certification');
		expect(names(certification)).toEqual(['cpf:type', 'cpf:code', 'cpf:natureDeposant', 'cpf:passageCertifications']);
		expect([textIn(child(certification, 'cpf:type')), textIn(child(certification, 'cpf:code'))]).toEqual(['RNCP', 'RNCP35288']);
		const passages = children(child(certification, 'cpf:passageCertifications'));
		expect(passages).toHaveLength(2);
		for (const passage of passages) {
			expect(names(passage)).toEqual([
				'cpf:idTechnique',
				'cpf:obtentionCertification',
				'cpf:donneeCertifiee',
				'cpf:dateDebutValidite',
				'cpf:dateFinValidite',
				'cpf:presenceNiveauLangueEuro',
				'cpf:presenceNiveauNumeriqueEuro',
				'cpf:scoring',
				'cpf:mentionValidee',
				'cpf:modalitesInscription',
				'cpf:identificationTitulaire'
			]);
			expect(child(passage, 'cpf:dateFinValidite')[':@']).toEqual({ 'xsi:nil': 'true' });
			expect(textIn(child(passage, 'cpf:donneeCertifiee'))).toBe('true');
			expect(names(child(child(passage, 'cpf:identificationTitulaire'), 'cpf:titulaire'))).toEqual([
				'cpf:nomNaissance',
				'cpf:nomUsage',
				'cpf:prenom1',
				'cpf:anneeNaissance',
				'cpf:moisNaissance',
				'cpf:jourNaissance',
				'cpf:sexe',
				'cpf:codeCommuneNaissance',
				'cpf:libelleCommuneNaissance',
				'cpf:codePaysNaissance'
			]);
		}
		const [france, abroad] = passages.map((passage) => child(child(passage, 'cpf:identificationTitulaire'), 'cpf:titulaire'));
		expect(textIn(child(france, 'cpf:prenom1'))).toBe('Amélie');
		expect(child(france, 'cpf:nomUsage')[':@']).toEqual({ 'xsi:nil': 'true' });
		expect(textIn(child(child(france, 'cpf:codeCommuneNaissance'), 'cpf:codeInseeNaissance'))).toBe('2A004');
		expect(child(france, 'cpf:codePaysNaissance')[':@']).toEqual({ 'xsi:nil': 'true' });
		expect(['cpf:anneeNaissance', 'cpf:moisNaissance', 'cpf:jourNaissance', 'cpf:sexe'].map((name) => textIn(child(france, name)))).toEqual(
			['1998', '02', '14', 'F']
		);
		expect(textIn(child(abroad, 'cpf:nomNaissance'))).toBe("N'Diaye & fils <test>");
		expect(child(abroad, 'cpf:codeCommuneNaissance')[':@']).toEqual({ 'xsi:nil': 'true' });
		expect(textIn(child(abroad, 'cpf:codePaysNaissance'))).toBe('99341');
		expect(textIn(child(child(passages[1], 'cpf:modalitesInscription'), 'cpf:modaliteAcces'))).toBe('VAE');
	});
});

describe('the receipt', () => {
	it('reads each passage by idTechnique with its status and the CDC’s reason', () => {
		const receipt = `<?xml version="1.0" encoding="UTF-8"?>
			<cdc:accuseTraitement xmlns:cdc="${CDC_NAMESPACE}">
				<cdc:idFlux>SOUT-1</cdc:idFlux>
				<cdc:passages>
					<cdc:passage><cdc:idTechnique>p-1</cdc:idTechnique><cdc:statut>ACCEPTE</cdc:statut></cdc:passage>
					<cdc:passage><cdc:idTechnique>p-2</cdc:idTechnique><cdc:statut>REJETE</cdc:statut>
						<cdc:erreurs><cdc:erreur><cdc:code>E12</cdc:code><cdc:libelle>Code commune inconnu</cdc:libelle></cdc:erreur></cdc:erreurs>
					</cdc:passage>
					<cdc:passage><cdc:idTechnique>p-3</cdc:idTechnique><cdc:statut>Rejeté</cdc:statut>
						<cdc:message>Date incohérente</cdc:message></cdc:passage>
				</cdc:passages>
			</cdc:accuseTraitement>`;
		expect(readReceipt(receipt)).toEqual({
			ok: true,
			passages: [
				{ idTechnique: 'p-1', status: 'accepted', message: null },
				{ idTechnique: 'p-2', status: 'rejected', message: 'Code commune inconnu : E12' },
				{ idTechnique: 'p-3', status: 'rejected', message: 'Date incohérente' }
			]
		});
	});

	it('refuses a file that is not XML, holds no passage, or a passage it cannot read, saying why in French', () => {
		expect(readReceipt('idTechnique;statut\np-1;OK')).toMatchObject({ ok: false, message: expect.stringMatching(/pas un XML lisible/) });
		expect(readReceipt('<accuse><statut>OK</statut></accuse>')).toMatchObject({
			ok: false,
			message: expect.stringMatching(/aucun passage/)
		});
		expect(readReceipt('<a><p><idTechnique>p-1</idTechnique><statut>PEUT-ETRE</statut></p></a>')).toMatchObject({
			ok: false,
			message: expect.stringMatching(/statut inconnu « PEUT-ETRE »/)
		});
		expect(
			readReceipt('<a><p><idTechnique>p-1</idTechnique><statut>OK</statut></p><p><idTechnique>p-1</idTechnique><statut>KO</statut></p></a>')
		).toMatchObject({ ok: false, message: expect.stringMatching(/deux fois/) });
		expect(readReceipt('<a><p><idTechnique></idTechnique><statut>OK</statut></p></a>')).toMatchObject({
			ok: false,
			message: expect.stringMatching(/n° 1 n’a pas d’idTechnique/)
		});
	});
});

describe('the 3-month deadline', () => {
	it('falls 3 months after the award, counts the days left, and the reminder is due from 30 days before', () => {
		expect(declarationDeadline('2026-11-12')).toBe('2027-02-12');
		expect(declarationDeadline('2026-11-30')).toBe('2027-02-28');
		expect(daysLeft('2027-02-12', '2026-12-04')).toBe(70);
		expect(daysLeft('2027-02-12', '2027-02-13')).toBe(-1);
		expect(reminderDue('to_declare', '2027-02-12', '2027-01-12')).toBe(false);
		expect(reminderDue('to_declare', '2027-02-12', '2027-01-13')).toBe(true);
		expect(reminderDue('rejected', '2027-02-12', '2027-03-01')).toBe(true);
		expect(reminderDue('declared', '2027-02-12', '2027-02-01')).toBe(false);
		expect(reminderDue('accepted', '2027-02-12', '2027-02-01')).toBe(false);
	});
});
