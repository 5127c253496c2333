// French strings of the candidates area.
export const candidates = {
	sessionNotFound: 'Session introuvable.',
	candidateNotFound: "Ce candidat n'est pas inscrit à cette session.",
	unavailabilityNotFound: 'Indisponibilité introuvable.',
	firstNameRequired: 'Le prénom est obligatoire.',
	lastNameRequired: 'Le nom est obligatoire.',
	emailRequired: "L'adresse e-mail est obligatoire.",
	emailInvalid: (value: string) => `« ${value} » n'est pas une adresse e-mail valide.`,
	projectTitleRequired: 'Le titre du projet est obligatoire.',
	tooLong: (max: number) => `Le texte dépasse ${max} caractères.`,
	timezoneUnknown: (value: string) => `Fuseau horaire inconnu : « ${value} ». Écrivez-le comme « Europe/Paris » ou « America/Montreal ».`,
	extraTimeInvalid: (value: string) => `Temps supplémentaire illisible : « ${value} ». Écrivez « oui », « non » ou un pourcentage entre 0 et 100.`,
	extraTimeOutOfRange: (value: string) => `Temps supplémentaire hors limites : « ${value} ». Il doit être entre 0 et 100 %.`,
	unavailabilityUnreadable: (value: string) =>
		`Indisponibilité illisible : « ${value} ». Écrivez « jj/mm/aaaa », « jj/mm/aaaa matin », « jj/mm/aaaa après-midi » ou « jj/mm/aaaa hh:mm-hh:mm », séparées par « , » ou « | ».`,
	unavailabilityDateInvalid: (value: string) => `Date inexistante : « ${value} ».`,
	unavailabilityEndBeforeStart: (value: string) => `L'heure de fin doit suivre l'heure de début : « ${value} ».`,
	emailIsStaff: (email: string) => `L'adresse ${email} appartient déjà à un compte de juré·e ou de coordination : elle ne peut pas être celle d'un candidat.`,
	alreadyRegistered: (email: string) => `${email} est déjà inscrit·e à cette session.`,
	emailTakenByOther: (email: string) => `L'adresse ${email} est déjà celle d'un autre compte.`,
	removeRefusedPlaced: 'Ce candidat a déjà une soutenance placée dans cette session : retirez-la du planning avant de le désinscrire.',
	importFile: {
		empty: 'Le fichier est vide.',
		tooLarge: (maxMb: number) => `Le fichier dépasse ${maxMb} Mo : découpez-le ou enregistrez-le sans mise en forme.`,
		missing: 'Choisissez un fichier CSV ou XLSX.',
		binary: "Ce fichier n'est ni un CSV ni un classeur XLSX lisible (image, PDF ou autre format ?). Enregistrez la liste au format CSV ou XLSX.",
		xlsxUnreadable: "Ce classeur XLSX est illisible ou protégé. Ouvrez-le et enregistrez-le de nouveau au format XLSX ou CSV.",
		noHeader: "Le fichier ne contient aucune ligne d'en-tête.",
		noRows: "Le fichier ne contient que la ligne d'en-tête : aucun candidat à importer.",
		changed: 'Le fichier de la prévisualisation est illisible : déposez-le de nouveau.',
		stillInvalid: 'Le fichier contient des erreurs : rien n’a été importé. Corrigez-les et déposez-le de nouveau.'
	},
	problems: {
		missingColumn: (label: string) => `Colonne obligatoire absente : « ${label} ».`,
		unknownColumn: (label: string) => `Colonne non reconnue, ignorée : « ${label} ».`,
		repeatedColumn: (label: string, field: string) => `Colonne « ${label} » : la colonne « ${field} » figure déjà plus à gauche ; celle-ci est ignorée.`,
		extraCells: 'La ligne a plus de cellules que l’en-tête ; les cellules en trop sont ignorées.',
		duplicateInFile: (email: string, firstLine: number) => `${email} figure déjà ligne ${firstLine}.`,
		teamAlone: (team: string) =>
			`Équipe inconnue « ${team} » : aucun autre candidat de ce fichier ou de la session n'en fait partie. Une équipe compte au moins deux candidats ; videz la cellule pour une soutenance individuelle.`,
		teamTitles: (team: string, titles: string[]) => `Les membres de l'équipe « ${team} » ont des titres de projet différents : ${titles.map((t) => `« ${t} »`).join(', ')}.`,
		existingAccount: 'Compte candidat existant (autre session) : sa fiche sera mise à jour et l’inscription ajoutée.'
	}
};
