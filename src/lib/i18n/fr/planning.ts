// French strings of the planning area: engine runs, manual edits, imports and exports.
export const planning = {
	sessionNotFound: 'Cette session est introuvable.',
	defenseNotFound: 'Cette soutenance ne fait pas partie de la session.',
	juryWithoutRoom: (jury: string) => `Le jury ${jury} n’a pas de salle.`,
	juryWithoutPresident: (jury: string) => `Le jury ${jury} n’a pas de président·e.`,
	noDays: 'La session n’a aucun jour : ajoutez au moins un jour avec ses horaires.',
	noJuries: 'La session n’a aucun jury.',
	noCandidates: 'Aucun candidat n’est inscrit à la session.',
	runAlreadyRunning: 'Une planification est déjà en cours pour cette session : attendez qu’elle se termine.',
	runInterrupted: 'La planification a été interrompue (redémarrage du serveur) : relancez-la.',
	runFailed: (reason: string) => `La planification a échoué : ${reason}`,
	problemInvalid: 'La session ne peut pas être planifiée en l’état :',
	// Manual moves: each reason names the people, rooms and times involved.
	move: {
		unknownJury: 'Choisissez un jury de la session.',
		startInvalid: 'Choisissez un jour de la session et une heure de début au format HH:MM.',
		pinned: (who: string) => `La soutenance de ${who} est épinglée : désépinglez-la avant de la déplacer.`,
		notASessionDay: (date: string) => `Le ${date} n’est pas un jour de la session.`,
		outsideHours: (date: string, opens: string, closes: string, end: string) =>
			`La soutenance finirait à ${end}, hors des heures d’ouverture du ${date} (${opens}–${closes}).`,
		beforeOpening: (date: string, opens: string, closes: string) => `La soutenance commencerait avant l’ouverture du ${date} (${opens}–${closes}).`,
		overlapsBreak: (from: string, to: string) => `La soutenance chevauche la pause ${from}–${to}.`,
		personUnavailable: (who: string, from: string, to: string) => `${who} est indisponible de ${from} à ${to}.`,
		roomUnavailable: (room: string, from: string, to: string) => `${room} est indisponible de ${from} à ${to}.`,
		declaredConflict: (juror: string, candidate: string) => `${juror} est en conflit d’intérêts avec ${candidate}.`,
		sameCompany: (juror: string, candidate: string, company: string) => `${juror} travaille chez ${company}, comme ${candidate} : conflit d’intérêts.`,
		jurorBusy: (juror: string, other: string, from: string, to: string) => `${juror} siège déjà à la soutenance de ${other} (${from}–${to}).`,
		jurorChangeover: (juror: string, other: string, from: string, to: string, minutes: number) =>
			`${juror} siège à la soutenance de ${other} (${from}–${to}) : il faut ${minutes} min entre deux soutenances.`,
		roomBusy: (room: string, other: string, from: string, to: string) => `${room} occupée par la soutenance de ${other} (${from}–${to}).`,
		roomChangeover: (room: string, other: string, from: string, to: string, minutes: number) =>
			`${room} accueille la soutenance de ${other} (${from}–${to}) : il faut ${minutes} min entre deux soutenances.`,
		refused: 'Déplacement refusé :'
	},
	importInvalidJson: 'Le fichier n’est pas un JSON lisible.',
	importWrongFormat: 'Le fichier doit être un planning au format « soutenance.schedule/1 » (champs format, defenses, unplaced).',
	importMissingFile: 'Choisissez un fichier JSON de planning.',
	importTooLarge: 'Le fichier dépasse 5 Mo.',
	importRefused: 'Planning refusé, rien n’a été modifié :',
	unplacedWithoutReason: 'non placé',
	exportColumns: ['date', 'début', 'fin', 'fuseau', 'jury', 'salle/lien', 'candidat(s)', 'e-mail', 'équipe', 'projet', 'membres du jury']
};
