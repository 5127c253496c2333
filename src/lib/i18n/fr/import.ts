export const tabularImport = {
	pages: {
		fileImport: {
			importer: (value: string) => `Importer ${value}`,
			rienEteImporteCorrigez: "Rien n'a été importé. Corrigez ces erreurs dans le fichier, puis déposez-le de nouveau ci-dessous.",
			problemesDuFichier: 'Problèmes du fichier',
			problemesParLigneDu: 'Problèmes, par ligne du fichier',
			ligne: 'Ligne',
			colonne: 'Colonne',
			gravite: 'Gravité',
			probleme: 'Problème',
			fichierCsvOuXlsx: (maxMb: number) => `Fichier CSV ou XLSX (${maxMb} Mo au plus)`,
			previsualiser: 'Prévisualiser',
			apercuDe: (fileName: string) => `Aperçu de ${fileName}`,
			votreFichier: 'votre fichier',
			erreur: 'Erreur',
			avertissement: 'Avertissement',
			deposerUnAutreFichier: 'Déposer un autre fichier',
			deposerLeFichier: 'Déposer le fichier'
		}
	}
};
