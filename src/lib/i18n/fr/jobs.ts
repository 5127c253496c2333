// French strings of the jobs' page: an import or a publication followed while it runs.
export const jobs = {
	notFound: 'Ce travail est introuvable dans cette session.',
	titles: {
		'candidate.import': 'Import des candidats',
		'results.import': 'Import des résultats',
		'plan.publish': 'Publication du planning',
		'results.publish': 'Publication des résultats'
	} as Record<string, string>,
	progressLabel: 'Avancement',
	/** What a job counts: lines of a file, or messages. */
	counted: (kind: string, done: number, total: number) =>
		kind.endsWith('.import')
			? `${done} ligne${done > 1 ? 's' : ''} sur ${total} écrite${done > 1 ? 's' : ''}`
			: `${done} message${done > 1 ? 's' : ''} sur ${total} préparé${done > 1 ? 's' : ''}`,
	pending: 'En cours : cette page se met à jour toute seule.',
	done: 'Terminé.',
	failed: (error: string) => `Interrompu : ${error}. Ce qui a été écrit avant reste écrit.`,
	refresh: 'Actualiser',
	messagesSent: (sent: number, total: number) => `Messages envoyés : ${sent} sur ${total}.`,
	messagesFailed: (failed: number) =>
		`${failed} message${failed > 1 ? 's' : ''} refusé${failed > 1 ? 's' : ''} par le serveur de courrier.`,
	messagesQueued: (total: number) => `${total} message${total > 1 ? 's' : ''} dans la boîte d’envoi`,
	outbox: 'Ouvrir la boîte d’envoi',
	failuresTitle: (count: number) => `${count} ligne${count > 1 ? 's' : ''} non écrite${count > 1 ? 's' : ''}`,
	next: {
		'candidate.import': 'Voir les candidats',
		'results.import': 'Revenir à l’import des résultats',
		'plan.publish': 'Revenir à la publication',
		'results.publish': 'Revenir aux résultats'
	} as Record<string, string>
};
