// French strings of the scoring area: refusals of the grid, submission and reopening.
export const scoring = {
	defenseNotFound: 'Soutenance introuvable.',
	notYourJury: "Cette soutenance n'est pas celle d'un jury dont vous êtes membre.",
	notLoggedIn: 'Votre session a expiré : reconnectez-vous pour enregistrer la grille.',
	invalidRequest: 'Requête invalide : le corps doit être un objet JSON.',
	candidateNotInDefense: 'Ce candidat ne passe plus cette soutenance : rechargez la page.',
	locked: 'Grille soumise : elle est verrouillée jusqu’à sa réouverture par la présidence du jury.',
	alreadySubmitted: 'Vos grilles sont déjà soumises.',
	missingLevels: (missing: string) => `Soumission refusée : il manque le niveau de ${missing}.`,
	missingFor: (candidate: string, codes: string[]) => `${codes.join(', ')} (${candidate})`,
	notPresident: 'Seule la présidence du jury peut rouvrir une grille.',
	reasonRequired: 'Indiquez le motif de la réouverture.',
	reasonTooLong: 'Le motif est trop long (500 caractères au plus).',
	notSubmitted: "Cette grille n'est pas soumise : il n'y a rien à rouvrir.",
	notAMember: "Ce juré n'est pas membre du jury de cette soutenance.",
	pages: {
		defense: {
			title: (value: string) => `Soutenance de ${value} · Soutenance`,
			mesSoutenances: '← Mes soutenances',
			feuilleEmargement: 'Feuille d’émargement du jury',
			jury: (time: string, zone: string, juryLabel: string, sessionName: string) =>
				`, ${time} (${zone}) · Jury ${juryLabel} · ${sessionName} ·`,
			grillesSoumisesEllesSont: (count: number) =>
				count > 1 ? 'Grilles soumises. Elles sont maintenant verrouillées.' : 'Grille soumise. Elle est maintenant verrouillée.',
			grilleEnregistree: 'Grille enregistrée.',
			vosGrillesSontSoumises: (count: number) =>
				count > 1
					? 'Vos grilles sont soumises et verrouillées. Seule la présidence du jury peut les rouvrir.'
					: 'Votre grille est soumise et verrouillée. Seule la présidence du jury peut la rouvrir.',
			missingHeading: 'Il manque encore un niveau à :',
			missingMark: 'Niveau manquant',
			missingLink: (code: string, candidate: string) => (candidate ? `${code} (${candidate})` : code),
			gridsSubmitted: (submitted: number, total: number) =>
				`${submitted} ${submitted > 1 ? 'grilles soumises' : 'grille soumise'} sur ${total}`,
			grilleDe: (name: string) => `Grille de ${name}`,
			criteresObserves: (code: string) => `${code} · Critères observés`,
			niveau: (code: string, value: string) => `${code} · Niveau${value}`,
			commentaire: (code: string) => `${code} · Commentaire`,
			notesPersonnellesVousSeul: 'Notes personnelles (vous seul·e les voyez)',
			enregistrer: 'Enregistrer',
			niveauxDesAutresMembres: 'Niveaux des autres membres du jury',
			niveauxSoumisPour: (name: string) => `Niveaux soumis pour ${name}`,
			competence: 'Compétence',
			lesNiveauxDesAutres: "Les niveaux des autres membres apparaîtront ici dès qu'ils auront soumis leur grille.",
			presidenceGrillesDuJury: 'Présidence : grilles du jury',
			motifDeLaReouverture: (name: string) => `Motif de la réouverture de la grille de ${name}`,
			rouvrirLaGrilleDe: (name: string) => `Rouvrir la grille de ${name}`,
			reouvertures: 'Réouvertures',
			grilleDeRouvertePar: (at: string, juror: string, by: string, reason: string) =>
				`${at} : grille de ${juror} rouverte par ${by} — « ${reason} »`,
			teamHeading: (team: string) => `Équipe ${team} : `,
			projects: 'Projets',
			project: 'Projet',
			untitled: 'Titre non renseigné',
			submit: (team: boolean) => `Soumettre ${team ? 'mes grilles' : 'ma grille'}`,
			you: ' (vous)',
			submitted: 'soumise',
			inProgress: 'en cours'
		}
	}
};
