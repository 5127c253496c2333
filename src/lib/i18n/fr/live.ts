// French strings of the live area: the shared timer, the room display, the coordination's live
// board and the candidates' predicted delay.
export const live = {
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
		absent: 'Le ou la candidat·e est marqué·e absent·e.'
	} as Record<string, string>,
	delay: {
		onTime: 'À l’heure',
		late: (minutes: number) => `${minutes} min de retard`,
		early: (minutes: number) => `${minutes} min d’avance`
	}
};
