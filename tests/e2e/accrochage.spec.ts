import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { expect, test, type Page } from './fixtures';
import { accounts, expectNoAxeViolations, followJob, signIn } from './helpers';

// The declaration of the demo's holders to the Caisse des Dépôts: the coordinator prepares and
// downloads the past session's XML flux, then imports the CDC's receipt; a candidate completes
// their civil status without JavaScript.

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, isArray: (name) => name === 'passageCertification' });

/** The demo's earliest session: deliberated, signed, its results published. */
async function pastSession(page: Page): Promise<string> {
	await page.goto('/coordination');
	const links = await page
		.getByRole('link', { name: /^Session du \d\d\/\d\d\/\d{4}/ })
		.evaluateAll((nodes) => nodes.map((node) => ({ name: node.textContent!.trim(), href: node.getAttribute('href')! })));
	const day = (name: string) => name.replace(/^Session du (\d\d)\/(\d\d)\/(\d{4}).*/, '$3-$2-$1');
	return [...links].sort((a, b) => day(a.name).localeCompare(day(b.name)))[0].href;
}

test('the coordinator downloads the past session’s XML flux (a passage per title, birth year, sex) and imports the receipt', async ({
	page
}, testInfo) => {
	await signIn(page, accounts.coordinator);
	const past = await pastSession(page);
	// The titles, as the decisions export says them.
	const csv = await (await page.request.get(`${past}/resultats/decisions.csv`)).text();
	const titles = csv.split('\r\n').filter((line) => line.split(';')[3] === 'Titre obtenu').length;
	expect(titles).toBeGreaterThan(0);

	await page.goto(past);
	const summary = page.getByRole('region', { name: 'Déclaration à la Caisse des Dépôts' });
	await expect(summary.getByText('À déclarer')).toHaveCount(titles);
	await page.getByRole('link', { name: 'Déclaration CDC' }).last().click();
	await expect(page.getByRole('heading', { name: 'Déclaration des titulaires' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Préparer le fichier XML' }).click();
	await expect(page.getByRole('status')).toHaveText(
		`Fichier préparé : ${titles} passage${titles > 1 ? 's' : ''}. Téléchargez-le ci-dessous.`
	);

	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: /^Télécharger le fichier SOUTENANCE-/ }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^SOUTENANCE-\d{8}T\d{6}-[0-9A-F]{8}\.xml$/);
	const xml = readFileSync((await download.path())!, 'utf8');
	expect(xml).toContain('xmlns:cpf="urn:cdc:cpf:pc5:schema:1.0.0"');
	const certification = parser.parse(xml).flux.emetteur.certificateurs.certificateur.certifications.certification;
	expect([certification.type, certification.code]).toEqual(['RNCP', 'RNCP35288']);
	const passages = certification.passageCertifications.passageCertification as {
		idTechnique: string;
		identificationTitulaire: { titulaire: Record<string, string> };
	}[];
	expect(passages).toHaveLength(titles);
	for (const passage of passages) {
		expect(passage.identificationTitulaire.titulaire.anneeNaissance).toMatch(/^(19|20)\d\d$/);
		expect(passage.identificationTitulaire.titulaire.sexe).toMatch(/^[MF]$/);
	}
	await expect(page.getByText('Déclaré, en attente')).toHaveCount(titles);

	// A file that is not the receipt: a French message, nothing changed.
	const receiptForm = page.getByRole('region', { name: 'Importer l’accusé de traitement' });
	await receiptForm.getByLabel('Accusé de traitement (XML)').setInputFiles({
		name: 'accuse.xml',
		mimeType: 'application/xml',
		buffer: Buffer.from('<accuse><statut>OK</statut></accuse>')
	});
	await receiptForm.getByRole('button', { name: 'Importer l’accusé' }).click();
	await expect(receiptForm.getByRole('alert')).toContainText('ne contient aucun passage');
	await expect(page.getByText('Déclaré, en attente')).toHaveCount(titles);

	// The CDC accepts the first passage and rejects the others with a reason.
	const [accepted, ...rejected] = passages.map((passage) => passage.idTechnique);
	const answer = (id: string, status: string, reason?: string) =>
		`<passage><idTechnique>${id}</idTechnique><statut>${status}</statut>${reason ? `<motif>${reason}</motif>` : ''}</passage>`;
	const receipt = `<?xml version="1.0" encoding="UTF-8"?><accuseTraitement>${answer(accepted, 'ACCEPTE')}${rejected
		.map((id) => answer(id, 'REJETE', 'Code commune de naissance inconnu'))
		.join('')}</accuseTraitement>`;
	await receiptForm.getByLabel('Accusé de traitement (XML)').setInputFiles({
		name: 'accuse.xml',
		mimeType: 'application/xml',
		buffer: Buffer.from(receipt)
	});
	await receiptForm.getByRole('button', { name: 'Importer l’accusé' }).click();
	await expect(receiptForm.getByRole('status')).toContainText('Accusé importé : 1 passage accepté');
	const awards = page.getByRole('region', { name: 'Titres délivrés' });
	await expect(awards.getByText('Accepté', { exact: true })).toHaveCount(1);
	await expect(awards.getByText('Rejeté', { exact: true })).toHaveCount(rejected.length);
	await expect(awards.getByText('Code commune de naissance inconnu')).toHaveCount(rejected.length);
	// The next file would hold only the rejected passages.
	await expect(page.getByRole('region', { name: 'Préparer le fichier XML' })).toContainText(
		rejected.length === 0 ? 'Aucun passage à déclarer' : `${rejected.length} passage${rejected.length > 1 ? 's' : ''} à déclarer`
	);
	await page.screenshot({ path: testInfo.outputPath('declaration.png'), fullPage: true });
});

test('civil status from the candidate import, the missing data listed per candidate, completed by the coordinator', async ({ page }) => {
	await signIn(page, accounts.coordinator);
	// A new session, so the demo's sessions stay as the other tests expect them.
	await page.goto('/coordination/sessions/nouvelle');
	await page.getByLabel('Nom de la session').fill('Session accrochage');
	await page.getByRole('button', { name: 'Créer la session' }).click();
	await expect(page).toHaveURL(/\/parametres$/);
	const session = new URL(page.url()).pathname.replace(/\/parametres$/, '');
	await page.goto(`${session}/candidats/import`);
	const file = [
		'Nom;Prénom;Email;Titre du projet;Nom de naissance;Date de naissance;Sexe;Code INSEE de naissance;Commune de naissance',
		'Martin;Zoé;zoe.accrochage@exemple.fr;Projet A;Dubois;14/02/1998;F;2A004;Ajaccio',
		'Petit;Léo;leo.accrochage@exemple.fr;Projet B;Petit;;;;'
	].join('\r\n');
	await page.getByLabel(/Fichier CSV ou XLSX/).setInputFiles({ name: 'etat-civil.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
	await page.getByRole('button', { name: 'Prévisualiser' }).click();
	await expect(page.getByText(/2 candidats ·/)).toContainText('0 erreur · 0 avertissement');
	await page.getByRole('button', { name: 'Importer 2 candidats' }).click();
	await followJob(page, 'Voir les candidats');
	await expect(page.getByRole('status')).toContainText('2 candidats importés');

	await page.goto(`${session}/declaration`);
	const missing = page.getByRole('region', { name: 'État civil incomplet' });
	await expect(missing.getByRole('listitem')).toHaveCount(1);
	await expect(missing.getByRole('listitem')).toContainText(
		'Léo Petit À compléter pour la déclaration : Date de naissance, Sexe, Lieu de naissance (code INSEE), Commune de naissance.'
	);
	await missing.getByRole('link', { name: 'Léo Petit' }).click();
	const form = page.getByRole('region', { name: 'État civil pour la déclaration' });
	await expect(form.getByLabel('Prénoms')).toHaveValue('Léo');
	await form.getByLabel('Date de naissance').fill('2001-09-30');
	await form.getByLabel('Masculin').check();
	await form.getByLabel('À l’étranger').check();
	// Born abroad: the country's code, the commune's is hidden.
	await expect(form.getByLabel('Code INSEE de la commune de naissance')).toBeHidden();
	await form.getByLabel('Code INSEE du pays de naissance').fill('99350');
	await form.getByLabel('Commune de naissance', { exact: true }).fill('Casablanca');
	await form.getByRole('button', { name: 'Enregistrer l’état civil' }).click();
	await expect(form.getByRole('status')).toHaveText('État civil enregistré.');
	await expect(form).toContainText('État civil complet pour la déclaration.');
	await expectNoAxeViolations(page);

	await page.goto(`${session}/declaration`);
	await expect(page.getByRole('region', { name: 'État civil incomplet' }).getByRole('listitem')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a candidate completes their civil status on /candidat, told why it is asked', async ({ page }) => {
		// The demo leaves candidat12's civil status incomplete: names only.
		await signIn(page, 'candidat12@soutenance.test');
		await page.goto('/candidat');
		const section = page.getByRole('region', { name: 'Votre état civil' });
		await expect(section).toContainText('déclarer chaque titre délivré à la Caisse des Dépôts');
		await expect(section).toContainText('À compléter pour la déclaration : Date de naissance, Sexe, Lieu de naissance (code INSEE)');
		await expect(section.getByLabel('Nom de naissance')).toHaveValue('Robin');
		await section.getByLabel('Date de naissance').fill('1997-03-02');
		await section.getByLabel('Masculin').check();
		await section.getByLabel('En France').check();
		await section.getByLabel('Code INSEE de la commune de naissance').fill('20004');
		await section.getByLabel('Commune de naissance', { exact: true }).fill('Ajaccio');
		await section.getByRole('button', { name: 'Enregistrer l’état civil' }).click();
		await expect(page.getByRole('alert')).toContainText('les communes de Corse ont un code en 2A ou 2B');
		// What was typed is shown again beside the message.
		await expect(page.getByLabel('Commune de naissance', { exact: true })).toHaveValue('Ajaccio');
		await page.getByLabel('Code INSEE de la commune de naissance').fill('2A004');
		await page.getByRole('button', { name: 'Enregistrer l’état civil' }).click();
		await expect(page.getByRole('status')).toHaveText('État civil enregistré.');
		await page.goto('/candidat');
		await expect(page.getByRole('region', { name: 'Votre état civil' })).toContainText('État civil complet pour la déclaration.');
		await expect(page.getByLabel('Code INSEE de la commune de naissance')).toHaveValue('2A004');
	});
});
