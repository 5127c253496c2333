// French strings of the planning area: engine runs, manual edits, imports and exports.
import { juryInSentence, juryName } from './common';

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
		defenseRequired: 'Indiquez la soutenance à déplacer (paramètre « soutenance »).',
		pinned: (who: string) => `La soutenance de ${who} est épinglée : désépinglez-la avant de la déplacer.`,
		notASessionDay: (date: string) => `Le ${date} n’est pas un jour de la session.`,
		outsideHours: (date: string, opens: string, closes: string, end: string) =>
			`La soutenance finirait à ${end}, hors des heures d’ouverture du ${date} (${opens}–${closes}).`,
		beforeOpening: (date: string, opens: string, closes: string) =>
			`La soutenance commencerait avant l’ouverture du ${date} (${opens}–${closes}).`,
		overlapsBreak: (from: string, to: string) => `La soutenance chevauche la pause ${from}–${to}.`,
		personUnavailable: (who: string, date: string, from: string, to: string) => `${who} est indisponible le ${date} de ${from} à ${to}.`,
		roomUnavailable: (room: string, date: string, from: string, to: string) => `${room} est indisponible le ${date} de ${from} à ${to}.`,
		declaredConflict: (juror: string, candidate: string) => `${juror} est en conflit d’intérêts avec ${candidate}.`,
		sameCompany: (juror: string, candidate: string, company: string) =>
			`${juror} travaille chez ${company}, comme ${candidate} : conflit d’intérêts.`,
		jurorBusy: (juror: string, other: string, from: string, to: string) =>
			`${juror} siège déjà à la soutenance de ${other} (${from}–${to}).`,
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
	exportColumns: ['date', 'début', 'fin', 'fuseau', 'jury', 'salle/lien', 'candidat(s)', 'e-mail', 'équipe', 'projet', 'membres du jury'],
	pages: {
		plan: {
			title: (sessionName: string) => `Planning · ${sessionName} · Soutenance`,
			planning: 'Planning',
			toutesLesHeuresSont: 'Toutes les heures sont dans le fuseau de la session :',
			vuesDuPlanning: 'Vues du planning',
			vueParJure: 'Vue par juré·e',
			vueParCandidat: 'Vue par candidat·e',
			laSessionNePeut: 'La session ne peut pas être planifiée en l’état :',
			calculDuPlanning: 'Calcul du planning',
			planifierPlaceToutesLes:
				'« Planifier » place toutes les soutenances autour des soutenances épinglées. « ' +
				'Réoptimiser » repart du planning actuel et déplace le moins de soutenances possible.',
			planifier: 'Planifier',
			reoptimiser: 'Réoptimiser',
			calculEnCours: (value: string) => `Calcul en cours${value}`,
			candidatEsPlaceEs: (placed: number, total: number) => `${placed} candidat·es placé·es sur ${total}`,
			rafraichir: 'Rafraîchir',
			planningImporteSoutenance: (imported: number) => `Planning importé : ${imported} soutenance(s).`,
			resultatEtStatistiques: 'Résultat et statistiques',
			candidatEsPlaceEs2: 'Candidat·es placé·es',
			sur: (placed: number, total: number) => `${placed} sur ${total}`,
			journeesDeJury: 'Journées de jury',
			minutesAttenteDesJurys: 'Minutes d’attente des jurys',
			min: (idleMinutes: number) => `${idleMinutes} min`,
			expertiseDuJuryEn: 'Expertise du jury en rapport avec le projet',
			soutenanceSur: (expertiseMatches: number, length: number) => `${expertiseMatches} soutenance(s) sur ${length}`,
			nonPlaceEs: (length: number) => `Non placé·es (${length})`,
			deplacerLaSoutenanceDe: (label: string) => `Déplacer la soutenance de ${label}`,
			actuellementJuryLeDe: (juryLabel: string, value: string, startLocal: string, endLocal: string, timezone: string) =>
				`Actuellement : ${juryInSentence(juryLabel)}, le ${value} de ${startLocal} à ${endLocal} (${timezone}).`,
			soutenanceDeplacee: 'Soutenance déplacée.',
			jury: 'Jury',
			jury2: (label: string, roomName: string) => `${juryName(label)} (${roomName})`,
			jour: 'Jour',
			heureDeDebut: (timezone: string) => `Heure de début (${timezone})`,
			deplacer: 'Déplacer',
			fermer: 'Fermer',
			grille: 'Grille',
			joursDeLaSession: 'Jours de la session',
			faitesGlisserUneSoutenance:
				'Faites glisser une soutenance vers un autre jury ou une autre heure : les créneaux possibles ' +
				's’affichent en vert pendant le déplacement, et il n’est accepté que s’il respecte toutes les règles.',
			soutenances: 'Soutenances',
			listeDesSoutenances: 'Liste des soutenances',
			heure: 'Heure',
			candidat: 'Candidat·e(s)',
			actions: 'Actions',
			equipe: (team: string) => `Équipe ${team}`,
			epinglee: 'Épinglée',
			deplacerVers: 'Déplacer vers…',
			aucuneSoutenancePlanifieePour: 'Aucune soutenance planifiée pour l’instant.',
			exporterEtImporter: 'Exporter et importer',
			problemeDePlanificationProblem: 'Problème de planification (problem.json)',
			planningScheduleJson: 'Planning (schedule.json)',
			planningPourTableurCsv: 'Planning pour tableur (CSV)',
			planningPourExcelXlsx: 'Planning pour Excel (XLSX)',
			importerUnPlanningJson: 'Importer un planning (JSON au format soutenance.schedule/1)',
			importerEtRemplacerLe: 'Importer et remplacer le planning',
			lePlanningImporteEst: 'Le planning importé est vérifié règle par règle ; s’il en enfreint une seule, rien n’est modifié.',
			rafraichirLaPage: 'Rafraîchir la page',
			lastRun: (mode: string, placed: number, total: number) =>
				`Dernier calcul (${mode === 'plan' ? 'planification' : 'réoptimisation'}) : ${placed} candidat·es placé·es sur ${total}.`,
			team: (team: string) => ` (équipe ${team})`,
			pin: 'Épingler',
			unpin: 'Désépingler',
			pinLabel: (label: string) => `Épingler la soutenance de ${label}`,
			unpinLabel: (label: string) => `Désépingler la soutenance de ${label}`
		},
		grid: {
			jury: (label: string) => juryName(label),
			pause: (start: string, end: string) => `Pause ${start}–${end}`,
			equipe: (team: string) => `Équipe ${team}`,
			pinned: ' · épinglée',
			late: (minutes: number) => `· retard ${minutes} min`,
			dropAt: (jury: string, time: string) => `→ ${juryName(jury)} · ${time}`,
			dropRefused: ' · impossible ici'
		},
		candidateSlots: {
			lienVisio: 'lien de visio',
			title: (sessionName: string) => `Planning par candidat·e · ${sessionName} · Soutenance`,
			planningParCandidat: 'Planning par candidat·e',
			heuresDansLeFuseau: 'Heures dans le fuseau de la session :',
			retourAuPlanning: 'Retour au planning',
			creneauxDesCandidats: 'Créneaux des candidats',
			creneauDeChaqueCandidat: 'Créneau de chaque candidat·e',
			candidat: 'Candidat·e',
			equipe: 'Équipe',
			date: 'Date',
			heure: 'Heure',
			jury: 'Jury',
			nonPlace: (value: string) => `Non placé·e${value}`
		},
		jurorSlots: {
			title: (sessionName: string) => `Planning par juré·e · ${sessionName} · Soutenance`,
			planningParJure: 'Planning par juré·e',
			heuresDansLeFuseau: 'Heures dans le fuseau de la session :',
			retourAuPlanning: 'Retour au planning',
			soutenancesDuJure: 'Soutenances du juré',
			soutenancesDeDansOrdre: (name: string) => `Soutenances de ${name}, dans l’ordre`,
			date: 'Date',
			heure: 'Heure',
			jury: 'Jury',
			candidat: 'Candidat·e(s)',
			projet: 'Projet',
			aucuneSoutenance: 'Aucune soutenance.',
			team: (team: string) => ` (équipe ${team})`
		}
	}
};
