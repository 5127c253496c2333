import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { formatInTimeZone } from '../time/format';
import { firstGivenName, type AccessMode, type Sex } from './civil-status';

/** The namespace of the CDC's flux (« Passeport de compétences », schema pc5). */
export const CDC_NAMESPACE = 'urn:cdc:cpf:pc5:schema:1.0.0';
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

export interface FluxHolder {
	birthName: string;
	usageName: string | null;
	firstNames: string;
	/** yyyy-mm-dd */
	birthDate: string;
	sex: Sex;
	birthCommuneCode: string | null;
	birthCountryCode: string | null;
	birthPlaceLabel: string;
}

export interface FluxPassage {
	idTechnique: string;
	/** The award date, yyyy-mm-dd: `dateDebutValidite`. */
	awardedOn: string;
	accessMode: AccessMode;
	holder: FluxHolder;
}

export interface Flux {
	idFlux: string;
	createdAt: Date;
	/** The zone the timestamp is written in, with its offset. */
	timezone: string;
	/** The sender's matricule: the certifier's own when it deposits itself. */
	emitterClientId: string;
	certifier: { clientId: string; contractId: string };
	certification: { type: 'RNCP' | 'RS'; code: string };
	passages: FluxPassage[];
}

/** At most this many passages in one file (the CDC's limit). */
export const MAX_PASSAGES_PER_FLUX = 200_000;

/**
 * The XML flux of docs/cdc-accrochage.md, its elements in the documented order, UTF-8. Absent
 * optional values are written `xsi:nil="true"`: the usage name, the validity's end (a title does
 * not expire), scoring and mention; the commune when born abroad, the country when born in France.
 */
export function buildFlux(flux: Flux): string {
	if (flux.passages.length === 0) throw new Error('Un flux sans passage');
	if (flux.passages.length > MAX_PASSAGES_PER_FLUX) throw new Error(`Plus de ${MAX_PASSAGES_PER_FLUX} passages dans un flux`);
	const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(CDC_NAMESPACE, 'cpf:flux').att('xmlns:xsi', XSI_NAMESPACE);
	const add = (parent: XMLBuilder, name: string, value?: string | null): XMLBuilder => {
		const element = parent.ele(CDC_NAMESPACE, `cpf:${name}`);
		if (value === null) element.att(XSI_NAMESPACE, 'xsi:nil', 'true');
		else if (value !== undefined) element.txt(value);
		return element;
	};
	add(root, 'idFlux', flux.idFlux);
	add(root, 'horodatage', formatInTimeZone(flux.createdAt, flux.timezone, "yyyy-MM-dd'T'HH:mm:ssXXX"));
	const emitter = add(root, 'emetteur');
	add(emitter, 'idClient', flux.emitterClientId);
	const certifier = add(add(emitter, 'certificateurs'), 'certificateur');
	add(certifier, 'idClient', flux.certifier.clientId);
	add(certifier, 'idContrat', flux.certifier.contractId);
	const certification = add(add(certifier, 'certifications'), 'certification');
	add(certification, 'type', flux.certification.type);
	add(certification, 'code', flux.certification.code);
	add(certification, 'natureDeposant', 'CERTIFICATEUR');
	const passages = add(certification, 'passageCertifications');
	for (const passage of flux.passages) {
		const element = add(passages, 'passageCertification');
		add(element, 'idTechnique', passage.idTechnique);
		add(element, 'obtentionCertification', 'PAR_ADMISSION');
		add(element, 'donneeCertifiee', 'true');
		add(element, 'dateDebutValidite', passage.awardedOn);
		add(element, 'dateFinValidite', null);
		add(element, 'presenceNiveauLangueEuro', 'false');
		add(element, 'presenceNiveauNumeriqueEuro', 'false');
		add(element, 'scoring', null);
		add(element, 'mentionValidee', null);
		add(add(element, 'modalitesInscription'), 'modaliteAcces', passage.accessMode);
		const holder = add(add(element, 'identificationTitulaire'), 'titulaire');
		const { birthDate } = passage.holder;
		add(holder, 'nomNaissance', passage.holder.birthName);
		add(holder, 'nomUsage', passage.holder.usageName);
		add(holder, 'prenom1', firstGivenName(passage.holder.firstNames));
		add(holder, 'anneeNaissance', birthDate.slice(0, 4));
		add(holder, 'moisNaissance', birthDate.slice(5, 7));
		add(holder, 'jourNaissance', birthDate.slice(8, 10));
		add(holder, 'sexe', passage.holder.sex);
		if (passage.holder.birthCommuneCode) add(add(holder, 'codeCommuneNaissance'), 'codeInseeNaissance', passage.holder.birthCommuneCode);
		else add(holder, 'codeCommuneNaissance', null);
		add(holder, 'libelleCommuneNaissance', passage.holder.birthPlaceLabel);
		add(holder, 'codePaysNaissance', passage.holder.birthCountryCode);
	}
	return root.end({ prettyPrint: true });
}
