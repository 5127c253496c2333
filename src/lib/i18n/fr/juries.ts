// French strings of the juries area: composition and its rules.
import { juryName } from './common';

export const juries = {
	notFound: 'Ce jury ne fait pas partie de la session.',
	labelRequired: 'Le nom du jury est obligatoire.',
	labelTaken: 'Un jury porte déjà ce nom dans la session.',
	roomRequired: 'Choisissez une salle pour le jury.',
	hasDefenses: 'Ce jury a des soutenances planifiées : déplacez-les vers un autre jury avant de le supprimer.',
	memberHasSubmitted: (names: string[]) =>
		names.length > 1
			? `${names.join(', ')} ont déjà remis une grille pour une soutenance de ce jury : ` +
				'ces membres restent dans le jury, leurs notes comptent dans la délibération.'
			: `${names[0]} a déjà remis une grille pour une soutenance de ce jury : ` +
				'ce membre reste dans le jury, ses notes comptent dans la délibération.',
	memberNotInSession: 'Un des membres choisis ne fait pas partie des jurés de la session.',
	invalid: 'La composition du jury ne respecte pas les règles :',
	tooFewMembers: 'Un jury compte au moins 2 membres.',
	presidentMissing: 'Choisissez un président ou une présidente parmi les membres.',
	presidentNotMember: 'Le président doit être membre du jury.',
	presidentNotEligible: (name: string) => `${name} ne peut pas présider un jury (non habilité·e à la présidence).`,
	notEnoughExternal: (external: number, total: number) =>
		`Au moins la moitié des membres doivent être extérieurs : ${external} sur ${total} le sont.`,
	sameCompany: (company: string) => `même entreprise (${company})`,
	pages: {
		juryForm: {
			nomDuJury: 'Nom du jury',
			salle: 'Salle',
			choisir: '— Choisir —',
			membresEtPresidence: 'Membres et présidence',
			jure: 'Juré·e',
			entreprise: 'Entreprise',
			statut: 'Statut',
			membre: 'Membre',
			preside: 'Préside',
			membreDuJury: (name: string) => `${name} membre du jury`,
			presideLeJury: (name: string) => `${name} préside le jury`,
			reglesAuMoins2: 'Règles : au moins 2 membres, un président habilité parmi eux, au moins la moitié de membres extérieurs.',
			compositionCorriger: 'Composition à corriger :',
			compositionConformeAuxRegles: 'Composition conforme aux règles.',
			ceJuryNePourra: 'Ce jury ne pourra pas entendre (le planning en tiendra compte) :',
			exterieur: 'Extérieur·e',
			interne: 'Interne',
			peutPresider: ' · peut présider',
			compositionRefusee: 'La composition du jury ne respecte pas les règles :'
		},
		juries: {
			title: (name: string) => `Jurys · ${name} · Soutenance`,
			jurysDeLaSession: 'Jurys de la session',
			aucunJuryPourLe: 'Aucun jury pour le moment.',
			jury: (label: string) => juryName(label),
			ceJuryNeRespecte: 'Ce jury ne respecte plus les règles (un profil a changé) :',
			candidatsQueCeJury: (size: number) => `Candidats que ce jury ne peut pas entendre (${size})`,
			modifierLeJury: (label: string) => `Modifier le jury ${label}`,
			supprimerLeJury: (label: string) => `Supprimer le jury ${label}`,
			formerUnJury: 'Former un jury',
			ilFautAuMoins: 'Il faut au moins deux jurés (',
			jures: 'Jurés',
			etUneSalle: ') et une salle (',
			vueEnsemble: "Vue d'ensemble",
			pourFormerUnJury: ') pour former un jury.',
			creerLeJury: 'Créer le jury',
			roomAndPresident: (room: string | null, president: string) => `Salle : ${room ?? 'aucune'} · Présidence : ${president}`,
			members: (members: { name: string; external: boolean }[]) =>
				`Membres : ${members.map((member) => `${member.name}${member.external ? '' : ' (interne)'}`).join(', ')}`
		},
		jury: {
			title: (label: string, name: string) => `${juryName(label)} · ${name} · Soutenance`,
			jurysDeLaSession: '← Jurys de la session',
			jury: (label: string) => juryName(label),
			compositionDuJury: (label: string) => `Composition du jury ${label}`,
			enregistrerLeJury: 'Enregistrer le jury',
			supprimerLeJury: (label: string) => `Supprimer le jury ${label}`
		}
	}
};
