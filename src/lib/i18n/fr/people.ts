// French strings of the candidates area.
export const people = {
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
	extraTimeInvalid: (value: string) =>
		`Temps supplémentaire illisible : « ${value} ». Écrivez « oui », « non », « tiers-temps », un pourcentage entre 0 et 100 ` +
		`ou, dans un fichier, des minutes (« 10 min »).`,
	extraMinutesOutOfRange: (value: string, examMinutes: number) =>
		`Temps supplémentaire hors limites : « ${value} » dépasse la durée de l’épreuve (${examMinutes} min de présentation et de questions).`,
	extraTimeOutOfRange: (value: string) => `Temps supplémentaire hors limites : « ${value} ». Il doit être entre 0 et 100 %.`,
	unavailabilityUnreadable: (value: string) =>
		`Indisponibilité illisible : « ${value} ». Écrivez « jj/mm/aaaa », « jj/mm/aaaa matin », « ` +
		`jj/mm/aaaa après-midi » ou « jj/mm/aaaa hh:mm-hh:mm », séparées par « , » ou « | ».`,
	unavailabilityDateInvalid: (value: string) => `Date inexistante : « ${value} ».`,
	unavailabilityEndBeforeStart: (value: string) => `L'heure de fin doit suivre l'heure de début : « ${value} ».`,
	unavailabilityInClockChange: (value: string) =>
		`« ${value} » tombe dans l'heure sautée au passage à l'heure d'été, qui n'existe pas ce jour-là : indiquez des heures qui existent.`,
	emailIsStaff: (email: string) =>
		`L'adresse ${email} appartient déjà à un compte de juré·e ou de coordination : elle ne peut pas être celle d'un candidat.`,
	alreadyRegistered: (email: string) => `${email} est déjà inscrit·e à cette session.`,
	emailTakenByOther: (email: string) => `L'adresse ${email} est déjà celle d'un autre compte.`,
	removeRefusedPlaced: 'Ce candidat a déjà une soutenance placée dans cette session : retirez-la du planning avant de le désinscrire.',
	importFile: {
		failedLine: (line: number, email: string) => `Ligne ${line} (${email})`,
		empty: 'Le fichier est vide.',
		tooLarge: (maxMb: number) => `Le fichier dépasse ${maxMb} Mo : découpez-le ou enregistrez-le sans mise en forme.`,
		missing: 'Choisissez un fichier CSV ou XLSX.',
		binary:
			"Ce fichier n'est ni un CSV ni un classeur XLSX lisible (image, PDF ou autre format ?). Enregistrez la liste au format CSV ou XLSX.",
		xlsxUnreadable: 'Ce classeur XLSX est illisible ou protégé. Ouvrez-le et enregistrez-le de nouveau au format XLSX ou CSV.',
		unzippedTooLarge: (totalMb: number, partMb: number) =>
			`Une fois décompressé, ce classeur dépasse ${totalMb} Mo (ou l'une de ses feuilles ${partMb} Mo) : rien n'a été lu. ` +
			'Enregistrez la liste seule, sans images ni autres feuilles, au format XLSX ou CSV.',
		tooManyRows: (maxRows: number) =>
			`Le fichier dépasse ${maxRows.toLocaleString('fr-FR')} lignes (en-tête non comprise) : découpez-le en plusieurs fichiers.`,
		tooHeavy:
			'Le fichier est trop lourd à lire (mémoire ou temps de lecture dépassés) : enregistrez-le sans mise en forme, ' +
			'au format CSV, ou découpez-le en plusieurs fichiers.',
		noHeader: "Le fichier ne contient aucune ligne d'en-tête.",
		noRows: "Le fichier ne contient que la ligne d'en-tête : aucun candidat à importer.",
		changed: 'Le fichier de la prévisualisation est illisible : déposez-le de nouveau.',
		stillInvalid: 'Le fichier contient des erreurs : rien n’a été importé. Corrigez-les et déposez-le de nouveau.'
	},
	problems: {
		missingColumn: (label: string) => `Colonne obligatoire absente : « ${label} ».`,
		unknownColumn: (label: string) => `Colonne non reconnue, ignorée : « ${label} ».`,
		repeatedColumn: (label: string, field: string) =>
			`Colonne « ${label} » : la colonne « ${field} » figure déjà plus à gauche ; celle-ci est ignorée.`,
		extraCells: 'La ligne a plus de cellules que l’en-tête ; les cellules en trop sont ignorées.',
		duplicateInFile: (email: string, firstLine: number) => `${email} figure déjà ligne ${firstLine}.`,
		teamAlone: (team: string) =>
			`Équipe inconnue « ${team} » : aucun autre candidat de ce fichier ou de la session n'en ` +
			`fait partie. Une équipe compte au moins deux candidats ; videz la cellule pour une ` +
			`soutenance individuelle.`,
		teamTitles: (team: string, titles: string[]) =>
			`Les membres de l'équipe « ${team} » ont des titres de projet différents : ${titles.map((t) => `« ${t} »`).join(', ')}.`,
		refusedColumn: (label: string, kind: 'accommodation' | 'civilStatus') =>
			`Colonne « ${label} » non reconnue : elle ressemble à ` +
			`${kind === 'accommodation' ? 'un aménagement d’épreuve' : 'un champ d’état civil'} et ne peut pas être ignorée. ` +
			`Renommez-la (par exemple « Tiers-temps », « Temps supplémentaire (minutes) » ou « Autres aménagements ») ` +
			`ou retirez-la du fichier.`,
		minutesConverted: (minutes: number, examMinutes: number, percent: number) =>
			`${String(minutes).replace('.', ',')} min de temps supplémentaire sur une épreuve de ${examMinutes} min ` +
			`(présentation et questions) : ${percent} % enregistrés.`,
		extraTimeColumnsDisagree: (percent: number, minutesPercent: number) =>
			`Les deux colonnes de temps supplémentaire ne disent pas la même chose (${percent} % et ${minutesPercent} %) : gardez-en une.`,
		arrangementUnsaid: (value: string) =>
			`« ${value} » ne dit pas quel aménagement est accordé : écrivez-le (par exemple « Tiers-temps », « 10 min », ` +
			'« Salle à part ») ou videz la cellule.',
		extraTimeFromArrangements: (column: string, percent: number) =>
			`Temps supplémentaire lu dans la colonne « ${column} » : ${percent} % enregistrés (le texte est gardé tel quel).`,
		existingAccount: 'Compte candidat existant (autre session) : sa fiche sera mise à jour et l’inscription ajoutée.'
	},

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
	pages: {
		candidates: {
			title: (name: string) => `Candidats · ${name} · Soutenance`,
			candidats: 'Candidats',
			ajouterUnCandidat: 'Ajouter un candidat',
			importerUnFichierCsv: 'Importer un fichier CSV ou XLSX',
			rechercher: 'Rechercher',
			nomMailPromotionEntreprise: 'Nom, e-mail, promotion, entreprise, projet, équipe',
			lesMembresUneEquipe: "Les membres d'une équipe se suivent et soutiennent ensemble.",
			candidatsDeLaSession: 'Candidats de la session',
			pagination: 'Pages de la liste des candidats',
			candidatsInscritsLaSession: 'Candidats inscrits à la session, équipes regroupées',
			candidat: 'Candidat',
			promotionEtEntreprise: 'Promotion et entreprise',
			projet: 'Projet',
			equipe: 'Équipe',
			fuseauHoraire: 'Fuseau horaire',
			tempsSuppl: 'Temps suppl.',
			indispo: 'Indispo.',
			compteDesactive: 'Compte désactivé',
			individuel: 'Individuel',
			aucunCandidatInscritPour: 'Aucun candidat inscrit pour le moment : ajoutez-les un par un ou importez un fichier.',
			imported: (n: number) => `${n} candidat${n > 1 ? 's' : ''} importé${n > 1 ? 's' : ''} : les invitations sont parties.`,
			count: (n: number) => `${n} candidat${n > 1 ? 's' : ''}`,
			forSearch: (search: string) => ` pour « ${search} »`,
			withTeams: (n: number) => `, dont ${n} équipe${n > 1 ? 's' : ''}`,
			members: (n: number) => `${n} membre${n > 1 ? 's' : ''}`
		},
		candidateFields: {
			prenom: 'Prénom',
			nom: 'Nom',
			prenomEtNom: 'Prénom et nom',
			adresseMail: 'Adresse e-mail',
			promotion: 'Promotion',
			entreprise: 'Entreprise',
			titreDuProjet: 'Titre du projet',
			resumeDuProjet: 'Résumé du projet',
			motsCles: 'Mots-clés',
			separesParDesVirgules: 'Séparés par des virgules, par exemple : NLP, séries temporelles.',
			equipe: 'Équipe',
			videPourUneSoutenance: "Vide pour une soutenance individuelle. Même nom d'équipe = soutenance ensemble.",
			fuseauHoraire: 'Fuseau horaire',
			nomIanaParExemple: (sessionTimezone: string) =>
				`Nom IANA, par exemple Europe/Paris ou America/Montreal. Vide : celui de la session (${sessionTimezone}).`,
			tempsSupplementaire: 'Temps supplémentaire (%)',
			de0100Un: 'De 0 à 100. Un tiers-temps = 33.',
			autresAmenagements: 'Autres aménagements',
			autresAmenagementsAide:
				'Facultatif : les aménagements accordés autres que le temps supplémentaire (salle à part, secrétaire, matériel adapté…), ' +
				'une ligne par aménagement. Ils figurent au procès-verbal.',
			indisponibilites: 'Indisponibilités',
			facultatifDansLeFuseau:
				'Facultatif, dans le fuseau du candidat, séparées par des virgules : « 08/03/2027 matin » ' +
				'(00:00–13:00), « 08/03/2027 après-midi » (13:00–24:00), « 08/03/2027 » (journée), « ' +
				'08/03/2027 14:00-16:30 ».'
		},
		candidate: {
			title: (fullName: string, name: string) => `${fullName} · ${name} · Soutenance`,
			candidats: '← Candidats',
			candidatAjouteLaSession: "Candidat ajouté à la session : l'invitation est partie.",
			numero: (number: number) =>
				`Candidat n° ${number} de la session (son ordre d’inscription, qui ne change plus) : ` +
				'le numéro affiché à la délibération quand elle est anonymisée.',
			ficheEtProjet: 'Fiche et projet',
			enregistrer: 'Enregistrer',
			indisponibilites: 'Indisponibilités',
			dansLeFuseauDu: (timezone: string) =>
				`Dans le fuseau du candidat (${timezone}). Elles valent pour toutes ses sessions. Matin : 00:00–13:00 ; après-midi : 13:00–24:00.`,
			aucuneIndisponibilite: 'Aucune indisponibilité.',
			retirerIndisponibilite: (value: string) => `Retirer l'indisponibilité ${value}`,
			retirer: 'Retirer',
			ajouterUneIndisponibilite: 'Ajouter une indisponibilité',
			date: 'Date',
			periode: 'Période',
			debutHorairesPrecis: 'Début (horaires précis)',
			finHorairesPrecis: 'Fin (horaires précis)',
			ajouter: 'Ajouter',
			retirerDeLaSession: 'Retirer de la session',
			ceCandidatUneSoutenance: 'Ce candidat a une soutenance placée dans cette session : retirez-la du planning avant de le désinscrire.',
			seuleInscriptionCetteSession: "Seule l'inscription à cette session est retirée ; le compte et les autres sessions restent.",
			retirerDeLaSession2: (fullName: string) => `Retirer ${fullName} de la session`,
			kinds: [
				['morning', 'Matin'],
				['afternoon', 'Après-midi'],
				['day', 'Journée entière'],
				['hours', 'Horaires précis ci-contre']
			]
		},
		candidateImport: {
			title: (name: string) => `Importer des candidats · ${name} · Soutenance`,
			candidats: '← Candidats',
			importerDesCandidats: 'Importer des candidats',
			candidat: 'candidat',
			rienEstEncoreEcrit:
				"Rien n'est encore écrit. Vérifiez les lignes ci-dessous, puis importez : les comptes sont créés et les invitations envoyées.",
			lignesImporter: 'Lignes à importer',
			lesCandidatsTelsQu: "Les candidats tels qu'ils seront importés",
			ligne: 'Ligne',
			candidat2: 'Candidat',
			promotionEtEntreprise: 'Promotion et entreprise',
			projet: 'Projet',
			equipe: 'Équipe',
			fuseauTempsSuppl: 'Fuseau, aménagements',
			aucun: 'aucun',
			amenagements: (examMinutes: number) =>
				'Aménagements : le temps supplémentaire en pourcentage (« Tiers-temps », « 1/3 temps », « Temps majoré »… : « oui » = 33 %, ' +
				`« 25 % ») ou en minutes (« Temps supplémentaire (minutes) », « 10 min »), converties sur les ${examMinutes} min de ` +
				'présentation et de questions de cette session ; les autres aménagements en texte libre (« Autres aménagements », ' +
				'« Besoins particuliers », « PSH », « RQTH »…), repris au procès-verbal. Une colonne non reconnue qui ressemble à un ' +
				'aménagement ou à l’état civil (naissance, sexe, lieu, INSEE…) arrête l’import : renommez-la ou retirez-la.',
			indisponibilitesHeureLocaleDu: 'Indisponibilités (heure locale du candidat)',
			compteExistant: 'Compte existant',
			uneLigneEnTete:
				"Une ligne d'en-tête puis un candidat par ligne. CSV en UTF-8 ou Windows-1252, séparé par " +
				'des points-virgules ou des virgules (détectés) ; ou classeur XLSX (première feuille ' +
				"remplie). Rien n'est écrit avant que vous confirmiez un fichier sans erreur.",
			colonnesObligatoires: 'Colonnes obligatoires :',
			nom: 'Nom',
			prenom: 'Prénom',
			mail: 'E-mail',
			titreDuProjet: 'Titre du projet',
			facultativesPromotionEntrepriseResume: (timezone: string) =>
				`Facultatives : Promotion, Entreprise, Résumé, Mots-clés (séparés par des virgules), ` +
				`Équipe, Fuseau horaire (par exemple Europe/Paris ; vide : ${timezone}), Tiers-temps (« ` +
				`oui » = 33 %, « non », ou un pourcentage de 0 à 100), Indisponibilités.`,
			indisponibilitesDansLeFuseau:
				'Indisponibilités, dans le fuseau du candidat, séparées par « , » ou « | » : « 08/03/2027 ' +
				'matin » (00:00–13:00), « 08/03/2027 après-midi » (13:00–24:00), « 08/03/2027 » (journée ' +
				'entière), « 08/03/2027 14:00-16:30 ».',
			equipeLesCandidatsPortant:
				"Équipe : les candidats portant le même nom d'équipe soutiennent ensemble ; une équipe " +
				'compte au moins deux membres, dans le fichier ou déjà dans la session.',
			unCandidatDejaInscrit: 'Un candidat déjà inscrit à une autre session garde son compte : sa fiche est mise à jour.'
		},
		newCandidate: {
			title: (name: string) => `Ajouter un candidat · ${name} · Soutenance`,
			candidats: '← Candidats',
			ajouterUnCandidat: 'Ajouter un candidat',
			sonCompteEstCree:
				"Son compte est créé s'il n'existe pas encore, et une invitation lui est envoyée par " +
				'e-mail. Un candidat déjà inscrit à une autre session garde son compte.',
			ajouterEtInviter: 'Ajouter et inviter'
		},
		jurors: {
			title: (name: string) => `Jurés · ${name} · Soutenance`,
			juresDeLaSession: 'Jurés de la session',
			aucunJurePourLe: 'Aucun juré pour le moment : invitez-en un ci-dessous.',
			jure: 'Juré·e',
			entreprise: 'Entreprise',
			expertise: 'Expertise',
			statut: 'Statut',
			jurys: 'Jurys',
			invitationEnAttente: 'invitation en attente',
			inviterUnNouveauJure: 'Inviter un nouveau juré',
			creeSonCompteEt: 'Crée son compte et lui envoie par e-mail un lien pour choisir son mot de passe.',
			nomComplet: 'Nom complet',
			adresseMail: 'Adresse e-mail',
			expertiseMotsClesSepares: 'Expertise (mots-clés séparés par des virgules)',
			exterieurNiFormateurNi: 'Extérieur·e (ni formateur ni certificateur)',
			peutPresiderUnJury: 'Peut présider un jury',
			inviter: 'Inviter',
			ajouterUnJureDeja: 'Ajouter un juré déjà inscrit',
			tousLesComptesDe: 'Tous les comptes de jurés font déjà partie de la session.',
			choisir: '— Choisir —',
			ajouterLaSession: 'Ajouter à la session',
			exterieur: 'Extérieur·e',
			interne: 'Interne',
			peutPresider: ' · peut présider'
		},
		juror: {
			title: (name: string) => `${name} · Jurés · Soutenance`,
			juresDeLaSession: '← Jurés de la session',
			profil: 'Profil',
			entreprise: 'Entreprise',
			expertiseMotsClesSepares: 'Expertise (mots-clés séparés par des virgules)',
			exterieurNiFormateurNi: 'Extérieur·e (ni formateur ni certificateur)',
			peutPresiderUnJury: 'Peut présider un jury',
			enregistrerLeProfil: 'Enregistrer le profil',
			indisponibilites: 'Indisponibilités',
			aucuneIndisponibiliteDeclaree: 'Aucune indisponibilité déclarée.',
			retirerIndisponibilite: (value: string) => `Retirer l'indisponibilité ${value}`,
			retirer: 'Retirer',
			uneDemiJournee: 'Une demi-journée',
			matinApresMidiHeure: (start: string, end: string, start2: string, end2: string, zone: string) =>
				`Matin : ${start}–${end} ; après-midi : ${start2}–${end2}, heure locale de la session (${zone}).`,
			ajoutezAbordLesJours: "Ajoutez d'abord les jours de la session.",
			demiJournee: 'Demi-journée',
			matinDu: (value: string) => `Matin du ${value}`,
			apresMidiDu: (value: string) => `Après-midi du ${value}`,
			declarerIndisponible: 'Déclarer indisponible',
			unePlageHoraire: 'Une plage horaire',
			date: 'Date',
			de: (zone: string) => `De (${zone})`,
			text: (zone: string) => `À (${zone})`,
			ajouterLaPlage: 'Ajouter la plage',
			conflitsInteretsDeclares: "Conflits d'intérêts déclarés",
			ceJureNeSiegera:
				'Ce juré ne siégera pas à la soutenance de ces candidats. Un candidat de la même entreprise est écarté automatiquement.',
			aucunConflitDeclareAvec: 'Aucun conflit déclaré avec les candidats de la session.',
			retirerLeConflitAvec: (candidateName: string) => `Retirer le conflit avec ${candidateName}`,
			aucunCandidatInscritCette: 'Aucun candidat inscrit à cette session pour le moment.',
			candidat: 'Candidat·e',
			choisir: '— Choisir —',
			raison: 'Raison',
			declarerLeConflit: 'Déclarer le conflit',
			retirerDeLaSession: 'Retirer de la session',
			leCompteEstConserve: 'Le compte est conservé ; le juré ne fait simplement plus partie de cette session.',
			retirerDeLaSession2: (name: string) => `Retirer ${name} de la session`,
			invitationPending: ' · invitation en attente',
			juries: (labels: string) => ` · jury ${labels}`,
			reasons: ['Formé·e par ce juré', 'Tutoré·e par ce juré', 'Employé·e par ce juré', 'Connu·e personnellement']
		}
	}
};
