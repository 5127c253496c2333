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
			systeme: 'système',
			exporter: 'Exporter le journal (JSON, avec sa tête)',
			verifierEmpreinte: 'Vérifier une empreinte',
			verifierExplication:
				'Chaque procès-verbal signé et chaque export du journal portent un maillon du journal (son numéro et son empreinte) : ' +
				'saisissez-le pour vérifier que le journal le contient toujours, tel quel.',
			numeroMaillon: 'N° du maillon',
			empreinte: 'Empreinte (64 caractères hexadécimaux)',
			verifier: 'Vérifier',
			empreinteInvalide: 'Saisissez un numéro de maillon (chiffres) et une empreinte de 64 caractères hexadécimaux.',
			resultat: {
				intact: (id: string) =>
					`Maillon n° ${id} : empreinte retrouvée, et la chaîne est intègre jusqu'à lui. ` +
					`Le journal n'a été ni raccourci ni réécrit jusqu'à ce maillon.`,
				missing: (id: string) => `Maillon n° ${id} introuvable : le journal a été raccourci depuis que cette empreinte a été relevée.`,
				rewritten: (id: string) =>
					`Maillon n° ${id} : le journal porte une autre empreinte. Il a été réécrit depuis que cette empreinte a été relevée.`,
				broken: (id: string) => `Maillon n° ${id} : empreinte retrouvée, mais la chaîne est rompue avant lui. Le journal a été modifié.`
			} as Record<'intact' | 'missing' | 'rewritten' | 'broken', (id: string) => string>,
			maillonsImprimes: 'Maillons imprimés dans les procès-verbaux signés',
			aucunMaillonImprime: 'Aucun procès-verbal signé ne porte encore de maillon du journal.',
			session: 'Session',
			jury: 'Jury',
			version: 'Version',
			signeLe: 'Signé le (Paris)',
			maillon: 'Maillon',
			maillonNumero: (id: string) => `n° ${id}`,
			etat: 'État',
			etats: {
				intact: 'intact',
				missing: 'introuvable : journal raccourci',
				rewritten: 'autre empreinte : journal réécrit',
				broken: 'chaîne rompue avant ce maillon'
			} as Record<'intact' | 'missing' | 'rewritten' | 'broken', string>
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
