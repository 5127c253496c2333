// The people of the demo: French names, real-sounding companies, a few teams, two tiers-temps and two other arrangements.
export const DEMO_PASSWORD = 'soutenance-demo';

export const demoJurors = [
	{ name: 'Claire Martin', company: 'Société Générale', expertise: ['finance', 'mlops'], external: true, presidentEligible: true },
	{ name: 'Julien Bernard', company: 'Jedha', expertise: ['deep-learning', 'nlp'], external: false, presidentEligible: false },
	{ name: 'Sophie Laurent', company: 'Doctolib', expertise: ['sante', 'nlp'], external: true, presidentEligible: true },
	{ name: 'Nicolas Petit', company: 'Jedha', expertise: ['data-engineering', 'big-data'], external: false, presidentEligible: false },
	{ name: 'Isabelle Durand', company: 'Airbus', expertise: ['vision', 'deep-learning'], external: true, presidentEligible: true },
	{ name: 'Karim Benali', company: 'Criteo', expertise: ['recommandation', 'marketing'], external: true, presidentEligible: false },
	{ name: 'Marion Lefort', company: 'EDF', expertise: ['energie', 'series-temporelles'], external: true, presidentEligible: true },
	{ name: 'Thomas Girard', company: 'Ubisoft', expertise: ['vision', 'gan'], external: true, presidentEligible: false }
];

/** Jury label → indexes in demoJurors; the first member presides. Each jury is at least half external. */
export const demoJuries = [
	{ label: 'A', members: [0, 1, 5], room: 'Salle Turing' },
	{ label: 'B', members: [2, 3, 7], room: 'Salle Lovelace' },
	{ label: 'C', members: [4, 6], room: 'Visio Hopper' }
];

export const demoRooms = [
	{ name: 'Salle Turing', remote: false, videoUrl: null },
	{ name: 'Salle Lovelace', remote: false, videoUrl: null },
	{ name: 'Visio Hopper', remote: true, videoUrl: 'https://visio.soutenance.test/hopper' }
];

interface DemoCandidate {
	name: string;
	cohort: string;
	company: string | null;
	project: string;
	tags: string[];
	team?: string;
	timezone?: string;
	extraTimePercent?: number;
	/** Accommodations other than extra time, as the coordinator writes them. */
	otherArrangements?: string;
}

