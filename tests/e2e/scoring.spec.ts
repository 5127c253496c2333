import { expect, test, type Browser, type Page } from './fixtures';
import { expectNoAxeViolations, signIn } from './helpers';
import { CODES, fixture, levelGroup, serverState, useOwnScoringServer } from './scoring-server';

// The juror's defense page on a tablet, against this spec's own server (seeded with defenses).
const { server, ids } = useOwnScoringServer<{ solo: string; team: string; elsewhere: string }>('scoring');
const LEVELS = ['Non démontrée', 'Insuffisante', 'Acquise', 'Maîtrisée'];

test.describe.configure({ mode: 'serial' });

const status = (page: Page) => page.getByTestId('save-status');

async function jurorPage(browser: Browser, email: string, defenseId: string, options: { javaScriptEnabled?: boolean } = {}) {
	const context = await browser.newContext({
		baseURL: server.baseURL,
		viewport: { width: 768, height: 1024 },
		locale: 'fr-FR',
		timezoneId: 'Europe/Paris',
		extraHTTPHeaders: { 'x-forwarded-for': '127.0.0.3' },
		...options
	});
	const page = await context.newPage();
	await signIn(page, email);
	await page.goto(`/jury/soutenances/${defenseId}`);
	return { context, page };
}

test('the grid: each competency with its criteria, a level radio group named by its code, a comment; tablet-sized and accessible', async ({
	page
}) => {
	await signIn(page, 'jury1@soutenance.test');
	await page.goto(`/jury/soutenances/${ids().solo}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Amélie Lefèvre');
	await expect(page.getByText('Détection de fraude sur virements SEPA')).toBeVisible();
	for (const code of CODES) {
		const group = levelGroup(page, code);
		await expect(group).toHaveCount(1);
		await expect(group.getByRole('radio')).toHaveCount(4);
		for (const label of LEVELS) await expect(group.getByRole('radio', { name: label })).toBeVisible();
		await expect(page.getByRole('group', { name: `${code} · Critères observés` }).getByRole('checkbox')).toHaveCount(3);
		await expect(page.getByLabel(`${code} · Commentaire`)).toBeVisible();
	}
	// Touch targets: every level and criterion label is at least 44 px high.
	for (const box of await page
		.locator('label.level, label.check')
		.evaluateAll((labels) => labels.map((label) => label.getBoundingClientRect().height)))
		expect(box).toBeGreaterThanOrEqual(44);
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	await expectNoAxeViolations(page);
	await page.setViewportSize({ width: 1024, height: 768 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

	await levelGroup(page, 'C6.1').getByRole('radio', { name: 'Acquise' }).check();
	await page.getByRole('group', { name: 'C6.1 · Critères observés' }).getByRole('checkbox').first().check();
	await expect(status(page)).toHaveText('Enregistré');
	await page.reload();
	await expect(levelGroup(page, 'C6.1').getByRole('radio', { name: 'Acquise' })).toBeChecked();
	await expect(page.getByRole('group', { name: 'C6.1 · Critères observés' }).getByRole('checkbox').first()).toBeChecked();
});

test('offline: levels and a comment set without network survive an offline reload, and back online the server holds them', async ({
	browser
}) => {
	const { context, page } = await jurorPage(browser, 'jury2@soutenance.test', ids().solo);
	// Let the service worker take control, then load the page through it once so it keeps a copy.
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
	await page.reload();
	await expect(status(page)).toHaveText('Enregistré');

	await context.setOffline(true);
	for (const [index, code] of CODES.entries())
		await levelGroup(page, code)
			.getByRole('radio', { name: LEVELS[index % 4] })
			.check();
	await page.getByLabel('C6.3 · Commentaire').fill('Budget peu détaillé');
	await page.getByLabel('C6.3 · Commentaire').blur();
	await expect(status(page)).toContainText('Hors ligne');
	await expect(status(page)).toContainText('7 en attente');

	await page.reload();
	for (const [index, code] of CODES.entries())
		await expect(levelGroup(page, code).getByRole('radio', { name: LEVELS[index % 4] })).toBeChecked();
	await expect(page.getByLabel('C6.3 · Commentaire')).toHaveValue('Budget peu détaillé');

	await context.setOffline(false);
	await expect(status(page)).toHaveText('Enregistré', { timeout: 5000 });
	// Another device of the same juror reads what the server holds.
	const other = await jurorPage(browser, 'jury2@soutenance.test', ids().solo);
	const { state } = await serverState(other.page, ids().solo);
	const sheet = Object.values(state.sheets)[0];
	expect(CODES.map((code) => sheet[code].level)).toEqual([0, 1, 2, 3, 0, 1]);
	expect(sheet['C6.3'].comment).toBe('Budget peu détaillé');
	for (const [index, code] of CODES.entries())
		await expect(levelGroup(other.page, code).getByRole('radio', { name: LEVELS[index % 4] })).toBeChecked();
	await other.context.close();

	// Whoever opens the login page next on this tablet finds no copy of the juror's pages.
	expect(await page.evaluate((url) => caches.match(url).then(Boolean), page.url())).toBe(true);
	await page.goto('/connexion');
	await expect.poll(() => page.evaluate(() => caches.has('jury-pages'))).toBe(false);
	await context.close();
});

test('the same juror in two tabs: both end in the same state', async ({ browser }) => {
	const { context, page: first } = await jurorPage(browser, 'jury6@soutenance.test', ids().solo);
	const second = await context.newPage();
	await second.goto(`/jury/soutenances/${ids().solo}`);
	await levelGroup(first, 'C6.1').getByRole('radio', { name: 'Acquise' }).check();
	await expect(status(first)).toHaveText('Enregistré');
	await levelGroup(second, 'C6.1').getByRole('radio', { name: 'Maîtrisée' }).check();
	await levelGroup(second, 'C6.2').getByRole('radio', { name: 'Insuffisante' }).check();
	await first.getByLabel('C6.4 · Commentaire').fill('Tableau de bord clair');
	await first.getByLabel('C6.4 · Commentaire').blur();
	for (const tab of [first, second]) {
		await expect(levelGroup(tab, 'C6.1').getByRole('radio', { name: 'Maîtrisée' })).toBeChecked({ timeout: 10_000 });
		await expect(levelGroup(tab, 'C6.2').getByRole('radio', { name: 'Insuffisante' })).toBeChecked({ timeout: 10_000 });
		await expect(tab.getByLabel('C6.4 · Commentaire')).toHaveValue('Tableau de bord clair', { timeout: 10_000 });
		await expect(status(tab)).toHaveText('Enregistré');
	}
	await context.close();
});

test('a juror cannot read or write the grid of a defense outside their juries, even by forging the request', async ({ page }) => {
	await signIn(page, 'jury1@soutenance.test');
	const origin = server.baseURL;
	const forged = {
		changes: [
			{
				changeId: crypto.randomUUID(),
				candidateId: crypto.randomUUID(),
				field: 'level',
				competencyCode: 'C6.1',
				value: 3,
				clientTime: Date.now()
			}
		]
	};
	expect((await page.request.get(`/api/soutenances/${ids().elsewhere}/grille`)).status()).toBe(403);
	expect((await page.request.post(`/api/soutenances/${ids().elsewhere}/grille`, { data: forged, headers: { origin } })).status()).toBe(403);
	expect((await page.request.get(`/jury/soutenances/${ids().elsewhere}`)).status()).toBe(403);
	const action = await page.request.post(`/jury/soutenances/${ids().elsewhere}?/save`, {
		form: { grid: 'x|C6.1', 'level:x|C6.1': '3' },
		headers: { origin, accept: 'application/json' }
	});
	expect(JSON.parse(await action.text())).toMatchObject({ type: 'failure', status: 403 });
	// Nor a candidate of another defense inside their own.
	const wrongCandidate = await page.request.post(`/api/soutenances/${ids().solo}/grille`, { data: forged, headers: { origin } });
	expect(wrongCandidate.status()).toBe(400);
	expect((await wrongCandidate.json()).message).toContain('ce candidat ne passe pas cette soutenance');
});

test('a candidate never sees any score', async ({ page }) => {
	await signIn(page, 'candidat1@soutenance.test');
	expect((await page.request.get(`/jury/soutenances/${ids().solo}`)).status()).toBe(403);
	expect((await page.request.get(`/api/soutenances/${ids().solo}/grille`)).status()).toBe(403);
	expect(
		(
			await page.request.post(`/api/soutenances/${ids().solo}/grille`, { data: { changes: [] }, headers: { origin: server.baseURL } })
		).status()
	).toBe(403);
	await page.goto('/candidat');
	const text = await page.locator('main').innerText();
	for (const word of [...LEVELS, 'Commentaire', 'Budget peu détaillé', 'C6.1']) expect(text).not.toContain(word);
});

test('submission: refused naming what is missing, then locked; others shown after one’s own; president reopens with a reason', async ({
	browser
}) => {
	const claire = await jurorPage(browser, 'jury1@soutenance.test', ids().solo);
	await claire.page.getByRole('button', { name: 'Soumettre ma grille' }).click();
	await expect(claire.page.getByRole('alert')).toContainText('il manque le niveau de C6.2, C6.3, C6.4, C6.5, C6.6');
	for (const code of CODES) await levelGroup(claire.page, code).getByRole('radio', { name: 'Maîtrisée' }).check();
	await claire.page.getByRole('button', { name: 'Soumettre ma grille' }).click();
	await expect(claire.page.getByText('Votre grille est soumise et verrouillée.')).toBeVisible();
	await expect(levelGroup(claire.page, 'C6.1').getByRole('radio', { name: 'Maîtrisée' })).toBeDisabled();
	await expect(claire.page.getByRole('button', { name: 'Soumettre ma grille' })).toHaveCount(0);
	await expect(claire.page.getByRole('button', { name: 'Enregistrer', exact: true })).toHaveCount(0);

	// Julien (jury2) set every level while offline earlier: he sees nothing of Claire's until he submits.
	const julien = await jurorPage(browser, 'jury2@soutenance.test', ids().solo);
	await expect(julien.page.getByRole('table')).toHaveCount(0);
	await julien.page.getByRole('button', { name: 'Soumettre ma grille' }).click();
	const table = julien.page.getByRole('table', { name: 'Niveaux soumis pour Amélie Lefèvre' });
	await expect(table.getByRole('columnheader', { name: 'Claire Martin' })).toBeVisible();
	await expect(table.getByRole('row', { name: /C6\.1/ })).toContainText('Maîtrisée');
	await expectNoAxeViolations(julien.page);

	await claire.page.reload();
	const reason = claire.page.getByLabel('Motif de la réouverture de la grille de Julien Bernard');
	await reason.fill('C6.5 noté par erreur');
	await claire.page.getByRole('button', { name: 'Rouvrir la grille de Julien Bernard' }).click();
	await expect(claire.page.getByText('« C6.5 noté par erreur »')).toBeVisible();
	await julien.page.reload();
	await expect(levelGroup(julien.page, 'C6.5').getByRole('radio', { name: 'Non démontrée' })).toBeEnabled();
	await expect(julien.page.getByRole('table')).toHaveCount(0);
	await claire.context.close();
	await julien.context.close();
});

test('without JavaScript the whole grid is saved with "Enregistrer"', async ({ browser }) => {
	const { context, page } = await jurorPage(browser, 'jury6@soutenance.test', ids().team, { javaScriptEnabled: false });
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Équipe Churn');
	await levelGroup(page, 'C6.3').first().getByRole('radio', { name: 'Acquise' }).check();
	await page.getByLabel('Notes personnelles').fill('Bonne répartition des rôles');
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByText('Grille enregistrée.')).toBeVisible();
	await page.goto(`/jury/soutenances/${ids().team}`);
	await expect(levelGroup(page, 'C6.3').first().getByRole('radio', { name: 'Acquise' })).toBeChecked();
	await expect(levelGroup(page, 'C6.3')).toHaveCount(2);
	await expect(page.getByLabel('Notes personnelles')).toHaveValue('Bonne répartition des rôles');
	await page.getByRole('button', { name: 'Soumettre mes grilles' }).click();
	await expect(page.getByRole('alert')).toContainText('(Nathan Robin)');
	await context.close();
});

test('a change the server can never accept is dropped with a message on screen; the changes sent with it are stored', async ({
	browser
}) => {
	const { context, page } = await jurorPage(browser, 'jury2@soutenance.test', ids().team);
	await expect(status(page)).toHaveText('Enregistré');
	await context.setOffline(true);
	await levelGroup(page, 'C6.1').first().getByRole('radio', { name: 'Acquise' }).check();
	const comment = page.getByLabel('C6.2 · Commentaire').first();
	await comment.fill('avant\u0007après');
	await comment.blur();
	await levelGroup(page, 'C6.3').first().getByRole('radio', { name: 'Maîtrisée' }).check();
	await expect(status(page)).toContainText('3 en attente');

	await context.setOffline(false);
	await expect(page.getByText('le commentaire contient un caractère invisible')).toBeVisible();
	await expect(status(page)).toHaveText('Enregistré');
	const { state } = await serverState(page, ids().team);
	const sheet = Object.values(state.sheets).find((entry) => entry['C6.1']?.level !== null && entry['C6.1']?.level !== undefined);
	expect(sheet, 'the sheet holding the level set offline').toBeDefined();
	expect([sheet!['C6.1'].level, sheet!['C6.2'].comment, sheet!['C6.3'].level]).toEqual([2, '', 3]);
	await context.close();
});

test('every stored value is there exactly once', async () => {
	test.setTimeout(180_000);
	await server.kill();
	const stored = fixture<{ entries: { email: string; code: string; level: number | null; comment: string }[]; appliedChanges: number }>(
		server.dataDir,
		'inspect',
		ids().solo
	);
	const julien = stored.entries.filter((entry) => entry.email === 'jury2@soutenance.test');
	expect(julien.map((entry) => entry.code)).toEqual(CODES);
	expect(julien.map((entry) => entry.level)).toEqual([0, 1, 2, 3, 0, 1]);
	expect(new Set(stored.entries.map((entry) => `${entry.email}|${entry.code}`)).size).toBe(stored.entries.length);
	await server.start();
});
