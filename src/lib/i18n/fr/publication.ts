// French strings of the publication area: refusals, convocations (e-mail, PDF, calendar), jurors' schedules.
import { juryInSentence } from './common';
import type { ChangeEntry, SlotView } from '$lib/domain/publication/change-summary';

// A count and its noun, agreed in number.
const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;

export const publication = {
	sessionNotFound: 'Session introuvable.',
	noDefenses: "Aucune soutenance n'est planifiée dans cette session : lancez d'abord la planification.",
	nothingChanged: (version: number) => `Le planning n'a pas changé depuis la version ${version} publiée : il n'y a rien à envoyer.`,
	staleVersion:
		"Le planning a été publié par quelqu'un d'autre entre-temps. Vérifiez les changements ci-dessous avant de publier à nouveau.",
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
	videoRoom: (name: string, url: string | null) =>
		url ? `${name} : ${url}` : `${name} (le lien vous sera communiqué par la coordination)`,
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
	attachmentsNote:
		'Vous trouverez en pièces jointes votre convocation (PDF) et un fichier à ajouter à votre ' +
		'agenda (.ics). Ils sont aussi sur Soutenance, page « Ma convocation ».',
	signature: "L'équipe de coordination",

	// Candidate e-mails.
	convocationSubject: (date: string) => `Convocation à votre soutenance du ${date}`,
	changedSubject: (date: string) => `Modification de votre convocation : soutenance du ${date}`,
	cancelledSubject: 'Votre convocation à la soutenance est annulée',
	movedLine: (from: string, to: string) => `Votre soutenance est déplacée du ${from} au ${to}.`,
	placeChangedLine: (from: string, to: string) => `Le lieu change : ${to} (au lieu de ${from}).`,
	juryChangedLine: 'Votre soutenance aura lieu devant un autre jury.',
	cancelledBody: (name: string, when: string) =>
		`Bonjour ${name},\n\nVotre soutenance prévue le ${when} est annulée : vous n'êtes plus ` +
		`placé·e dans le planning publié. La coordination reviendra vers vous avec une nouvelle ` +
		`convocation.\n\nL'équipe de coordination`,
	updatedConvocationIntro: 'Voici votre convocation à jour :',

	// Jurors.
	jurorSubject: (sessionName: string) => `Votre planning de jury : ${sessionName}`,
	jurorChangedSubject: (sessionName: string) => `Planning de jury modifié : ${sessionName}`,
	jurorIntro: (sessionName: string) => `Voici vos soutenances pour la session « ${sessionName} » :`,
	jurorNoneLeft: (sessionName: string) => `Vous n'avez plus de soutenance dans la session « ${sessionName} ».`,
	jurorChangesTitle: 'Changements depuis la dernière publication :',
	jurorAdded: (what: string) => `ajoutée : ${what}`,
	jurorRemoved: (what: string) => `retirée : ${what}`,
	jurorDefenseLine: (time: string, jury: string, place: string, candidates: string, project: string) =>
		`${time} · Jury ${jury} · ${place} · ${candidates} : « ${project} »`,
	jurorCalendarNote:
		'Le fichier .ics joint contient toutes vos soutenances de la session ; ajoutez-le à votre ' +
		'agenda (il met à jour les entrées déjà importées).',

	// Calendar entries.
	calendarName: 'Soutenance',
	candidateEventTitle: (blockCode: string) => `Soutenance ${blockCode}`,
	jurorEventTitle: (candidates: string, jury: string) => `Soutenance : ${candidates} (jury ${jury})`,
	pages: {
		candidateHome: {
			title: 'Ma convocation · Soutenance',
			heading: (displayName: string) => `Bonjour ${displayName}`,
			ouvrirLeLienDe: 'Ouvrir le lien de visioconférence',
			ajouterAuCalendrier: 'Ajouter au calendrier',
			telechargerLaConvocationPdf: 'Télécharger la convocation (PDF)',
			lePlanningEstPublie:
				"Le planning est publié, mais vous n'y êtes pas encore placé·e. La coordination vous enverra votre convocation dès que possible.",
			votreConvocationApparaitraIci: 'Votre convocation apparaîtra ici dès que le planning de cette session sera publié.',
			votreConvocationApparaitraIci2: 'Votre convocation apparaîtra ici dès que le planning de votre session sera publié.',
			convocation: (name: string) => `Convocation : ${name}`,
			session: (name: string) => `Session : ${name}`,
			today: 'Aujourd’hui',
			upcoming: 'À venir',
			sessionsPrecedentes: (count: number) => (count > 1 ? `Sessions précédentes (${count})` : 'Session précédente'),
			details: 'Tout le détail de la convocation'
		},
		outbox: {
			title: 'Messages · Soutenance',
			heading: 'Messages envoyés',
			destinataire: 'Destinataire',
			filtrer: 'Filtrer',
			piecesJointes: (value: string) => `· pièces jointes : ${value}`,
			aucunMessage: 'Aucun message.',
			smtp: 'Les messages partent par SMTP ; cette liste en garde la trace, sans les liens personnels d’invitation et de réinitialisation.',
			noSmtp:
				'Aucun serveur SMTP n’est configuré (SMTP_URL) : les messages restent ici, lisibles par la coordination, ' +
				'sauf les liens de réinitialisation de mot de passe et les codes de signature, masqués car ils ouvriraient le compte d’un autre. ' +
				'Pour qu’un mot de passe oublié puisse être remplacé, configurez SMTP_URL.',
			sentAt: (at: string, response: string | null) => `envoyé le ${at}${response ? ` · réponse du serveur : ${response}` : ''}`,
			failed: (at: string, attempts: number, response: string | null) =>
				`abandonné le ${at} après ${plural(attempts, 'tentative', 'tentatives')}${response ? ` : ${response}` : ''}`,
			sending: (attempt: number) => `envoi en cours (tentative ${attempt})`,
			retrying: (attempts: number, response: string | null, nextAt: string) =>
				`tentative ${attempts} en échec${response ? ` : ${response}` : ''} · nouvel essai le ${nextAt}`,
			messageId: (id: string) => `Message-ID : ${id}`,
			queued: 'dans la boîte d’envoi',
			state: { sent: 'Envoyé', failed: 'Échec', sending: 'Envoi en cours', retrying: 'Nouvel essai', queued: 'En attente' } as Record<
				string,
				string
			>,
			read: 'Lire le message',
			toShort: (recipient: string, at: string) => `À\u00a0${recipient} · ${at}`,
			range: (first: number, last: number, total: number) => `Messages ${first} à ${last} sur ${total}, du plus récent au plus ancien.`,
			pagination: 'Pages de messages'
		},
		publish: {
			title: (name: string) => `Publication · ${name} · Soutenance`,
			publicationDuPlanning: 'Publication du planning',
			horairesEnFuseau: (timezone: string) => `Horaires en fuseau ${timezone}.`,
			aucuneSoutenanceEstPlanifiee: "Aucune soutenance n'est planifiée : lancez d'abord la planification.",
			lePlanningPasChange: (latestVersion: number) =>
				`Le planning n'a pas changé depuis la version ${latestVersion} : personne ne sera prévenu.`,
			versionsPubliees: 'Versions publiées',
			aucuneVersionPubliee: 'Aucune version publiée.',
			versionsPublieesDuPlanning: 'Versions publiées du planning',
			version: 'Version',
			publieeLe: 'Publiée le',
			par: 'Par',
			whatFirst: 'Ce qui sera envoyé',
			whatChanged: 'Changements depuis la version publiée',
			defensesPlanned: (n: number) => `${plural(n, 'soutenance', 'soutenances')} au planning`,
			candidatesConvoked: (n: number) =>
				`${plural(n, 'candidat·e convoqué·e', 'candidat·es convoqué·es')} : e-mail avec la convocation (PDF) et le fichier d’agenda (.ics)`,
			jurorsMailed: (n: number) =>
				`${plural(n, 'juré·e', 'juré·es')} : e-mail avec son planning et un fichier d’agenda de toutes ses soutenances`,
			changes: (moved: number, candidates: number, jurors: number) => {
				const people = `${plural(candidates, 'candidat·e', 'candidat·es')}, ${plural(jurors, 'juré·e', 'juré·es')}`;
				const told = plural(candidates + jurors, 'personne prévenue', 'personnes prévenues');
				return `${plural(moved, 'soutenance déplacée', 'soutenances déplacées')}, ${told} (${people}). Les autres ne reçoivent rien.`;
			},
			unplaced: (n: number) => plural(n, 'candidat·e non placé·e', 'candidat·es non placé·es'),
			noConvocation: (n: number) => `: ${n > 1 ? 'ils ne recevront' : 'il ou elle ne recevra'} pas de convocation.`,
			publishing: 'Publication…',
			publishFirst: 'Publier le planning',
			publishChanges: 'Publier les changements',
			recipients: 'Qui sera prévenu',
			candidatesHeading: (n: number) => `Candidat·es (${n})`,
			jurorsHeading: (n: number) => `Juré·es (${n})`,
			showRecipients: (n: number) =>
				`Voir ${n > 1 ? `les ${n} personnes prévenues` : 'la personne prévenue'} et ce qui change pour chacune`,
			/** One change for one person; a juror's moved defense names its candidates. */
			change: (entry: ChangeEntry, role: 'candidate' | 'juror'): string => {
				const at = (slot: SlotView) => `le ${slot.date} à ${slot.start}, ${juryInSentence(slot.jury)}${slot.room ? `, ${slot.room}` : ''}`;
				const who = (slot: SlotView) => slot.candidates.join(' et ');
				switch (entry.kind) {
					case 'placed':
						return `convocation ${at(entry.after)}`;
					case 'unplaced':
						return `convocation annulée (était ${at(entry.before)})`;
					case 'added':
						return `soutenance ajoutée : ${who(entry.slot)}, ${at(entry.slot)}`;
					case 'removed':
						return `soutenance retirée : ${who(entry.slot)} (était ${at(entry.slot)})`;
					case 'schedule':
						return (
							`${plural(entry.count, 'soutenance', 'soutenances')}, ` +
							`du ${entry.first.date} à ${entry.first.start} au ${entry.last.date} à ${entry.last.end}`
						);
					case 'moved': {
						const { before: b, after: a } = entry;
						const time = b.date === a.date ? `${b.start} → ${a.start}` : `${b.date} ${b.start} → ${a.date} ${a.start}`;
						const jury = b.jury === a.jury ? juryInSentence(a.jury) : `${juryInSentence(b.jury)} → ${juryInSentence(a.jury)}`;
						const room = b.room === a.room ? '' : `, ${b.room ?? '—'} → ${a.room ?? '—'}`;
						const what = `${b.start === a.start && b.date === a.date ? '' : `${time}, `}${jury}${room}`;
						return role === 'juror' ? `${who(a)}, ${what}` : what;
					}
				}
			}
		},
		confirm: {
			title: (name: string) => `Confirmer la publication · ${name} · Soutenance`,
			heading: (version: number) => `Confirmer la publication de la version ${version}`,
			intro: (messages: number) =>
				`${plural(messages, 'message partira', 'messages partiront')} dès la confirmation, avec convocation et fichier d’agenda. ` +
				'Vérifiez qui est prévenu et ce qui change pour chacun.',
			confirm: (messages: number) => `Confirmer et envoyer ${plural(messages, 'message', 'messages')}`,
			cancel: 'Revenir sans publier',
			nothing: 'Rien à publier : le planning n’a pas changé, ou aucune soutenance n’est planifiée.'
		}
	}
};
