import { expect, test, type Page } from './fixtures';
import { accounts, expectNoAxeViolations, signIn } from './helpers';

type Role = 'coordinator' | 'juror' | 'candidate';

// Every page a visitor can open without data of their own is checked with axe, as someone allowed
// to see it, at the narrowest tablet width the product supports. The ids name nothing: those pages
// show their French 404.
const NONE = '00000000-0000-4000-8000-000000000000';
const NOBODY = '00000000-0000-4000-8000-000000000001';
const session = `/coordination/sessions/${NONE}`;
const pages: [path: string, viewer: Role | null][] = [
	...['/', '/connexion', '/invitation/jeton-inconnu', '/mot-de-passe/jeton-inconnu', '/mot-de-passe-oublie'].map((path): [string, null] => [
		path,
		null
	]),
	...['/referentiel', '/jury', `/salle/${NONE}`, `/jury/soutenances/${NONE}`, '/jury/deliberations'].map((path): [string, Role] => [
		path,
		'juror'
	]),
	...[`/jury/deliberations/${NONE}`, `/jury/deliberations/proces-verbal/${NONE}`].map((path): [string, Role] => [path, 'juror']),
	['/candidat', 'candidate'],
	...[
		'/coordination',
		'/coordination/utilisateurs',
		'/coordination/journal',
		'/coordination/messages',
		'/coordination/sessions/nouvelle',
		session,
		...['jures', `jures/${NOBODY}`, 'jurys', `jurys/${NOBODY}`, 'candidats', 'candidats/nouveau', 'candidats/import'].map(
			(p) => `${session}/${p}`
		),
		...[
			`candidats/${NOBODY}`,
			'planning',
			'planning/progression',
			'planning/jures',
			'planning/candidats',
			'publication',
			'publication/confirmer',
			'parametres'
		].map((p) => `${session}/${p}`),
		...['direct', 'resultats', 'resultats/import', `resultats/attestations/${NONE}`, 'statistiques'].map((p) => `${session}/${p}`)
	].map((path): [string, Role] => [path, 'coordinator'])
];

test.use({ viewport: { width: 768, height: 1024 } });

async function expectNoHorizontalScroll(page: Page) {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `horizontal scroll on ${page.url()}`).toBeLessThanOrEqual(0);
}

for (const role of [null, 'coordinator', 'juror', 'candidate'] as const) {
	const mine = pages.filter(([, viewer]) => viewer === role);
	if (mine.length === 0) continue;
	test(`pages seen by ${role ?? 'anonymous visitors'} have no axe violation and no horizontal scroll at 768 px`, async ({ page }) => {
		test.setTimeout(30_000 * (mine.length + 1));
		if (role) await signIn(page, accounts[role]);
		for (const [path] of mine) {
			await page.goto(path);
			await expectNoAxeViolations(page);
			await expectNoHorizontalScroll(page);
		}
	});
}

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
