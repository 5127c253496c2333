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
	rangeInClockChange:
		"Cette plage tombe dans l'heure sautée au passage à l'heure d'été, qui n'existe pas ce jour-là : indiquez des heures qui existent.",
	rangeNotFound: 'Cette indisponibilité est introuvable.',
	pages: {
		dayFields: {
			date: 'Date',
			ouverture: (zone: string) => `Ouverture (${zone})`,
			fermeture: (zone: string) => `Fermeture (${zone})`,
			pauses: 'Pauses',
			debutDeLaPause: (value: number) => `Début de la pause ${value}`,
			finDeLaPause: (value: number) => `Fin de la pause ${value}`,
			retirerCettePause: 'Retirer cette pause',
			debutUneNouvellePause: "Début d'une nouvelle pause",
			finDeLaNouvelle: 'Fin de la nouvelle pause'
		},
		settingsFields: {
			nomDeLaSession: 'Nom de la session',
			referentiel: 'Référentiel',
			dureesDeEpreuveMinutes: "Durées de l'épreuve (minutes)",
			presentation: 'Présentation',
			questions: (min: number, max: number) => `Questions (${min} à ${max})`,
			deliberation: 'Délibération',
			battementEntreDeuxSoutenances: 'Battement entre deux soutenances',
			parMembreEquipeEn: "Par membre d'équipe en plus",
			fuseauHoraireIana: 'Fuseau horaire (IANA)',
			lieu: 'Lieu',
			deliberationAnonyme: 'Délibérer sur des dossiers anonymisés',
			deliberationAnonymeAide:
				'Les jurés voient à la délibération « Candidat n° 7 » au lieu du nom : le numéro d’inscription du candidat dans la session, ' +
				'qui ne change plus. La tablette de soutenance et le procès-verbal signé gardent le nom, le procès-verbal avec le numéro.'
		},
		sessionList: {
			title: 'Coordination · Soutenance',
			heading: 'Sessions de certification',
			nouvelleSession: 'Nouvelle session',
			aucuneSessionPourLe: 'Aucune session pour le moment.',
			session: 'Session',
			dates: 'Dates',
			bloc: 'Bloc',
			candidats: 'Candidats',
			jurys: 'Jurys',
			fuseau: 'Fuseau'
		},
		sessionLayout: {
			sessions: '← Sessions',
			sectionsDeLaSession: 'Sections de la session',
			sections: {
				overview: 'Tableau de bord',
				settings: 'Paramètres',
				jurors: 'Jurés',
				juries: 'Jurys',
				candidates: 'Candidats',
				planning: 'Planning',
				publication: 'Publication',
				results: 'Résultats',
				statistics: 'Statistiques',
				live: 'Direct'
			}
		},
		overview: {
			title: (name: string) => `${name} · Soutenance`,
			vueEnsemble: "Vue d'ensemble",
			parametres: 'Paramètres',
			enregistrerLesParametres: 'Enregistrer les paramètres',
			joursEtHoraires: 'Jours et horaires',
			heuresLocalesDuFuseau: (timezone: string) => `Heures locales du fuseau de la session (${timezone}).`,
			enregistrerLeJour: 'Enregistrer le jour',
			retirerLe: (value: string) => `Retirer le ${value}`,
			aucunJourPourLe: 'Aucun jour pour le moment.',
			ajouterUnJour: 'Ajouter un jour',
			ajouterLeJour: 'Ajouter le jour',
			sallesEtSallesDe: 'Salles et salles de visioconférence',
			distance: 'à distance',
			nom: 'Nom',
			salleDistanceVisio: 'Salle à distance (visio)',
			lienDeVisioconferenceHttps: 'Lien de visioconférence (https)',
			enregistrerLaSalle: 'Enregistrer la salle',
			retirerLaSalle: (name: string) => `Retirer la salle ${name}`,
			indisponibilitesDeLaSalle: 'Indisponibilités de la salle',
			disponiblePendantTouteLa: 'Disponible pendant toute la session.',
			retirerIndisponibilite: (value: string) => `Retirer l'indisponibilité ${value}`,
			retirer: 'Retirer',
			date: 'Date',
			de: (timezone: string) => `De (${timezone})`,
			text: (timezone: string) => `À (${timezone})`,
			ajouterIndisponibilite: "Ajouter l'indisponibilité",
			aucuneSallePourLe: 'Aucune salle pour le moment.',
			ajouterUneSalle: 'Ajouter une salle',
			lienDeVisioconferenceHttps2: 'Lien de visioconférence (https, obligatoire à distance)',
			ajouterLaSalle: 'Ajouter la salle',
			days: (n: number) => (n > 1 ? 'jours' : 'jour'),
			rooms: (n: number) => (n > 1 ? 'salles' : 'salle'),
			jurors: (n: number) => (n > 1 ? 'jurés' : 'juré'),
			juries: (n: number) => (n > 1 ? 'jurys' : 'jury'),
			candidates: (n: number) => (n > 1 ? 'candidats' : 'candidat'),
			epreuve: (
				s: {
					presentationMinutes: number;
					questionsMinutes: number;
					deliberationMinutes: number;
					changeoverMinutes: number;
					timezone: string;
				},
				zone: string
			) =>
				`Épreuve : présentation ${s.presentationMinutes} min, questions ${s.questionsMinutes} min, ` +
				`délibération ${s.deliberationMinutes} min, battement ${s.changeoverMinutes} min. Fuseau : ` +
				`${s.timezone} (${zone}).`,
			place: (place: string) => ` Lieu : ${place}.`
		},
		dashboard: {
			title: (name: string) => `Tableau de bord · ${name} · Soutenance`,
			heading: 'Où en est la session',
			next: 'Prochaine étape',
			allDone: 'Toutes les étapes sont faites : la session est close.',
			setUp: 'Mise en place',
			days: (dates: string[]) =>
				dates.length === 0 ? 'Aucun jour' : dates.length === 1 ? `1 jour : ${dates[0]}` : `${dates.length} jours : ${dates.join(', ')}`,
			rooms: (n: number) => (n === 0 ? 'aucune salle' : n === 1 ? '1 salle' : `${n} salles`),
			jurors: (n: number) => (n === 0 ? 'aucun juré' : n === 1 ? '1 juré' : `${n} jurés`),
			editSettings: 'Modifier les paramètres',
			steps: 'Étapes de la session',
			state: { done: 'Fait', next: 'À faire maintenant', todo: 'À venir' } as Record<string, string>,
			step: {
				juries: {
					title: 'Jurys formés',
					count: (n: number, total: number) =>
						total === 0 ? 'Aucun jury pour le moment.' : `${n} sur ${total} complets (règles de composition respectées).`,
					link: 'Jurys'
				},
				candidates: {
					title: 'Candidats importés',
					count: (n: number) => (n === 0 ? 'Aucun candidat inscrit.' : n === 1 ? '1 candidat inscrit.' : `${n} candidats inscrits.`),
					link: 'Candidats'
				},
				plan: {
					title: 'Planning calculé',
					count: (n: number, total: number) => (total === 0 ? 'Aucun candidat à placer.' : `${n} sur ${total} candidats placés.`),
					link: 'Planning'
				},
				published: {
					title: 'Planning publié',
					count: (version: number, at: string | null) =>
						version === 0 ? 'Pas encore publié : aucune convocation envoyée.' : `Version ${version}, publiée le ${at}.`,
					link: 'Publication'
				},
				day: {
					title: 'Journée en cours',
					count: (heard: number, total: number, running: number) =>
						total === 0
							? 'Aucune soutenance planifiée.'
							: `${heard} sur ${total} soutenances passées${running > 0 ? `, ${running} en cours` : ''}.`,
					link: 'Direct'
				},
				grids: {
					title: 'Grilles soumises',
					count: (n: number, total: number) =>
						total === 0 ? 'Aucune grille attendue pour le moment.' : `${n} sur ${total} grilles soumises.`,
					link: 'Direct'
				},
				deliberations: {
					title: 'Délibérations signées',
					count: (n: number, total: number) => (total === 0 ? 'Aucun jury à délibérer.' : `${n} sur ${total} procès-verbaux signés.`),
					link: 'Résultats'
				},
				results: {
					title: 'Résultats publiés',
					count: (at: string | null) => (at ? `Publiés le ${at}.` : 'Pas encore publiés.'),
					link: 'Résultats'
				}
			},
			open: (section: string, step: string) => `${section} — ${step}`
		},
		newSession: {
			title: 'Nouvelle session · Soutenance',
			sessions: '← Sessions',
			heading: 'Nouvelle session',
			lesDureesProposeesSont:
				"Les durées proposées sont celles de l'épreuve du référentiel. Vous ajouterez les jours, " +
				'les salles, les jurés et les jurys ensuite.',
			creerLaSession: 'Créer la session'
		}
	}
};
