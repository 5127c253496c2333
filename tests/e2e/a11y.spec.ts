import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from './fixtures';
import { accounts, expectNoAxeViolations, signIn, todaySessionName } from './helpers';

type Role = 'coordinator' | 'juror' | 'candidate';

// Every page, as someone allowed to see it, on the demo's own data (today's session, its juries,
// jurors, candidates and defenses, the past session's results), at a phone, a tablet and a desktop
// width: no axe violation, no horizontal scroll. Each page's screenshot is kept in
// test-results/pages/<role>/<width>/ for review (a CI artefact, never compared pixel by pixel).
const WIDTHS = [390, 768, 1366] as const;
const SCREENSHOTS = path.join('test-results', 'pages');

/** The first link of the page whose address starts with `prefix` and goes one step further. */
async function firstLinkUnder(page: Page, prefix: string): Promise<string> {
	const hrefs = await page.locator(`a[href^="${prefix}/"]`).evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
	const found = hrefs.find((href) => /^[^/?#]+$/.test(href.slice(prefix.length + 1)));
	expect(found, `a link under ${prefix} on ${page.url()}`).toBeDefined();
	return found!;
}

/** Today's session and the demo's earliest one (deliberated, signed, its results published), from the coordination's list. */
async function demoSessions(page: Page): Promise<{ today: string; past: string }> {
	await page.goto('/coordination');
	const links = await page
		.getByRole('link', { name: /^Session du \d\d\/\d\d\/\d{4}/ })
		.evaluateAll((nodes) => nodes.map((node) => ({ name: node.textContent!.trim(), href: node.getAttribute('href')! })));
	const day = (name: string) => name.replace(/^Session du (\d\d)\/(\d\d)\/(\d{4}).*/, '$3-$2-$1');
	const today = links.find((link) => link.name.startsWith(todaySessionName()));
	const past = [...links].sort((a, b) => day(a.name).localeCompare(day(b.name)))[0];
	expect(today && past, 'the demo sessions').toBeTruthy();
	return { today: today!.href, past: past.href };
}

/** The pages a role opens, with the demo's ids in them (found the way the person would, by following links). */
async function pagesOf(page: Page, role: Role | null): Promise<string[]> {
	if (role === null) return ['/', '/connexion', '/invitation/jeton-inconnu', '/mot-de-passe/jeton-inconnu', '/mot-de-passe-oublie'];
	if (role === 'candidate') return ['/candidat', '/referentiel'];
	if (role === 'juror') {
		await page.goto('/jury');
		const defense = (await page.locator('[data-defense-id]').first().getAttribute('data-defense-id'))!;
		const attendance = await firstLinkUnder(page, '/jury/emargement');
		await page.goto(attendance);
		// Today's sheet: nobody has signed yet (the demo signed the past session's only).
		const signing = (await page.locator('a[href*="/signer?"]').first().getAttribute('href'))!;
		await page.goto('/jury/deliberations');
		const record = await firstLinkUnder(page, '/jury/deliberations/proces-verbal');
		const deliberation = await firstLinkUnder(page, '/jury/deliberations');
		return [
			'/jury',
			`/jury/soutenances/${defense}`,
			attendance,
			signing,
			'/jury/deliberations',
			deliberation,
			record,
			`/salle/${record.split('/').pop()}`
		];
	}
	const { today, past } = await demoSessions(page);
	const ids: Record<string, string> = {};
	for (const area of ['jurys', 'jures', 'candidats']) {
		await page.goto(`${today}/${area}`);
		ids[area] = await firstLinkUnder(page, `${today}/${area}`);
	}
	return [
		'/coordination',
		'/coordination/utilisateurs',
		'/coordination/journal',
		'/coordination/messages',
		'/coordination/certificateur',
		'/coordination/declaration',
		'/coordination/sessions/nouvelle',
		today,
		...['parametres', 'jures', 'jurys', 'candidats', 'candidats/nouveau', 'candidats/import'].map((tab) => `${today}/${tab}`),
		ids.jurys,
		ids.jures,
		ids.candidats,
		...['planning', 'planning/jures', 'planning/candidats', 'publication', 'publication/confirmer', 'direct'].map(
			(tab) => `${today}/${tab}`
		),
		// The declaration page of the past session, which has awards to declare (today's has none yet).
		...['resultats', 'resultats/import', 'statistiques', 'declaration'].map((tab) => `${past}/${tab}`)
	];
}

async function expectNoHorizontalScroll(page: Page) {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `horizontal scroll on ${page.url()}`).toBeLessThanOrEqual(0);
}

const slug = (address: string) => address.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-') || 'accueil';

// Each page only reads: the tests of this file may run side by side, in any worker.
test.describe.configure({ mode: 'parallel' });

for (const role of [null, 'coordinator', 'juror', 'candidate'] as const) {
	test(`pages seen by ${role ?? 'anonymous visitors'} have no axe violation and no horizontal scroll at ${WIDTHS.join(', ')} px`, async ({
		page
	}) => {
		await page.setViewportSize({ width: WIDTHS[0], height: 844 });
		if (role) await signIn(page, accounts[role]);
		const addresses = await pagesOf(page, role);
		test.setTimeout(30_000 * addresses.length);
		for (const address of addresses) {
			// Opened once, then seen at each width: the layout follows the viewport as a rotated tablet's or a resized window's does.
			await page.setViewportSize({ width: WIDTHS[0], height: 844 });
			const response = await page.goto(address);
			// A visitor's pages include the refusals of unknown links (410); a signed-in person's all open.
			if (role) expect(response?.status(), address).toBe(200);
			for (const width of WIDTHS) {
				await page.setViewportSize({ width, height: width < 768 ? 844 : 1024 });
				await expectNoAxeViolations(page);
				await expectNoHorizontalScroll(page);
				const folder = path.join(SCREENSHOTS, role ?? 'anonyme', String(width));
				mkdirSync(folder, { recursive: true });
				await page.screenshot({ path: path.join(folder, `${slug(address)}.png`) });
			}
		}
	});
}

test('the référentiel shows the block titles with their accents', async ({ page }) => {
	await signIn(page, accounts.candidate);
	await page.goto('/referentiel');
	await expect(page.getByText("Construction et alimentation d'une infrastructure de gestion de données").first()).toBeVisible();
});

test('touch targets of the login form are at least 44 px high', async ({ page }) => {
	await page.goto('/connexion');
	for (const target of [
		page.getByLabel('Adresse e-mail'),
		page.getByLabel('Mot de passe', { exact: true }),
		page.getByRole('button', { name: 'Se connecter' })
	]) {
		expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
	}
});
