// French messages of `npm run backup` and `npm run restore`, and of the embedded database's lock.
export const backup = {
	dataDirBusy: (dataDir: string, pid: number) =>
		`La base intégrée de ${dataDir} est déjà ouverte par le processus ${pid} : un seul processus à la fois peut l’ouvrir. ` +
		`Arrêtez-le, ou supprimez ${dataDir}/soutenance.lock si ce processus n’est pas Soutenance.`,
	noDatabase: (dataDir: string) => `Aucune base intégrée dans ${dataDir} : rien à sauvegarder (vérifiez DATA_DIR).`,
	busyWithoutChannel: (pid: number) =>
		`La base intégrée est ouverte par le processus ${pid}, qui n’est pas un serveur Soutenance capable de la sauvegarder ` +
		'(une migration ou un script de démonstration ?). Réessayez quand il aura terminé.',
	serverUnreachable: (pid: number, detail: string) =>
		`Le serveur Soutenance (processus ${pid}) tient la base intégrée mais ne répond pas à la demande de sauvegarde : ${detail}. ` +
		'Rien n’a été écrit.',
	serverRefused: (status: number, detail: string) => `Le serveur a refusé la sauvegarde (${status}) : ${detail}`,
	channelRefused: 'Demande de sauvegarde refusée : jeton absent ou incorrect.',
	channelFailed: (detail: string) => `La copie de la base a échoué dans le serveur : ${detail}`,
	toolMissing: (tool: string) =>
		`${tool} est introuvable : installez le paquet Debian postgresql-client (ou l’équivalent de votre système).`,
	toolFailed: (tool: string, detail: string) => `${tool} a échoué : ${detail}`,
	fileMissing: (file: string) => `Le fichier ${file} n’existe pas ou n’est pas lisible.`,
	notABackup: (file: string) => `${file} n’est pas une sauvegarde de Soutenance (ni « npm run backup » de la base intégrée, ni pg_dump).`,
	serverDumpForEmbedded: (file: string) =>
		`${file} est une sauvegarde PostgreSQL (pg_dump) : restaurez-la sur un serveur, avec DATABASE_URL défini.`,
	embeddedDumpForServer: (file: string) =>
		`${file} est une sauvegarde de la base intégrée : restaurez-la sans DATABASE_URL, dans un DATA_DIR.`,
	corrupt: (file: string, detail: string) => `La sauvegarde ${file} est illisible ou tronquée : ${detail}. Rien n’a été modifié.`,
	targetNotEmpty: (target: string) =>
		`${target} contient déjà des données : rien n’a été modifié. Ajoutez --force pour les remplacer par la sauvegarde.`,
	serverRunning: (dataDir: string, pid: number) =>
		`Le serveur (processus ${pid}) utilise la base intégrée de ${dataDir} : arrêtez-le avant de restaurer. Rien n’a été modifié.`,
	databaseInUse: (count: number) =>
		`${count} autre${count > 1 ? 's' : ''} connexion${count > 1 ? 's' : ''} à cette base : ` +
		'arrêtez les serveurs Soutenance avant de restaurer. Rien n’a été modifié.',
	chainBroken: (rows: number, id: string, reason: string) =>
		`Journal d’audit : chaîne ROMPUE à la ligne ${id} sur ${rows} (${reason}). Le journal a été modifié avant cette sauvegarde ; ` +
		'la base est restaurée telle quelle et la page du journal le signale aussi.',
	backupWritten: (file: string, bytes: number, how: string) => `Sauvegarde écrite : ${file} (${bytes} octets, ${how}).`,
	how: {
		server: 'copie cohérente prise par le serveur en marche',
		closed: 'base fermée, ouverte par la commande',
		pgDump: 'pg_dump, instantané cohérent de PostgreSQL'
	},
	restored: (target: string, migrations: string[]) =>
		[
			`Sauvegarde restaurée dans ${target}.`,
			migrations.length ? `Migrations appliquées : ${migrations.join(', ')}.` : 'Schéma déjà à jour.'
		].join('\n'),
	chainIntact: (rows: number) => `Journal d’audit : chaîne intacte (${rows} ligne${rows > 1 ? 's' : ''} vérifiée${rows > 1 ? 's' : ''}).`,
	previousKept: (folder: string) => `L’ancienne base est conservée dans ${folder}.`,
	usageBackup: 'Usage : npm run backup -- [fichier]',
	usageRestore: 'Usage : npm run restore -- <fichier> [--force]',
	failed: (detail: string) => `Échec : ${detail}`
};
