// The certifier as the documents show it (name and logo), and its settings page.
export const certifier = {
	nameRequired: 'Saisissez le nom du certificateur.',
	nameTooLong: 'Le nom du certificateur ne doit pas dépasser 120 caractères.',
	logoType: 'Le logo doit être une image PNG ou JPEG.',
	logoTooLarge: 'Le logo ne doit pas dépasser 500 Ko.',
	logoUnreadable: 'Ce fichier n’est pas une image PNG ou JPEG lisible.',
	documents: {
		issuer: 'Organisme certificateur',
		reference: (reference: string) => `Réf. ${reference}`,
		page: (page: number, count: number) => `Page ${page} / ${count}`
	},
	pages: {
		settings: {
			title: 'Certificateur · Soutenance',
			heading: 'Certificateur',
			intro:
				'Le nom et le logo du certificateur figurent en tête des convocations, des attestations et des procès-verbaux. ' +
				'Les documents déjà signés ne changent pas.',
			name: 'Nom du certificateur',
			logo: 'Logo (PNG ou JPEG, 500 Ko au plus)',
			currentLogo: 'Logo actuel',
			defaultLogo: 'Aucun logo enregistré : les documents portent les initiales du certificateur.',
			removeLogo: 'Retirer le logo',
			save: 'Enregistrer',
			saved: 'Certificateur enregistré.'
		}
	}
};
