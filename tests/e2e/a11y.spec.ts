import { expect, test, type Page } from '@playwright/test';
import { routeAccess, type Role } from '../route-access';
import { accounts, expectNoAxeViolations, loginAs } from './helpers';

// Every page of the route-access table that can be opened from a concrete example is checked with
// axe as someone allowed to see it, at the narrowest tablet width the product supports.
const pages = Object.entries(routeAccess).filter(([id, rule]) => rule.example && rule.method !== 'POST' && !id.startsWith('/api/') && !/\.(ics|pdf|json|csv|xlsx)$/.test(rule.example));

const viewerOf = (access: (typeof routeAccess)[string]['access']): Role | null =>
	access === 'public' ? null : access === 'authenticated' ? 'juror' : access[0];

test.use({ viewport: { width: 768, height: 1024 } });

async function expectNoHorizontalScroll(page: Page) {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `horizontal scroll on ${page.url()}`).toBeLessThanOrEqual(0);
}

for (const role of [null, 'coordinator', 'juror', 'candidate'] as const) {
	const mine = pages.filter(([, rule]) => viewerOf(rule.access) === role);
	if (mine.length === 0) continue;
	test(`pages seen by ${role ?? 'anonymous visitors'} have no axe violation and no horizontal scroll at 768 px`, async ({ page }) => {
		test.setTimeout(30_000 * (mine.length + 1));
		if (role) await loginAs(page, accounts[role]);
		for (const [, rule] of mine) {
			await page.goto(rule.example!);
			await expectNoAxeViolations(page);
			await expectNoHorizontalScroll(page);
		}
	});
}

test('touch targets of the login form are at least 44 px high', async ({ page }) => {
	await page.goto('/connexion');
	for (const target of [page.getByLabel('Adresse e-mail'), page.getByLabel('Mot de passe', { exact: true }), page.getByRole('button', { name: 'Se connecter' })]) {
		expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
	}
});
