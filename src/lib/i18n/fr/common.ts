// Labels that pages of every area show. Pages import this part (and their area's file) rather than
// the whole catalogue, so the browser gets only the strings it displays.
/** A jury as named on screen: « Jury A », but « Jury Lyon 1 » as typed, never « Jury Jury Lyon 1 ». */
export const juryName = (label: string) => (/^jury\b/i.test(label.trim()) ? label.trim() : `Jury ${label}`);
/** The same inside a sentence: « jury B », « jury Lyon 1 ». */
export const juryInSentence = (label: string) => juryName(label).replace(/^Jury\b/, 'jury');

export const common = {
	app: { name: 'Soutenance', tagline: 'Jurys de certification RNCP' },
	pagination: {
		previous: '← Précédente',
		next: 'Suivante →',
		previousLabel: 'Page précédente',
		nextLabel: 'Page suivante',
		pageLabel: (page: number, pageCount: number) => `Page ${page} sur ${pageCount}`,
		range: (first: number, last: number, total: number) => `${first} à ${last} sur ${total}`
	},
	controlCharacter:
		'Un champ contient un caractère invisible (caractère de contrôle) que Soutenance ne peut pas enregistrer : retirez-le et réessayez.',
	databaseUnavailable: 'La base de données ne répond pas pour le moment : rien n’a été enregistré. Réessayez dans quelques secondes.',
	roles: { coordinator: 'Coordination', juror: 'Juré·e', candidate: 'Candidat·e' } as Record<string, string>,
	defenseStatus: { planned: 'Prévue', in_progress: 'En cours', done: 'Terminée', absent: 'Absence', late: 'En retard' } as Record<
		string,
		string
	>,
	pages: {
		error: {
			retourAccueil: "Retour à l'accueil",
			unexpected: 'Une erreur inattendue est survenue. Réessayez dans un instant.',
			notFound: "Cette page n'existe pas.",
			titles: {
				403: 'Accès refusé',
				404: 'Page introuvable',
				410: 'Lien non valable',
				429: 'Trop de requêtes',
				500: 'Erreur du serveur',
				503: 'Service momentanément indisponible'
			} as Record<number, string>,
			fallbackTitle: 'Erreur',
			documentTitle: (title: string) => `${title} · Soutenance`
		},
		layout: {
			allerAuContenu: 'Aller au contenu',
			navigationPrincipale: 'Navigation principale',
			seDeconnecter: 'Se déconnecter',
			nav: {
				home: 'Accueil',
				users: 'Utilisateurs',
				messages: 'Messages',
				journal: 'Journal',
				referentiel: 'Référentiel',
				certifier: 'Certificateur',
				declaration: 'Déclaration CDC',
				myDefenses: 'Mes soutenances',
				deliberations: 'Délibérations',
				myConvocation: 'Ma convocation'
			}
		}
	}
};