export const demoCandidates: DemoCandidate[] = [
	{
		name: 'Amélie Lefèvre',
		cohort: 'Fullstack Paris #14',
		company: 'Crédit Agricole',
		project: 'Détection de fraude sur virements SEPA',
		tags: ['finance']
	},
	{
		name: 'Moussa N’Diaye',
		cohort: 'Fullstack Paris #14',
		company: null,
		project: 'Prévision de la demande électrique régionale',
		tags: ['energie', 'series-temporelles'],
		team: 'Énergie'
	},
	{
		name: 'Chloé Rousseau',
		cohort: 'Fullstack Paris #14',
		company: 'RTE',
		project: 'Prévision de la demande électrique régionale',
		tags: ['energie', 'series-temporelles'],
		team: 'Énergie'
	},
	{
		name: 'Étienne Bouchard',
		cohort: 'Fullstack Remote #9',
		company: 'Desjardins',
		project: 'Classification d’avis clients québécois',
		tags: ['nlp'],
		timezone: 'America/Montreal'
	},
	{
		name: 'Inès Garcia',
		cohort: 'Fullstack Lyon #6',
		company: 'Boulanger',
		project: 'Recommandation produits en magasin',
		tags: ['recommandation'],
		extraTimePercent: 33,
		otherArrangements: 'Salle au calme\nPause de 5 minutes entre la présentation et les questions'
	},
	{
		name: 'Lukas Müller',
		cohort: 'Fullstack Remote #9',
		company: null,
		project: 'Segmentation géographique des clients',
		tags: ['marketing'],
		timezone: 'Europe/Berlin'
	},
	{
		name: 'Zoé Dubois',
		cohort: 'Fullstack Paris #14',
		company: 'SNCF',
		project: 'Analyse de sentiment sur les réseaux sociaux',
		tags: ['nlp']
	},
	{
		name: 'Théo Moreau',
		cohort: 'Fullstack Lyon #6',
		company: 'Decathlon',
		project: 'Génération de données synthétiques par GAN',
		tags: ['gan', 'vision']
	},
	{
		name: 'Léa Fontaine',
		cohort: 'Fullstack Paris #14',
		company: 'AP-HP',
		project: 'Tri des comptes rendus de radiologie',
		tags: ['sante', 'nlp'],
		otherArrangements: 'Support de présentation agrandi et écran de 27 pouces (déficience visuelle)'
	},
	{
		name: 'Hugo Lambert',
		cohort: 'Fullstack Paris #14',
		company: 'Leboncoin',
		project: 'Estimation du prix des annonces immobilières',
		tags: ['immobilier']
	},
	{
		name: 'Manon Chevalier',
		cohort: 'Fullstack Lyon #6',
		company: 'Orange',
		project: 'Prédiction du churn des abonnés fibre',
		tags: ['marketing'],
		team: 'Churn'
	},
	{
		name: 'Nathan Robin',
		cohort: 'Fullstack Lyon #6',
		company: null,
		project: 'Prédiction du churn des abonnés fibre',
		tags: ['marketing'],
		team: 'Churn'
	},
	{
		name: 'Camille Faure',
		cohort: 'Fullstack Lyon #6',
		company: null,
		project: 'Prédiction du churn des abonnés fibre',
		tags: ['marketing'],
		team: 'Churn'
	},
	{
		name: 'Louis Mercier',
		cohort: 'Fullstack Paris #14',
		company: 'Thales',
		project: 'Détection d’anomalies sur capteurs industriels',
		tags: ['series-temporelles']
	},
	{
		name: 'Sarah Blanc',
		cohort: 'Fullstack Paris #14',
		company: 'L’Oréal',
		project: 'Reconnaissance de produits en rayon',
		tags: ['vision'],
		extraTimePercent: 33
	},
	{
		name: 'Yanis Haddad',
		cohort: 'Fullstack Remote #9',
		company: null,
		project: 'Pipeline Spark pour logs applicatifs',
		tags: ['big-data', 'data-engineering']
	},
	{ name: 'Emma Roux', cohort: 'Fullstack Paris #14', company: 'BNP Paribas', project: 'Score de crédit explicable', tags: ['finance'] },
	{
		name: 'Gabriel Fournier',
		cohort: 'Fullstack Lyon #6',
		company: 'Michelin',
		project: 'Inspection visuelle des pneus',
		tags: ['vision', 'deep-learning']
	},
	{ name: 'Jade Girard', cohort: 'Fullstack Paris #14', company: null, project: 'Chatbot d’orientation étudiante', tags: ['nlp'] },
	{
		name: 'Arthur Bonnet',
		cohort: 'Fullstack Remote #9',
		company: 'Shopify',
		project: 'Prévision des ventes e-commerce',
		tags: ['series-temporelles'],
		timezone: 'America/Montreal'
	},
	{
		name: 'Louise André',
		cohort: 'Fullstack Lyon #6',
		company: 'Groupe SEB',
		project: 'Maintenance prédictive de lignes de production',
		tags: ['series-temporelles']
	},
	{
		name: 'Adam Mathieu',
		cohort: 'Fullstack Paris #14',
		company: 'Qonto',
		project: 'Catégorisation automatique des dépenses',
		tags: ['finance', 'nlp']
	},
	{
		name: 'Alice Guérin',
		cohort: 'Fullstack Paris #14',
		company: 'Météo-France',
		project: 'Nowcasting des précipitations',
		tags: ['deep-learning'],
		team: 'Météo'
	},
	{
		name: 'Raphaël Muller',
		cohort: 'Fullstack Paris #14',
		company: null,
		project: 'Nowcasting des précipitations',
		tags: ['deep-learning'],
		team: 'Météo'
	},
	{
		name: 'Lina Henry',
		cohort: 'Fullstack Lyon #6',
		company: 'Blablacar',
		project: 'Tarification dynamique des trajets',
		tags: ['marketing']
	},
	{
		name: 'Mathis Perrin',
		cohort: 'Fullstack Remote #9',
		company: null,
		project: 'Data lake pour une collectivité',
		tags: ['data-engineering'],
		timezone: 'Indian/Reunion'
	},
	{ name: 'Anna Morel', cohort: 'Fullstack Paris #14', company: 'Back Market', project: 'Détection de faux avis', tags: ['nlp'] },
	{ name: 'Paul Simon', cohort: 'Fullstack Lyon #6', company: 'Enedis', project: 'Détection de pertes non techniques', tags: ['energie'] },
	{
		name: 'Rose Lemoine',
		cohort: 'Fullstack Paris #14',
		company: 'Deezer',
		project: 'Recommandation musicale par contenu audio',
		tags: ['recommandation', 'deep-learning']
	},
	{
		name: 'Victor Caron',
		cohort: 'Fullstack Paris #14',
		company: 'Ubisoft',
		project: 'Détection de triche en jeu en ligne',
		tags: ['vision']
	}
];

