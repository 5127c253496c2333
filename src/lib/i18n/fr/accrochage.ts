// Declaring holders to the Caisse des Dépôts (« accrochage »): the certifier's identifiers, the
// holders' civil status, the XML flux, the CDC's receipt and the 3-month deadline.
const ACCESS_MODE_LABELS = {
	FORMATION_INITIALE_HORS_APPRENTISSAGE: 'Formation initiale hors apprentissage',
	FORMATION_INITIALE_APPRENTISSAGE: 'Formation initiale en apprentissage',
	FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION: 'Formation continue hors contrat de professionnalisation',
	FORMATION_CONTINUE_CONTRAT_DE_PROFESSIONNALISATION: 'Formation continue en contrat de professionnalisation',
	VAE: 'Validation des acquis de l’expérience (VAE)',
	EQUIVALENCE: 'Équivalence',
	CANDIDAT_LIBRE: 'Candidat libre'
} as const;

const days = (count: number) => `${Math.abs(count)} jour${Math.abs(count) > 1 ? 's' : ''}`;

export const accrochage = {
	accessModes: ACCESS_MODE_LABELS,
	sexes: { M: 'Masculin', F: 'Féminin' },
	fields: {
		birthName: 'Nom de naissance',
		usageName: 'Nom d’usage',
		firstNames: 'Prénoms',
		birthDate: 'Date de naissance',
		sex: 'Sexe',
		birthPlace: 'Lieu de naissance (code INSEE)',
		birthCommuneCode: 'Code INSEE de la commune de naissance',
		birthCountryCode: 'Code INSEE du pays de naissance',
		birthPlaceLabel: 'Commune de naissance',
		accessMode: 'Modalité d’accès'
	},
	invalid: {
		birthDate: (raw: string) => `« ${raw} » n’est pas une date de naissance valable (jj/mm/aaaa).`,
		birthDateRange: (raw: string) => `La date de naissance « ${raw} » n’est pas plausible (après 1900 et avant aujourd’hui).`,
		sex: (raw: string) => `« ${raw} » n’est pas un sexe reconnu : écrivez M ou F.`,
		communeCode: (raw: string) =>
			`« ${raw} » n’est pas un code INSEE de commune : 5 caractères, comme 75056 ou 2A004 (Corse-du-Sud), 2B033 (Haute-Corse).`,
		communeCodeCorsica: (raw: string) => `« ${raw} » : les communes de Corse ont un code en 2A ou 2B (2A004 pour Ajaccio).`,
		communeCodeIsCountry: (raw: string) => `« ${raw} » est un code de pays : indiquez-le comme pays de naissance.`,
		countryCode: (raw: string) => `« ${raw} » n’est pas un code INSEE de pays : 5 chiffres commençant par 99, comme 99350 (Maroc).`,
		countryIsFrance: 'Né·e en France : indiquez le code INSEE de la commune, pas celui du pays.',
		accessMode: (raw: string) => `« ${raw} » n’est pas une modalité d’accès reconnue.`,
		tooLong: (label: string, max: number) => `${label} : ${max} caractères au plus.`,
		bornIn: 'Indiquez si la naissance a eu lieu en France ou à l’étranger.',
		bothPlaces: 'Une commune française et un pays étranger sont donnés : gardez le code de la commune (né·e en France) ou celui du pays.'
	},
	importHelp:
		'État civil, pour la déclaration à la Caisse des Dépôts (facultatif, à compléter plus tard sinon) : Nom de naissance, ' +
		'Nom d’usage, Prénoms d’état civil, Date de naissance (jj/mm/aaaa), Sexe (M ou F), Code INSEE de naissance (commune, ' +
		'2A/2B pour la Corse) ou Code pays de naissance (99xxx), Commune de naissance, Modalité d’accès. Une cellule vide garde ' +
		'ce qui est déjà connu.',
	certifier: {
		heading: 'Déclaration à la Caisse des Dépôts',
		intro:
			'Ces identifiants figurent dans le fichier XML déposé sur le portail de la Caisse des Dépôts (« accrochage » des titulaires au ' +
			'Passeport de compétences).',
		clientId: 'Matricule (idClient, 8 caractères)',
		contractId: 'Numéro de contrat (idContrat)',
		certificationType: 'Type de certification',
		certificationCode: 'Code de la certification',
		defaultAccessMode: 'Modalité d’accès par défaut',
		noDefault: 'Aucune (à indiquer pour chaque titulaire)',
		save: 'Enregistrer les identifiants',
		saved: 'Identifiants de déclaration enregistrés.',
		clientIdInvalid: 'Le matricule (idClient) compte exactement 8 lettres ou chiffres, comme 12ABC345.',
		contractIdInvalid: 'Saisissez le numéro de contrat (idContrat), 50 caractères au plus, comme MCFCER000123.',
		typeInvalid: 'Le type de certification est RNCP ou RS.',
		codeInvalid: (type: string) => `Le code de la certification s’écrit ${type} suivi de chiffres, comme ${type}35288.`
	},
	civilStatus: {
		heading: 'État civil pour la déclaration',
		coordinatorIntro:
			'Ces informations servent à déclarer le titre obtenu à la Caisse des Dépôts. ' +
			'Le·la candidat·e peut aussi les compléter depuis son espace.',
		candidateHeading: 'Votre état civil',
		candidateIntro:
			'Le certificateur doit déclarer chaque titre délivré à la Caisse des Dépôts et Consignations, qui l’inscrit dans votre ' +
			'Passeport de compétences (Code du travail, article L6113-8). Ces informations ne servent qu’à cette déclaration ; ' +
			'complétez-les avant la publication des résultats.',
		candidateLocked: 'Les résultats sont publiés : pour corriger ces informations, écrivez à la coordination.',
		bornIn: 'Lieu de naissance',
		bornInFrance: 'En France',
		bornAbroad: 'À l’étranger',
		communeHint: '5 caractères, par exemple 69123 pour Lyon, 2A004 pour Ajaccio.',
		countryHint: '5 chiffres commençant par 99, par exemple 99350 pour le Maroc.',
		placeLabelHint: 'Le nom de la commune ou de la ville de naissance.',
		firstNamesHint: 'Tous les prénoms, dans l’ordre de l’état civil.',
		usageHint: 'Seulement s’il diffère du nom de naissance.',
		defaultAccessMode: (label: string) => `Par défaut : ${label}`,
		choose: 'Choisir…',
		save: 'Enregistrer l’état civil',
		saved: 'État civil enregistré.',
		complete: 'État civil complet pour la déclaration.',
		missing: (labels: string[]) => `À compléter pour la déclaration : ${labels.join(', ')}.`
	},
	states: {
		to_declare: 'À déclarer',
		declared: 'Déclaré, en attente',
		accepted: 'Accepté',
		rejected: 'Rejeté'
	},
	daysLeft: (count: number) => (count >= 0 ? `${days(count)} restant${Math.abs(count) > 1 ? 's' : ''}` : `Délai dépassé de ${days(count)}`),
	deadlineOn: (date: string) => `avant le ${date}`,
	pages: {
		title: 'Déclaration à la Caisse des Dépôts · Soutenance',
		sessionTitle: (session: string) => `Déclaration CDC · ${session} · Soutenance`,
		heading: 'Déclaration des titulaires à la Caisse des Dépôts',
		sessionHeading: 'Déclaration des titulaires',
		intro:
			'Chaque titre délivré doit être déclaré à la Caisse des Dépôts dans les 3 mois. Le fichier XML se dépose sur son portail ; ' +
			'son accusé de traitement, importé ici, dit quels passages sont acceptés ou rejetés.',
		allSessions: 'Toutes les sessions',
		awards: 'Titres délivrés',
		noAwards: 'Aucun titre délivré pour le moment.',
		candidate: 'Titulaire',
		session: 'Session',
		awardedOn: 'Délivré le',
		state: 'Déclaration',
		deadline: 'Échéance',
		reason: 'Motif de la Caisse des Dépôts',
		missingHeading: 'État civil incomplet',
		missingIntro:
			'Ces titulaires ne seront pas dans le fichier tant que leur état civil est incomplet : le fichier contient les autres, ' +
			'pour ne pas retarder leur déclaration. Complétez les fiches, puis préparez un nouveau fichier.',
		missingNone: 'L’état civil de chaque titulaire à déclarer est complet.',
		othersHeading: (count: number) =>
			`Autres candidat·es de la session à l’état civil incomplet (${count}), à compléter avant la délivrance du titre`,
		exportHeading: 'Préparer le fichier XML',
		exportIntro: (count: number) =>
			count === 0
				? 'Aucun passage à déclarer : les titres sont déclarés, en attente de l’accusé de traitement, ou acceptés.'
				: `${count} passage${count > 1 ? 's' : ''} à déclarer (nouveaux titres et passages rejetés dont l’état civil est complet).`,
		exportButton: 'Préparer le fichier XML',
		exportDone: (count: number) => `Fichier préparé : ${count} passage${count > 1 ? 's' : ''}. Téléchargez-le ci-dessous.`,
		settingsMissing: 'Renseignez d’abord le matricule et le numéro de contrat du certificateur.',
		settingsLink: 'Identifiants du certificateur',
		files: 'Fichiers préparés',
		noFiles: 'Aucun fichier préparé.',
		fileLabel: (fluxId: string, count: number, date: string) => `${fluxId} — ${count} passage${count > 1 ? 's' : ''}, ${date}`,
		download: 'Télécharger',
		downloadFile: (fluxId: string) => `Télécharger le fichier ${fluxId}`,
		receiptHeading: 'Importer l’accusé de traitement',
		receiptIntro:
			'Le fichier XML de la Caisse des Dépôts qui liste chaque passage (idTechnique) accepté ou rejeté, avec son motif. ' +
			'Les passages rejetés seront dans le prochain fichier, après correction.',
		receiptFile: 'Accusé de traitement (XML)',
		receiptButton: 'Importer l’accusé',
		receiptDone: (accepted: number, rejected: number) =>
			`Accusé importé : ${accepted} passage${accepted > 1 ? 's' : ''} accepté${accepted > 1 ? 's' : ''}, ` +
			`${rejected} rejeté${rejected > 1 ? 's' : ''}.`,
		summaryHeading: 'Déclaration à la Caisse des Dépôts',
		sectionTab: 'Déclaration CDC',
		summaryLink: 'Voir la déclaration',
		noneUrgent: 'Aucun titre en attente de déclaration.'
	},
	errors: {
		sessionNotFound: 'Session introuvable.',
		exportNotFound: 'Fichier introuvable.',
		nothingToExport: 'Aucun passage à déclarer dont l’état civil est complet.',
		receiptMissing: 'Choisissez le fichier de l’accusé de traitement.',
		receiptTooLarge: 'L’accusé de traitement ne doit pas dépasser 5 Mo.',
		receiptNotXml: (detail: string) => `Ce fichier n’est pas un XML lisible (${detail}). Rien n’a été importé.`,
		receiptEmpty: 'Ce fichier ne contient aucun passage (idTechnique) : est-ce bien l’accusé de traitement ? Rien n’a été importé.',
		receiptPassageWithoutId: (index: number) => `Le passage n° ${index} n’a pas d’idTechnique. Rien n’a été importé.`,
		receiptStatus: (id: string, status: string) =>
			`Le passage ${id} a un statut inconnu « ${status} » (attendu : accepté ou rejeté). Rien n’a été importé.`,
		receiptDuplicate: (id: string) => `Le passage ${id} figure deux fois dans l’accusé. Rien n’a été importé.`,
		receiptUnknown: (ids: string[]) =>
			`${ids.length > 1 ? 'Ces passages ne correspondent' : 'Ce passage ne correspond'} à aucun fichier envoyé par Soutenance : ` +
			`${ids.slice(0, 5).join(', ')}${ids.length > 5 ? '…' : ''}. Rien n’a été importé.`,
		receiptOtherSession: (ids: string[]) =>
			`${ids.length > 1 ? 'Ces passages sont' : 'Ce passage est'} d’une autre session : ${ids.slice(0, 5).join(', ')}` +
			`${ids.length > 5 ? '…' : ''}. Importez cet accusé depuis la page « Déclaration CDC » de toutes les sessions. Rien n’a été importé.`
	},
	reminder: {
		subject: (count: number) => `Déclaration à la Caisse des Dépôts : ${count} titre${count > 1 ? 's' : ''} à déclarer sous 30 jours`,
		body: (name: string, lines: string[], link: string) =>
			[
				`Bonjour ${name},`,
				'',
				'Ces titres doivent être déclarés à la Caisse des Dépôts dans les 3 mois suivant leur délivrance ; l’échéance approche :',
				'',
				...lines,
				'',
				`Préparez le fichier XML et déposez-le sur le portail de la Caisse des Dépôts : ${link}`,
				'',
				'Soutenance'
			].join('\n'),
		line: (candidate: string, session: string, deadline: string, state: string) =>
			`- ${candidate} (${session}) : ${state}, avant le ${deadline}`
	}
};
