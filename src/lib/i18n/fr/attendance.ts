// French strings of the attendance sheets (« feuilles d'émargement »): the tablet's sheet and
// signing pad, the refusals, and the PDF kept with the procès-verbal.
import { juryName } from './common';

const halfDayNames = { morning: 'matin', afternoon: 'après-midi' } as const;

/** « Matin du lundi 7 décembre 2026 », « Après-midi du … ». */
const halfDayLabel = (part: 'morning' | 'afternoon', day: string) => {
	const name = halfDayNames[part];
	return `${name.charAt(0).toUpperCase()}${name.slice(1)} du ${day}`;
};

export const attendance = {
	halfDayNames,
	halfDayLabel,
	refusals: {
		juryNotFound: 'Jury introuvable.',
		presidentOnly: 'Seul·e le ou la président·e du jury peut télécharger ses feuilles d’émargement.',
		halfDayNotFound: 'Ce jury n’entend aucun·e candidat·e pendant cette demi-journée.',
		personNotFound: 'Cette personne ne figure pas sur la feuille d’émargement de ce jury pour cette demi-journée.',
		methodInvalid: 'Choisissez une façon de signer : sur la tablette, ou sur la feuille papier.',
		signatureMissing: 'La signature est vide : signez dans le cadre avec le doigt, un stylet ou la souris, puis validez.',
		signatureTooLarge: 'La signature envoyée est trop lourde (200 Ko au plus) : effacez-la avec « Recommencer » et signez de nouveau.',
		signatureNotPng: 'La signature envoyée n’est pas une image PNG lisible : rechargez la page et signez de nouveau.',
		signatureDimensions: 'La signature envoyée n’a pas les dimensions du cadre de signature : rechargez la page et signez de nouveau.',
		jurorSelf: 'Un·e juré·e signe sa présence soi-même, connecté·e à son propre compte.',
		absent: 'Ce ou cette candidat·e est marqué·e absent·e : il ou elle ne peut pas signer.',
		paperPresidentOnly: 'Seul·e le ou la président·e du jury peut attester une signature sur la feuille papier.',
		alreadySigned: (name: string) => `${name} a déjà signé pour cette demi-journée.`,
		'not-today': 'La feuille d’émargement se signe le jour même : cette demi-journée n’est pas aujourd’hui.',
		'not-yet': 'Cette demi-journée n’a pas commencé : la feuille de l’après-midi se signe à partir de 13 h 00.'
	},
	pages: {
		sheet: {
			title: (jury: string) => `Émargement · ${juryName(jury)} · Soutenance`,
			heading: 'Feuille d’émargement',
			intro:
				'Chaque candidat·e signe sa présence à son arrivée, et chaque juré·e une fois par demi-journée. ' +
				'La feuille signée est conservée avec le procès-verbal.',
			noDefense: 'Ce jury n’entend encore aucun·e candidat·e : il n’y a pas de feuille d’émargement.',
			halfDays: 'Demi-journées',
			current: 'affichée',
			candidates: 'Candidat·es',
			jurors: 'Membres du jury',
			planned: (time: string) => `Passage prévu à ${time}`,
			president: 'président·e',
			signedAt: (time: string) => `Signé à ${time}`,
			signedOnPaper: (time: string) => `Signé sur la feuille papier, attesté à ${time}`,
			collectedBy: (name: string) => `recueilli par ${name}`,
			absent: 'Absent·e',
			notSigned: 'Pas encore signé',
			sign: 'Faire signer',
			signMine: 'Signer ma présence',
			markAbsent: 'Marquer absent·e',
			markedAbsent: 'Candidat·e marqué·e absent·e.',
			signed: (name: string) => `Signature de ${name} enregistrée.`,
			download: 'Télécharger la feuille (PDF)',
			back: 'Retour à mes soutenances'
		},
		results: {
			sheets: 'Feuilles d’émargement',
			sheet: (halfDay: string) => `${halfDay} (PDF)`,
			none: 'aucune feuille d’émargement, ce jury n’a entendu personne.'
		},
		sign: {
			title: (name: string) => `Signature de ${name} · Soutenance`,
			heading: (name: string) => `Signature de ${name}`,
			candidateIntro: (halfDay: string, jury: string) => `Présence à la soutenance · ${halfDay} · ${jury}`,
			jurorIntro: (halfDay: string, jury: string) => `Présence au jury · ${halfDay} · ${jury}`,
			candidateAttests: 'En signant, vous attestez votre présence à votre soutenance.',
			jurorAttests: 'En signant, vous attestez votre présence au jury pour cette demi-journée.',
			padHelp: 'Signez dans le cadre avec le doigt, un stylet ou la souris.',
			restart: 'Recommencer',
			confirm: 'Valider la signature',
			empty: 'Le cadre est vide : signez avant de valider.',
			saving: 'Enregistrement…',
			paperHeading: 'Signature sur la feuille papier',
			paperIntro:
				'Quand le cadre ne peut pas servir (JavaScript désactivé, signature impossible sur l’écran), faites signer la feuille papier ' +
				'puis attestez-le ici : la feuille d’émargement portera « signé sur la feuille papier » et l’heure de votre attestation.',
			paperJurorIntro:
				'Quand le cadre ne peut pas servir (JavaScript désactivé, signature impossible sur l’écran), signez la feuille papier ' +
				'puis confirmez ici votre présence : la feuille d’émargement portera « signé sur la feuille papier ».',
			paperConfirm: (name: string) => `J’atteste que ${name} est présent·e et a signé la feuille papier`,
			paperJurorConfirm: 'Je suis présent·e et j’ai signé la feuille papier',
			paperSubmit: 'Enregistrer la présence',
			paperPresidentOnly: 'Sans cadre de signature, seul·e le ou la président·e du jury peut attester la présence d’un·e candidat·e.',
			cancel: 'Annuler'
		}
	},
	pdf: {
		title: 'Feuille d’émargement',
		subject: (jury: string, halfDay: string) => `${juryName(jury)} · ${halfDay}`,
		session: 'Session',
		jury: 'Jury',
		rooms: 'Salle',
		date: 'Date',
		zone: (zone: string) => `Heures en ${zone}`,
		candidates: 'Candidat·es',
		jurors: 'Membres du jury',
		name: 'Nom',
		planned: 'Passage prévu',
		arrival: 'Arrivée (signature)',
		signature: 'Signature',
		role: 'Rôle',
		president: 'Président·e',
		member: 'Membre',
		absent: 'absent·e',
		notSigned: 'non signé',
		onPaper: 'signé sur la feuille papier',
		collectedBy: (name: string) => `recueilli par ${name}`,
		none: 'Aucun·e candidat·e pour cette demi-journée.',
		footer:
			'Signatures recueillies sur la tablette du jury, chacune avec son heure et la personne qui l’a recueillie ; ' +
			'elles figurent au journal d’audit de Soutenance.'
	}
};