/** The abstract of each demo project, shown to the jury on the defense page. */
export const demoAbstracts: Record<string, string> = {
	'Détection de fraude sur virements SEPA':
		'Repérer en temps quasi réel les virements SEPA frauduleux à partir de l’historique des comptes, avec un ' +
		'modèle de gradient boosting calibré et un tableau de bord pour les analystes.',
	'Prévision de la demande électrique régionale':
		'Prévoir la consommation électrique heure par heure et par région à partir de la météo et des calendriers, ' +
		'pour aider à l’équilibrage du réseau.',
	'Classification d’avis clients québécois':
		'Classer automatiquement les avis clients en français québécois par thème et par tonalité, pour orienter les ' +
		'réponses du service client.',
	'Recommandation produits en magasin':
		'Recommander des produits complémentaires aux vendeurs en magasin à partir des tickets de caisse et du ' +
		'catalogue, évalué sur un test A/B dans trois magasins.',
	'Segmentation géographique des clients':
		'Construire des segments de clientèle à partir des données d’achat et de localisation, pour cibler les ' +
		'campagnes marketing par zone de chalandise.',
	'Analyse de sentiment sur les réseaux sociaux':
		'Mesurer le sentiment des voyageurs exprimé sur les réseaux sociaux et détecter les pics de mécontentement lors des incidents.',
	'Génération de données synthétiques par GAN':
		'Produire des images synthétiques d’articles de sport pour enrichir un jeu d’entraînement déséquilibré, en ' +
		'contrôlant la qualité et la diversité générées.',
	'Tri des comptes rendus de radiologie':
		'Prioriser les comptes rendus de radiologie signalant une urgence grâce à un modèle de langue, dans le respect ' +
		'du RGPD et du secret médical.',
	'Estimation du prix des annonces immobilières':
		'Estimer le juste prix d’une annonce immobilière à partir de ses caractéristiques et du marché local, et ' +
		'expliquer l’estimation au vendeur.',
	'Prédiction du churn des abonnés fibre':
		'Anticiper les résiliations d’abonnés fibre à partir des usages et des contacts avec le support, et proposer ' +
		'des actions de rétention ciblées.',
	'Détection d’anomalies sur capteurs industriels':
		'Détecter les comportements anormaux de capteurs embarqués à partir de séries temporelles multivariées, avec ' +
		'un taux de fausses alertes maîtrisé.',
	'Reconnaissance de produits en rayon':
		'Identifier les produits présents en rayon à partir de photos prises en magasin pour mesurer les ruptures et ' +
		'le respect des planogrammes.',
	'Pipeline Spark pour logs applicatifs':
		'Concevoir un pipeline Spark qui collecte, nettoie et agrège les journaux applicatifs de plusieurs services ' +
		'pour l’observabilité et la facturation.',
	'Score de crédit explicable':
		'Proposer un score d’octroi de crédit dont chaque décision s’explique au client et au conseiller, et vérifier ' +
		'l’absence de biais discriminatoires.',
	'Inspection visuelle des pneus':
		'Détecter les défauts de surface des pneus en sortie de ligne par vision par ordinateur, pour assister les contrôleurs qualité.',
	'Chatbot d’orientation étudiante':
		'Un assistant conversationnel qui répond aux questions des lycéens sur les formations et les oriente vers les bonnes ressources.',
	'Prévision des ventes e-commerce':
		'Prévoir les ventes quotidiennes par catégorie de produits pour dimensionner les stocks et les campagnes promotionnelles.',
	'Maintenance prédictive de lignes de production':
		'Prédire les pannes des machines de production à partir de leurs capteurs pour planifier la maintenance avant l’arrêt.',
	'Catégorisation automatique des dépenses':
		'Classer automatiquement les transactions bancaires des entreprises clientes par catégorie comptable à partir de leur libellé.',
	'Nowcasting des précipitations':
		'Prévoir les précipitations des deux prochaines heures à partir des images radar par un réseau de neurones convolutif récurrent.',
	'Tarification dynamique des trajets':
		'Ajuster le prix conseillé des trajets de covoiturage selon la demande, la distance et la saison, sans nuire au taux de remplissage.',
	'Data lake pour une collectivité':
		'Mettre en place un lac de données ouvert pour une collectivité d’outre-mer, de l’ingestion des sources à la ' +
		'publication de jeux de données.',
	'Détection de faux avis':
		'Repérer les avis produits rédigés en série ou rémunérés à partir du texte et du comportement des comptes qui les publient.',
	'Détection de pertes non techniques':
		'Identifier les compteurs électriques suspects de fraude ou de dysfonctionnement à partir des courbes de charge.',
	'Recommandation musicale par contenu audio':
		'Recommander des titres à partir de leur contenu audio pour mieux faire découvrir les morceaux peu écoutés.',
	'Détection de triche en jeu en ligne':
		'Détecter les joueurs tricheurs à partir de leurs trajectoires et de leurs statistiques de jeu, en limitant les faux positifs.'
};

