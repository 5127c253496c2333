import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { craftedWorkbook, sheetRow } from '../helpers/crafted-xlsx';
import { expect, test, type Page } from './fixtures';
import { accounts, expectNoAxeViolations, followJob, signIn } from './helpers';

const SAMPLE = 'tests/fixtures/import/candidats-excel-fr.csv';

/** A new empty session, so the import does not touch the demo sessions other specs rely on. */
async function newSession(page: Page, name: string): Promise<string> {
	await page.goto('/coordination');
	await page.getByRole('link', { name: 'Nouvelle session' }).click();
	await page.getByLabel('Nom de la session').fill(name);
	await page.getByRole('button', { name: 'Créer la session' }).click();
	// A new session opens on its settings (days and rooms come first).
	await expect(page).toHaveURL(/\/coordination\/sessions\/[0-9a-f-]{36}\/parametres$/);
	return `${new URL(page.url()).pathname.replace(/\/parametres$/, '')}/candidats`;
}

test('a coordinator imports the French spreadsheet sample, after a broken file is explained line by line', async ({ page }) => {
	// Five axe runs on a two-core machine shared with other builds.
	test.setTimeout(180_000);
	await signIn(page, accounts.coordinator);
	const candidates = await newSession(page, 'Session import candidats');
	await page.goto(candidates);
	await expect(page.getByRole('heading', { level: 2, name: 'Candidats' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Importer un fichier CSV ou XLSX' }).click();
	await expectNoAxeViolations(page);
	await page.getByLabel(/Fichier CSV ou XLSX/).setInputFiles({
		name: 'casse.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('Prénom;Email;Titre du projet;Tiers-temps\r\nZoé;zoe@;Projet;150\r\n', 'utf-8')
	});
	await page.getByRole('button', { name: 'Prévisualiser' }).click();
	const problems = page.getByRole('table', { name: 'Problèmes, par ligne du fichier' });
	await expect(problems.getByRole('row', { name: /1 Nom Erreur Colonne obligatoire absente : « Nom »/ })).toBeVisible();
	await expect(problems.getByRole('row', { name: /2 Email ?\(B2\) Erreur « zoe@ » n'est pas une adresse e-mail valide/ })).toBeVisible();
	await expect(problems.getByRole('row', { name: /2 Tiers-temps ?\(D2\) Erreur/ })).toBeVisible();
	await expect(page.getByRole('button', { name: /^Importer/ })).toHaveCount(0);
	await expectNoAxeViolations(page);

	await page.getByLabel(/Fichier CSV ou XLSX/).setInputFiles(SAMPLE);
	await page.getByRole('button', { name: 'Prévisualiser' }).click();
	await expect(page.getByText('CSV Windows-1252, séparateur point-virgule · 8 candidats · 0 erreur · 0 avertissement')).toBeVisible();
	const rows = page.getByRole('table', { name: "Les candidats tels qu'ils seront importés" });
	await expect(rows.getByRole('row', { name: /Moussa N'Diaye/ })).toContainText('08/03/2027 00:00 → 08/03/2027 13:00');
	await expect(rows.getByRole('row', { name: /Inès Garcia/ })).toContainText('33 %');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Importer 8 candidats' }).click();

	// The file is written by a job: its page counts the lines to the end, then leads to the list.
	const job = await followJob(page);
	await expect(job.getByTestId('job-count')).toHaveText('8 lignes sur 8 écrites');
	await expect(job.getByTestId('job-messages')).toContainText('8 messages dans la boîte d’envoi');
	await expectNoAxeViolations(page);
	await job.getByRole('link', { name: 'Voir les candidats' }).click();
	await expect(page).toHaveURL(new RegExp(`${candidates}\\?importe=8$`));
	await expect(page.getByRole('status')).toHaveText('8 candidats importés : les invitations sont parties.');
	const list = page.getByRole('table', { name: /Candidats inscrits/ });
	await expect(list.getByRole('row')).toHaveCount(9);
	await expect(list.getByRole('row', { name: /Chloé Rousseau/ })).toContainText('Énergie');
	await expect(list.getByRole('row', { name: /Étienne Bouchard/ })).toContainText('America/Montreal');
	await expectNoAxeViolations(page);

	await page.getByLabel('Rechercher').fill('énergie');
	await page.getByRole('button', { name: 'Rechercher' }).click();
	await expect(list.getByRole('row')).toHaveCount(3);
});

test('a workbook that inflates to 100 MB is refused in French, then the same list as XLSX imports', async ({ page }) => {
	await signIn(page, accounts.coordinator);
	const candidates = await newSession(page, 'Session import XLSX');
	await page.goto(`${candidates}/import`);
	const cells = Array.from({ length: 26 }, () => 'candidat '.repeat(220));
	await page.getByLabel(/Fichier CSV ou XLSX/).setInputFiles({
		name: 'bombe.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: Buffer.from(craftedWorkbook(2000, (line) => sheetRow(line, cells)))
	});
	await page.getByRole('button', { name: 'Prévisualiser' }).click();
	await expect(page.getByRole('alert')).toContainText('Une fois décompressé, ce classeur dépasse 25 Mo');

	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Candidats');
	for (const line of iconv.decode(readFileSync(SAMPLE), 'windows-1252').split('\r\n').filter(Boolean)) sheet.addRow(line.split(';'));
	await page.getByLabel(/Fichier CSV ou XLSX/).setInputFiles({
		name: 'candidats.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: Buffer.from(await workbook.xlsx.writeBuffer())
	});
	await page.getByRole('button', { name: 'Prévisualiser' }).click();
	// The other tests of this file may have imported the same people already: warnings, no error.
	await expect(page.getByText(/^classeur XLSX, feuille « Candidats » · 8 candidats · 0 erreur/)).toBeVisible();
	await page.getByRole('button', { name: 'Importer 8 candidats' }).click();
	await followJob(page, 'Voir les candidats');
	await expect(page).toHaveURL(new RegExp(`${candidates}\\?importe=8$`));
});

test('a coordinator adds a candidate by hand, then edits their unavailability', async ({ page }) => {
	await signIn(page, accounts.coordinator);
	const candidates = await newSession(page, 'Session ajout candidat');
	await page.goto(`${candidates}/nouveau`);
	await expectNoAxeViolations(page);
	await page.getByLabel('Prénom').fill('Anaïs');
	await page.getByLabel('Nom', { exact: true }).fill('Nguyen');
	await page.getByLabel('Adresse e-mail').fill('coordination@soutenance.test');
	await page.getByLabel('Titre du projet').fill('Détection d’anomalies');
	await page.getByLabel('Temps supplémentaire (%)').fill('33');
	await page.getByLabel('Temps supplémentaire (%)').press('Enter');
	await expect(page.getByRole('alert')).toContainText('appartient déjà à un compte de juré·e ou de coordination');
	await expect(page.getByLabel('Adresse e-mail')).toHaveAttribute('aria-invalid', 'true');
	await page.getByLabel('Adresse e-mail').fill('anais.nguyen@exemple.fr');
	await page.getByLabel('Adresse e-mail').press('Enter');
	await expect(page.getByRole('heading', { level: 2, name: 'Anaïs Nguyen' })).toBeVisible();
	await expect(page.getByLabel('Temps supplémentaire (%)')).toHaveValue('33');

	await page.getByLabel('Date', { exact: true }).fill('2027-03-08');
	await page.getByLabel('Période').selectOption('afternoon');
	await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
	await expect(page.getByRole('listitem').filter({ hasText: '08/03/2027 après-midi' })).toContainText('lundi 8 mars 2027 13:00');
	await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the upload, the preview and the confirmation work as plain forms', async ({ page }) => {
		await signIn(page, accounts.coordinator);
		const candidates = await newSession(page, 'Session import sans JavaScript');
		await page.goto(`${candidates}/import`);
		await page.getByLabel(/Fichier CSV ou XLSX/).setInputFiles(SAMPLE);
		await page.getByRole('button', { name: 'Prévisualiser' }).click();
		await expect(page.getByText(/8 candidats · 0 erreur/)).toBeVisible();
		await page.getByRole('button', { name: 'Importer 8 candidats' }).click();
		await followJob(page, 'Voir les candidats');
		await expect(page).toHaveURL(new RegExp(`${candidates}\\?importe=8$`));
		await expect(page.getByRole('table', { name: /Candidats inscrits/ }).getByRole('row')).toHaveCount(9);
	});
});
