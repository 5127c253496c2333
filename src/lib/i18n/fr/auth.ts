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
			entreesPlusRecentes: 'Entrées les plus récentes',
			pagination: 'Pages du journal',
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
			quoi: 'Ce qui s’est passé',
			details: 'Détails',
			donnees: 'Données brutes',
			/** « Nadia Coordination a publié le planning de la session « Session du 03/12/2026 ». » */
			sentence: (entry: { action: string; actorName: string | null; targets: (string | null)[]; after: unknown }) => {
				const who = entry.actorName ?? 'Le système';
				const [first, second] = entry.targets;
				const named = (name: string | null | undefined, prefix = '') => (name ? `${prefix}${name}` : '');
				const quoted = (name: string | null | undefined) => (name ? ` « ${name} »` : '');
				const after = (entry.after ?? {}) as Record<string, unknown>;
				const version = typeof after.version === 'number' ? ` (version ${after.version})` : '';
				const phrases: Record<string, string> = {
					'session.create': `a créé la session${quoted(first)}`,
					'session.update': `a modifié les paramètres de la session${quoted(first)}`,
					'session.day.add': `a ajouté un jour${named(after.date as string, ' : ')}`,
					'session.day.update': `a modifié les horaires d’un jour${named(after.date as string, ' : ')}`,
					'session.day.remove': 'a retiré un jour d’une session',
					'session.room.add': `a ajouté la salle${quoted(first)}`,
					'session.room.update': `a modifié la salle${quoted(first)}`,
					'session.room.remove': 'a retiré une salle',
					'session.room.unavailable.add': `a déclaré la salle${quoted(first)} indisponible sur une plage`,
					'session.room.unavailable.remove': `a levé une indisponibilité de la salle${quoted(first)}`,
					'session.juror.invite': `a invité ${second ?? 'un·e juré·e'} dans la session${quoted(first)}`,
					'session.juror.add': `a ajouté ${second ?? 'un·e juré·e'} à la session${quoted(first)}`,
					'session.juror.remove': `a retiré ${second ?? 'un·e juré·e'} de la session${quoted(first)}`,
					'juror.profile.update': `a modifié le profil de ${first ?? 'un·e juré·e'}`,
					'juror.unavailability.add': 'a déclaré une indisponibilité de juré·e',
					'juror.unavailability.remove': 'a retiré une indisponibilité de juré·e',
					'unavailability.add': 'a déclaré une indisponibilité',
					'unavailability.remove': 'a retiré une indisponibilité',
					'conflict.declare': `a déclaré un conflit d’intérêts entre ${first ?? 'un·e juré·e'} et ${second ?? 'un·e candidat·e'}`,
					'conflict.remove': `a levé le conflit d’intérêts entre ${first ?? 'un·e juré·e'} et ${second ?? 'un·e candidat·e'}`,
					'candidate.import': `a importé des candidat·es dans la session${quoted(first)}`,
					'candidate.register': `a inscrit ${second ?? 'un·e candidat·e'} à la session${quoted(first)}`,
					'candidate.unregister': `a désinscrit ${second ?? 'un·e candidat·e'} de la session${quoted(first)}`,
					'candidate.update': `a modifié l’inscription de ${second ?? 'un·e candidat·e'}`,
					'jury.create': `a formé le jury${quoted(first)}`,
					'jury.update': `a modifié la composition du jury${quoted(first)}`,
					'jury.delete': 'a supprimé un jury',
					'planning.run.start': 'a lancé le calcul du planning',
					'planning.import': `a importé un planning dans la session${quoted(first)}`,
					'planning.defense.move': `a déplacé la soutenance de ${first ?? 'un·e candidat·e'}`,
					'plan.publish': `a publié le planning de la session${quoted(first)}${version}`,
					'timer.start': `a démarré la soutenance de ${first ?? 'un·e candidat·e'}`,
					'timer.next': `a fait passer la soutenance de ${first ?? 'un·e candidat·e'} à la phase suivante`,
					'timer.pause': `a mis en pause la soutenance de ${first ?? 'un·e candidat·e'}`,
					'timer.resume': `a repris la soutenance de ${first ?? 'un·e candidat·e'}`,
					'timer.absent': `a noté l’absence de ${first ?? 'un·e candidat·e'}`,
					'scores.save': `a enregistré des niveaux pour ${first ?? 'une soutenance'}`,
					'scores.submit': `a soumis sa grille pour ${first ?? 'une soutenance'}`,
					'scores.reopen': `a rouvert une grille de ${first ?? 'une soutenance'}`,
					'deliberation.decide': `a enregistré une décision de délibération pour ${first ?? 'une soutenance'}`,
					'pv.signing_code': `a demandé un code de signature du procès-verbal du jury${quoted(first)}`,
					'pv.sign': `a signé le procès-verbal du jury${quoted(first)}${version}`,
					'pv.lock': `a verrouillé le procès-verbal du jury${quoted(first)}, signé par tous${version}`,
					'pv.correction': `a ouvert une version corrigée du procès-verbal du jury${quoted(first)}`,
					'results.enter': `a saisi des résultats de blocs${named(first, ' pour ')}`,
					'results.import': `a importé des résultats de blocs dans la session${quoted(first)}`,
					'results.publish': `a publié les résultats de la session${quoted(first)}`,
					'user.create': `a créé le compte de ${first ?? 'un·e utilisateur·rice'}`,
					'user.deactivate': `a désactivé le compte de ${first ?? 'un·e utilisateur·rice'}`,
					'user.reactivate': `a réactivé le compte de ${first ?? 'un·e utilisateur·rice'}`,
					'user.accept_invitation': 'a accepté son invitation et choisi son mot de passe',
					'user.reset_password': 'a choisi un nouveau mot de passe',
					'user.request_password_reset': `a demandé la réinitialisation du mot de passe de ${first ?? 'son compte'}`
				};
				return `${who} ${phrases[entry.action] ?? `a fait « ${entry.action} »${named(first, ' sur ')}`}.`;
			},
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