/** The demo's certifier at the Caisse des Dépôts (made-up identifiers of the documented shape). */
export const demoDeclarationSettings = {
	clientId: '12ABC345',
	contractId: 'MCFCER000123',
	certificationType: 'RNCP',
	certificationCode: 'RNCP35288',
	defaultAccessMode: 'FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION'
};

const demoBirthPlaces: Record<string, string>[] = [
	{ bornIn: 'france', birthCommuneCode: '75056', birthPlaceLabel: 'Paris' },
	{ bornIn: 'abroad', birthCountryCode: '99341', birthPlaceLabel: 'Dakar' },
	{ bornIn: 'france', birthCommuneCode: '69123', birthPlaceLabel: 'Lyon' },
	{ bornIn: 'france', birthCommuneCode: '2A004', birthPlaceLabel: 'Ajaccio' },
	{ bornIn: 'france', birthCommuneCode: '13055', birthPlaceLabel: 'Marseille' },
	{ bornIn: 'abroad', birthCountryCode: '99109', birthPlaceLabel: 'Munich' },
	{ bornIn: 'france', birthCommuneCode: '33063', birthPlaceLabel: 'Bordeaux' },
	{ bornIn: 'france', birthCommuneCode: '59350', birthPlaceLabel: 'Lille' }
];

/** The demo's candidate with a civil status still incomplete (first and birth names only), so the missing list shows someone. */
export const DEMO_INCOMPLETE_CIVIL_STATUS = 11;

/**
 * The civil status of demo candidate `index` (0-based), as the coordination entered it: the demo's
 * names alternate women and men; birth places and dates vary; a few came through apprenticeship.
 */
export function demoCivilStatus(index: number): Record<string, string> {
	const [firstNames, ...rest] = demoCandidates[index].name.split(' ');
	const names = { birthName: rest.join(' '), firstNames };
	if (index === DEMO_INCOMPLETE_CIVIL_STATUS) return names;
	const pad = (n: number) => String(n).padStart(2, '0');
	return {
		...names,
		birthDate: `${1990 + (index % 10)}-${pad((index % 12) + 1)}-${pad(((index * 7) % 28) + 1)}`,
		sex: index % 2 === 0 ? 'F' : 'M',
		...demoBirthPlaces[index % demoBirthPlaces.length],
		accessMode: index % 5 === 2 ? 'FORMATION_INITIALE_APPRENTISSAGE' : ''
	};
}
