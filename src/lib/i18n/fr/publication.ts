// French strings of the publication area: refusals, convocations (e-mail, PDF, calendar), jurors' schedules.
export const publication = {
	sessionNotFound: 'Session introuvable.',
	noDefenses: "Aucune soutenance n'est planifiée dans cette session : lancez d'abord la planification.",
	nothingChanged: (version: number) => `Le planning n'a pas changé depuis la version ${version} publiée : il n'y a rien à envoyer.`,
	staleVersion: "Le planning a été publié par quelqu'un d'autre entre-temps. Vérifiez les changements ci-dessous avant de publier à nouveau.",
	convocationNotFound: 'Aucune convocation publiée pour vous dans cette session.',

	// Convocation: shared by the e-mail and the PDF.
	convocationTitle: 'Convocation à la soutenance',
	greeting: (name: string) => `Bonjour ${name},`,
	convokedTo: (blockCode: string, sessionName: string, certification: string) =>
		`Vous êtes convoqué·e à la soutenance du bloc ${blockCode} (${certification}), session « ${sessionName} ».`,
	labels: {
		candidate: 'Candidat·e',
		session: 'Session',
		project: 'Projet',
		when: 'Date et heure',
		whenOwnZone: 'Dans votre fuseau horaire',
		sameZone: 'votre fuseau horaire est celui de la session',
		place: 'Lieu',
		video: 'Visioconférence',
		durations: 'Déroulé',
		accommodation: 'Aménagement',
		team: 'Équipe',
		prepare: 'À préparer'
	},
	room: (name: string, address: string | null) => (address ? `${name}, ${address}` : name),
	videoRoom: (name: string, url: string | null) => (url ? `${name} : ${url}` : `${name} (le lien vous sera communiqué par la coordination)`),
	noRoom: 'Le lieu vous sera communiqué par la coordination.',
	durationLines: (presentation: number, questions: number, passage: number) => [
		`présentation de votre projet : ${presentation} minutes`,
		`questions du jury : ${questions} minutes`,
		`durée totale de votre passage devant le jury : ${passage} minutes`
	],
	accommodationLine: (percent: number, extended: number, nominal: number) =>
		`temps majoré de ${percent} % sur la présentation et les questions (${extended} minutes au lieu de ${nominal}).`,
	teamLine: (teammates: string[]) => `vous soutenez ensemble avec ${teammates.join(', ')} ; chacun·e est évalué·e individuellement.`,
	prepareLines: (remote: boolean) => [
		'votre projet et les supports de votre présentation (diapositives, démonstration) ;',
		"une pièce d'identité en cours de validité ;",
		remote
			? 'connectez-vous 15 minutes avant l’heure pour tester le lien, votre caméra et votre micro.'
			: 'présentez-vous 15 minutes avant l’heure.'
	],
	attachmentsNote: 'Vous trouverez en pièces jointes votre convocation (PDF) et un fichier à ajouter à votre agenda (.ics). Ils sont aussi sur Soutenance, page « Ma convocation ».',
	signature: "L'équipe de coordination",

	// Candidate e-mails.
	convocationSubject: (date: string) => `Convocation à votre soutenance du ${date}`,
	changedSubject: (date: string) => `Modification de votre convocation : soutenance du ${date}`,
	cancelledSubject: 'Votre convocation à la soutenance est annulée',
	movedLine: (from: string, to: string) => `Votre soutenance est déplacée du ${from} au ${to}.`,
	placeChangedLine: (from: string, to: string) => `Le lieu change : ${to} (au lieu de ${from}).`,
	juryChangedLine: 'Votre soutenance aura lieu devant un autre jury.',
	cancelledBody: (name: string, when: string) =>
		`Bonjour ${name},\n\nVotre soutenance prévue le ${when} est annulée : vous n'êtes plus placé·e dans le planning publié. La coordination reviendra vers vous avec une nouvelle convocation.\n\nL'équipe de coordination`,
	updatedConvocationIntro: 'Voici votre convocation à jour :',

	// Jurors.
	jurorSubject: (sessionName: string) => `Votre planning de jury : ${sessionName}`,
	jurorChangedSubject: (sessionName: string) => `Planning de jury modifié : ${sessionName}`,
	jurorIntro: (sessionName: string) => `Voici vos soutenances pour la session « ${sessionName} » :`,
	jurorNoneLeft: (sessionName: string) => `Vous n'avez plus de soutenance dans la session « ${sessionName} ».`,
	jurorChangesTitle: 'Changements depuis la dernière publication :',
	jurorAdded: (what: string) => `ajoutée : ${what}`,
	jurorRemoved: (what: string) => `retirée : ${what}`,
	jurorDefenseLine: (time: string, jury: string, place: string, candidates: string, project: string) => `${time} · Jury ${jury} · ${place} · ${candidates} : « ${project} »`,
	jurorCalendarNote: 'Le fichier .ics joint contient toutes vos soutenances de la session ; ajoutez-le à votre agenda (il met à jour les entrées déjà importées).',

	// Calendar entries.
	calendarName: 'Soutenance',
	candidateEventTitle: (blockCode: string) => `Soutenance ${blockCode}`,
	jurorEventTitle: (candidates: string, jury: string) => `Soutenance : ${candidates} (jury ${jury})`
};
