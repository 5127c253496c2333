export const referentiel = {
	pages: {
		page: {
			title: 'Référentiel · Soutenance',
			titreRncpNiveauCertificateur: (rncpCode: string, level: number, certifier: string, version: number) =>
				`Titre RNCP ${rncpCode} · niveau ${level} · certificateur ${certifier} · version ${version} du référentiel`,
			codesNsf: (value: string) => `Codes NSF : ${value}`,
			formacodes: (value: string) => `Formacodes : ${value}`,
			echelleDeNiveaux: 'Échelle de niveaux',
			epreuve: (block: string) => `Épreuve ${block}`,
			presentationMinQuestionsMin: (
				label: string,
				presentationMinutes: number,
				min: number,
				max: number,
				defaultValue: number,
				deliberationMinutes: number
			) =>
				`${label} : présentation ${presentationMinutes} min, questions ${min} à ${max} min ` +
				`(${defaultValue} min par défaut), délibération ${deliberationMinutes} min.`,
			evaluation: 'Évaluation :',
			criteresObservables: 'Critères observables :',
			acquired: ' (acquise)'
		}
	}
};
