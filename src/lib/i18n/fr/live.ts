// French strings of the live area: the shared timer, the room display, the coordination's live
// board and the candidates' predicted delay.
import { juryInSentence, juryName } from './common';

export const live = {
	tooManyStreams: 'Trop de pages en direct ouvertes pour cette session : fermez-en une et rechargez celle-ci.',
	phases: {
		accueil: 'Accueil',
		presentation: 'Présentation',
		questions: 'Questions',
		deliberation: 'Délibération',
		termine: 'Terminé'
	} as Record<string, string>,
	actions: {
		start: 'Démarrer',
		next: 'Phase suivante',
		pause: 'Pause',
		resume: 'Reprendre',
		absent: 'Marquer absent·e'
	} as Record<string, string>,
	announcements: {
		twoMinutes: 'Plus que 2 minutes.',
		oneMinute: 'Plus qu’une minute.',
		overtime: 'Temps écoulé : dépassement en cours.',
		phase: (label: string) => `Phase : ${label}.`,
		paused: 'Minuteur en pause.',
		absent: 'Candidat·e marqué·e absent·e.'
	},
	overtime: (clock: string) => `+${clock} de dépassement`,
	overtimeLabel: 'Dépassement',
	juryBusy: (candidates: string, time: string, phase: string) =>
		`La soutenance de ${candidates} (${time}) est en cours, phase « ${phase} » : le jury ne mène qu’une soutenance à la fois. ` +
		'Terminez-la d’abord (« Phase suivante » jusqu’à « Terminé »), puis démarrez celle-ci.',
	openCurrent: 'Ouvrir la soutenance en cours',
	paused: 'En pause',
	absent: 'Absent·e',
	juryNotFound: 'Jury introuvable.',
	sessionNotFound: 'Session introuvable.',
	// Every refusal of a timer action, by a code a page can carry in its address (no-JavaScript posts).
	refusals: {
		'president-only': 'Seul·e le ou la président·e du jury peut piloter le minuteur.',
		'unknown-action': 'Action du minuteur inconnue.',
		stale: 'Le minuteur a changé entre-temps : l’affichage est à jour, vérifiez avant de recommencer.',
		'not-found': 'Soutenance introuvable.',
		'already-started': 'La soutenance a déjà commencé.',
		'not-started': 'La soutenance n’a pas encore commencé : utilisez « Démarrer ».',
		finished: 'La soutenance est terminée.',
		'already-paused': 'Le minuteur est déjà en pause.',
		'not-paused': 'Le minuteur n’est pas en pause.',
		'started-cannot-be-absent': 'La soutenance a commencé : le ou la candidat·e ne peut plus être marqué·e absent·e.',
		absent: 'Le ou la candidat·e est marqué·e absent·e.',
		'signed-present':
			'Ce ou cette candidat·e a signé la feuille d’émargement : il ou elle est présent·e et ne peut pas être marqué·e absent·e.',
		'jury-busy': 'Une autre soutenance de ce jury est en cours : terminez-la avant d’en démarrer une autre.'
	} as Record<string, string>,
	delay: {
		onTime: 'À l’heure',
		late: (minutes: number) => `${minutes} min de retard`,
		early: (minutes: number) => `${minutes} min d’avance`
	},
	pages: {
		timer: {
			minuteur: 'Minuteur',
			dureePrevue: (value: string) => `Durée prévue : ${value}`,
			presentationPrevueQuestions: (value: string, value2: string) => `Présentation prévue : ${value}, questions : ${value2}`,
			confirmezQueNeEst: (value: string) => `Confirmez que ${value} ne s’est pas présenté·e. La soutenance n’aura pas lieu.`,
			confirmerAbsence: 'Confirmer l’absence',
			tempsEcoule: 'Temps écoulé :',
			tempsRestant: 'Temps restant :',
			connectionLost: 'Connexion perdue : le minuteur n’a pas été modifié. Réessayez.'
		},
		predictedDelay: {
			votrePassageAujourdHui: 'Votre passage aujourd’hui',
			votreSoutenanceEstEn: 'Votre soutenance est en cours.',
			heurePrevue: (value: string) => `Heure prévue : ${value}`,
			passageEstime: 'Passage estimé :',
			estimationMiseJourEn: 'Estimation mise à jour en direct selon l’avancement du jury. Présentez-vous à l’heure prévue.'
		},
		board: {
			title: (name: string) => `Direct · ${name} · Soutenance`,
			direct: 'Direct',
			misJourEnContinu: (zone: string) => `Mis à jour en continu. Heures en ${zone}.`,
			aucunJuryDansCette: 'Aucun jury dans cette session.',
			avancementDesJurys: 'Avancement des jurys',
			avancementDeChaqueJury: 'Avancement de chaque jury aujourd’hui',
			jury: 'Jury',
			candidat: 'Candidat·e',
			phase: 'Phase',
			tempsRestant: 'Temps restant',
			retardSurLePlan: 'Retard sur le plan',
			grillesRemises: 'Grilles remises',
			absences: 'Absences',
			jury2: (label: string) => juryName(label),
			affichageDeSalle: 'Affichage de salle',
			duJury: (label: string) => `du ${juryInSentence(label)}`,
			terminees: (done: number, total: number) => `${done} / ${total} terminées`,
			enCours: 'en cours',
			surLaJournee: 'sur la journée',
			plannedAt: (time: string) => `prévu à ${time}`,
			noDefenseToday: 'Aucune soutenance aujourd’hui',
			dayOver: 'Journée terminée',
			predicted: (delay: string) => `${delay} (prévu)`
		},
		jurorHome: {
			title: 'Mes soutenances · Soutenance',
			heading: (displayName: string) => `Bonjour ${displayName}`,
			vosSoutenancesApparaitrontIci: 'Vos soutenances apparaîtront ici dès que le planning de la session sera publié.',
			ajouterToutesMesSoutenances: 'Ajouter toutes mes soutenances au calendrier',
			jury: (jury: string, place: string) => `${juryName(jury)} · ${place}`,
			attendance: (jury: string) => `Feuille d’émargement · ${juryName(jury)}`
		},
		room: {
			title: (juryLabel: string) => `Salle · Jury ${juryLabel} · Soutenance`,
			heading: (juryLabel: string) => juryName(juryLabel),
			aucuneSoutenanceEnCours: (juryLabel: string) => `Aucune soutenance en cours pour le jury ${juryLabel}.`
		}
	}
};
