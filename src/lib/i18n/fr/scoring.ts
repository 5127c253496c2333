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
	notAMember: "Ce juré n'est pas membre du jury de cette soutenance."
};
