import { people } from './fr/people';
import { common } from './fr/common';
import { certification } from './fr/certification';
import { live } from './fr/live';
import { planning } from './fr/planning';
import { publication } from './fr/publication';
import { scoring } from './fr/scoring';
import { juries } from './fr/juries';
import { sessions } from './fr/sessions';
import { auth } from './fr/auth';
import { tabularImport } from './fr/import';
import { referentiel } from './fr/referentiel';
import { backup } from './fr/backup';
import { certifier } from './fr/certifier';
import { accrochage } from './fr/accrochage';
import { attendance } from './fr/attendance';
import { jobs } from './fr/jobs';

// Every French string of the interface and of the messages the app sends, in one place, so a
// second language can be added as a sibling file with the same keys. Server code reads it whole;
// pages import the parts they show (fr/common and their area's file) to keep the browser's share small.
export const fr = {
	...common,
	auth: {
		...auth,
		invalidCredentials: 'Adresse e-mail ou mot de passe incorrect.',
		missingFields: 'Saisissez votre adresse e-mail et votre mot de passe.',
		throttled: (retryAt: string) => `Trop de tentatives de connexion. Réessayez à partir de ${retryAt}.`,
		throttledSeconds: (seconds: number) =>
			`Trop de tentatives de connexion pour ce compte. Réessayez dans ${seconds} seconde${seconds > 1 ? 's' : ''}.`,
		weakPassword: 'Le mot de passe doit compter au moins 12 caractères.',
		passwordTooLong: 'Le mot de passe ne doit pas dépasser 256 caractères.',
		passwordMismatch: 'Les deux mots de passe ne correspondent pas.',
		linksThrottled: (retryAt: string) =>
			`Trop de liens non valables ont été essayés depuis cette adresse. Réessayez à partir de ${retryAt}.`,
		tokenInvalid: "Ce lien n'est pas valable : il a déjà servi, il a expiré ou il est incomplet. Demandez-en un nouveau.",
		resetRequested: 'Si un compte actif existe pour cette adresse, un lien de réinitialisation vient de lui être envoyé.',
		forbidden: "Vous n'avez pas accès à cette page.",
		crossOrigin: 'Requête refusée : elle ne provient pas de Soutenance.'
	},
	users: {
		emailInvalid: "L'adresse e-mail n'est pas valide.",
		emailTaken: 'Un compte existe déjà avec cette adresse e-mail.',
		nameRequired: 'Le nom est obligatoire.',
		roleInvalid: 'Le rôle choisi est inconnu.',
		notFound: 'Utilisateur introuvable.',
		cannotDeactivateSelf: 'Vous ne pouvez pas désactiver votre propre compte.'
	},
	mail: {
		invitationSubject: 'Votre accès à Soutenance',
		invitationBody: (name: string, role: string, link: string) =>
			[
				`Bonjour ${name},`,
				'',
				`Un compte ${role} vient d'être créé pour vous sur Soutenance.`,
				'Choisissez votre mot de passe en suivant ce lien (valable 7 jours, une seule fois) :',
				link,
				'',
				"L'équipe de coordination"
			].join('\n'),
		resetSubject: 'Réinitialisation de votre mot de passe Soutenance',
		resetBody: (name: string, link: string) =>
			[
				`Bonjour ${name},`,
				'',
				'Pour choisir un nouveau mot de passe, suivez ce lien (valable 1 heure, une seule fois) :',
				link,
				'',
				"Si vous n'avez rien demandé, ignorez ce message."
			].join('\n')
	},
	sessions,
	juries,
	people,
	planning,
	live,
	publication,
	scoring,
	certification,
	import: tabularImport,
	referentiel,
	backup,
	certifier,
	accrochage,
	attendance,
	jobs
};
