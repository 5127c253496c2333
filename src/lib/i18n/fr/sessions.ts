// French strings of the sessions area: sessions, days, rooms, jurors and juries.
export const sessions = {
	notFound: 'Cette session est introuvable.',
	nameRequired: 'Le nom de la session est obligatoire.',
	referentielUnknown: 'Le référentiel choisi est inconnu.',
	minutesInvalid: (label: string) => `${label} : indiquez un nombre entier de minutes.`,
	minutesRange: (label: string, min: number, max: number) => `${label} : entre ${min} et ${max} minutes.`,
	durationLabels: {
		presentationMinutes: 'Présentation',
		questionsMinutes: 'Questions',
		deliberationMinutes: 'Délibération',
		changeoverMinutes: 'Battement entre deux soutenances',
		extraMinutesPerTeamMember: 'Minutes par membre d’équipe supplémentaire'
	} as Record<string, string>,
	timezoneInvalid: 'Fuseau horaire inconnu : utilisez un nom IANA, par exemple Europe/Paris.',
	dateInvalid: 'Date invalide : utilisez le format AAAA-MM-JJ.',
	timeInvalid: 'Heure invalide : utilisez le format HH:MM (par exemple 09:00).',
	closesBeforeOpens: 'L’heure de fermeture doit être après l’heure d’ouverture.',
	breakEndBeforeStart: 'La fin de la pause doit être après son début.',
	breakOutsideDay: 'La pause doit se situer dans les horaires d’ouverture du jour.',
	breaksOverlap: 'Deux pauses se chevauchent.',
	breakIncomplete: 'Indiquez le début et la fin de la pause.',
	dayDuplicate: 'Ce jour fait déjà partie de la session.',
	dayNotFound: 'Ce jour ne fait pas partie de la session.',
	dayHasDefenses: 'Des soutenances sont planifiées ce jour-là : déplacez-les avant de retirer le jour.',
	roomNameRequired: 'Le nom de la salle est obligatoire.',
	roomNameTaken: 'Une salle porte déjà ce nom dans la session.',
	roomVideoRequired: 'Une salle à distance doit avoir un lien de visioconférence.',
	roomVideoInvalid: 'Le lien de visioconférence doit être une adresse https valide.',
	roomNotFound: 'Cette salle ne fait pas partie de la session.',
	roomUsedByJury: (label: string) => `La salle est affectée au jury ${label} : changez la salle de ce jury d’abord.`,
	rangeEndBeforeStart: 'La fin doit être après le début.',
	rangeNotFound: 'Cette indisponibilité est introuvable.',

	juror: {
		notFound: 'Ce juré ne fait pas partie de la session.',
		accountNotJuror: 'Ce compte n’est pas un compte de juré.',
		alreadyInSession: 'Ce juré fait déjà partie de la session.',
		chooseAccount: 'Choisissez un juré.',
		sitsInJury: (labels: string) => `Ce juré siège dans le jury ${labels} : retirez-le du jury avant de le retirer de la session.`,
		halfDayInvalid: 'Choisissez une demi-journée de la session.',
		candidateNotInSession: 'Choisissez un candidat inscrit à cette session.',
		conflictReasonRequired: 'Indiquez la raison du conflit d’intérêts.',
		conflictExists: 'Ce conflit d’intérêts est déjà déclaré.',
		conflictNotFound: 'Ce conflit d’intérêts est introuvable.',
		halfDays: { morning: 'Matin', afternoon: 'Après-midi' } as Record<string, string>
	},

	jury: {
		notFound: 'Ce jury ne fait pas partie de la session.',
		labelRequired: 'Le nom du jury est obligatoire.',
		labelTaken: 'Un jury porte déjà ce nom dans la session.',
		roomRequired: 'Choisissez une salle pour le jury.',
		hasDefenses: 'Ce jury a des soutenances planifiées : déplacez-les vers un autre jury avant de le supprimer.',
		memberNotInSession: 'Un des membres choisis ne fait pas partie des jurés de la session.',
		invalid: 'La composition du jury ne respecte pas les règles :',
		tooFewMembers: 'Un jury compte au moins 2 membres.',
		presidentMissing: 'Choisissez un président ou une présidente parmi les membres.',
		presidentNotMember: 'Le président doit être membre du jury.',
		presidentNotEligible: (name: string) => `${name} ne peut pas présider un jury (non habilité·e à la présidence).`,
		notEnoughExternal: (external: number, total: number) =>
			`Au moins la moitié des membres doivent être extérieurs : ${external} sur ${total} le sont.`,
		sameCompany: (company: string) => `même entreprise (${company})`
	}
};
