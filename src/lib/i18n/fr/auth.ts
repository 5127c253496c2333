export const auth = {
	pages: {
		setPasswordForm: {
			nouveauMotDePasse: 'Nouveau mot de passe (12 caractères au moins)',
			unePhraseDePlusieurs: 'Une phrase de plusieurs mots est plus sûre et plus facile à retenir.',
			confirmezLeMotDe: 'Confirmez le mot de passe'
		},
		login: {
			title: 'Connexion · Soutenance',
			heading: 'Connexion',
			adresseMail: 'Adresse e-mail',
			motDePasse: 'Mot de passe',
			seConnecter: 'Se connecter',
			motDePasseOublie: 'Mot de passe oublié ?'
		},
		journal: {
			title: "Journal d'audit · Soutenance",
			heading: "Journal d'audit",
			chaineIntegreLesEntrees: (rows: number) => `Chaîne intègre : les ${rows} entrées se suivent et aucune n'a été modifiée.`,
			chaineRompueEntree: (brokenAtId: string, reason: string) => `Chaîne rompue à l'entrée n° ${brokenAtId} (${reason}).`,
			rechercherActionObjetAuteur: 'Rechercher (action, objet, auteur)',
			filtrer: 'Filtrer',
			journalAudit: 'Journal d’audit',
			entreesDuJournalLes: "Entrées du journal, les plus récentes d'abord",
			text: 'N°',
			dateParis: 'Date (Paris)',
			auteur: 'Auteur',
			action: 'Action',
			objet: 'Objet',
			avantApres: 'Avant → après',
			entreesPlusAnciennes: 'Entrées plus anciennes',
			systeme: 'système'
		},
		users: {
			title: 'Utilisateurs · Soutenance',
			heading: 'Utilisateurs',
			compteCreePourInvitation: (created: string) => `Compte créé pour ${created} : l'invitation est partie.`,
			creerUnCompte: 'Créer un compte',
			nomComplet: 'Nom complet',
			adresseMail: 'Adresse e-mail',
			role: 'Rôle',
			creerEtInviter: 'Créer et inviter',
			rechercher: 'Rechercher',
			nomOuAdresseMail: 'Nom ou adresse e-mail',
			filtrerParRole: 'Filtrer par rôle',
			tous: 'Tous',
			filtrer: 'Filtrer',
			comptes: 'Comptes',
			nom: 'Nom',
			mail: 'E-mail',
			etat: 'État',
			action: 'Action',
			pages: 'Pages',
			count: (n: number) => `${n} compte${n > 1 ? 's' : ''}`,
			active: 'Actif',
			invitationPending: 'Invitation en attente',
			deactivated: 'Désactivé',
			deactivate: 'Désactiver',
			reactivate: 'Réactiver',
			deactivateLabel: (name: string) => `Désactiver ${name}`,
			reactivateLabel: (name: string) => `Réactiver ${name}`
		},
		invitation: {
			title: 'Invitation · Soutenance',
			heading: (displayName: string) => `Bienvenue, ${displayName}`,
			choisissezLeMotDe: 'Choisissez le mot de passe de votre compte',
			activerMonCompte: 'Activer mon compte'
		},
		forgotPassword: {
			title: 'Mot de passe oublié · Soutenance',
			heading: 'Mot de passe oublié',
			indiquezAdresseDeVotre: "Indiquez l'adresse de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.",
			adresseMail: 'Adresse e-mail',
			recevoirLeLien: 'Recevoir le lien',
			retourLaConnexion: 'Retour à la connexion'
		},
		resetPassword: {
			title: 'Nouveau mot de passe · Soutenance',
			heading: 'Nouveau mot de passe',
			compte: 'Compte',
			enregistrerLeMotDe: 'Enregistrer le mot de passe'
		}
	}
};
