import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { accounts, expectNoAxeViolations, loginAs, signIn } from './helpers';

test('each role logs in and lands on its home', async ({ page }) => {
	for (const [email, home, heading] of [
		[accounts.coordinator, '/coordination', 'Sessions de certification'],
		[accounts.juror, '/jury', 'Bonjour Claire Martin'],
		[accounts.candidate, '/candidat', 'Bonjour Amélie Lefèvre']
	] as const) {
		await loginAs(page, email);
		await expect(page).toHaveURL(home);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await page.getByRole('button', { name: 'Se déconnecter' }).click();
		await expect(page).toHaveURL('/connexion');
	}
});

test('a wrong password gets the generic French message', async ({ page }) => {
	await loginAs(page, accounts.coordinator, 'not the right password');
	await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
	await expect(page).toHaveURL(/\/connexion/);
});

test('anonymous visitors are sent to the login page and come back after it', async ({ page }) => {
	await page.goto('/coordination/utilisateurs?q=jury');
	await expect(page).toHaveURL('/connexion?redirectTo=%2Fcoordination%2Futilisateurs%3Fq%3Djury');
	await page.getByLabel('Adresse e-mail').fill(accounts.coordinator);
	await page.getByLabel('Mot de passe', { exact: true }).fill('soutenance-demo');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL('/coordination/utilisateurs?q=jury');
});

test('a candidate gets a French 403 page on the coordination pages', async ({ page }) => {
	await signIn(page, accounts.candidate);
	const response = await page.goto('/coordination');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès refusé');
	await expectNoAxeViolations(page);
});

test.describe('throttling', () => {
	test.use({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.7' } });

	test('after 10 failures the login says when to retry, even with the right password', async ({ page }) => {
		for (let attempt = 0; attempt < 10; attempt++) await loginAs(page, `inconnu${attempt}@soutenance.test`, 'wrong password!!');
		await loginAs(page, accounts.coordinator);
		await expect(page.getByRole('alert')).toHaveText(/^Trop de tentatives de connexion\. Réessayez à partir de \d\d:\d\d\.$/);
		await expect(page).toHaveURL(/\/connexion/);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the login form works and a wrong password is explained', async ({ page }) => {
		await loginAs(page, accounts.juror, 'wrong password!!');
		await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
		await loginAs(page, accounts.juror);
		await expect(page).toHaveURL('/jury');
	});
});

test('a forged cross-site login post is refused and opens no session', async ({ request }) => {
	const response = await request.post('/connexion', {
		headers: { origin: 'https://evil.example', accept: 'text/html' },
		form: { email: accounts.coordinator, password: 'soutenance-demo' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
	expect(response.headers()['set-cookie']).toBeUndefined();
});

test('a JSON post from another site is refused on every spelling of its path', async ({ request }) => {
	for (const path of [
		'/api/soutenances/00000000-0000-4000-8000-000000000000/minuteur',
		'/%61pi/soutenances/00000000-0000-4000-8000-000000000000/minuteur'
	]) {
		const response = await request.post(path, { headers: { origin: 'https://evil.example' }, data: { action: 'next' } });
		expect(response.status(), path).toBe(403);
		expect(await response.json(), path).toEqual({ code: 'auth.cross-origin', message: expect.stringContaining('Soutenance') });
	}
});

test('after login, a return address another site could hide in lands on the role’s home', async ({ page }) => {
	for (const target of ['/\t/evil.example/x', '//evil.example/x', '/\\evil.example/x']) {
		await page.context().clearCookies();
		await page.goto(`/connexion?redirectTo=${encodeURIComponent(target)}`);
		await page.getByLabel('Adresse e-mail').fill(accounts.coordinator);
		await page.getByLabel('Mot de passe', { exact: true }).fill('soutenance-demo');
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await expect(page, target).toHaveURL('/coordination');
	}
});

test('a tampered session cookie is treated as anonymous', async ({ page, context, baseURL }) => {
	await context.addCookies([{ name: 'session', value: 'forgedtoken000000000000000000000', url: baseURL! }]);
	await page.goto('/jury');
	await expect(page).toHaveURL('/connexion?redirectTo=%2Fjury');
});

test('security headers are set', async ({ request }) => {
	const response = await request.get('/connexion');
	const headers = response.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

test('health reports the embedded database', async ({ request }) => {
	expect(await (await request.get('/api/health')).json()).toEqual({ status: 'ok', database: 'pglite' });
});

/**
 * A tablet on a slow network: the page is on screen and used before its script hydrates it. By
 * default every script is held; `nodes/` holds only the page's components, so the app's start
 * runs and only hydration waits.
 */
async function holdScripts(page: Page, part: '**' | 'nodes' = '**'): Promise<() => Promise<void>> {
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(`**/_app/immutable/${part}/*.js`, async (route) => {
		await held;
		await route.continue();
	});
	return async () => {
		release();
		await page.waitForLoadState('networkidle');
	};
}

for (const [held, when] of [
	['**', 'before the page’s script has loaded'],
	['nodes', 'while the app has started and only the page’s components are still loading']
] as const) {
	test(`what is typed ${when} is kept, and the login goes through`, async ({ page }) => {
		const hydrate = await holdScripts(page, held);
		await page.goto('/connexion', { waitUntil: 'domcontentloaded' });
		await page.getByLabel('Adresse e-mail').fill(accounts.coordinator);
		await page.getByLabel('Mot de passe', { exact: true }).fill('soutenance-demo');
		await hydrate();
		await expect(page.getByLabel('Adresse e-mail')).toHaveValue(accounts.coordinator);
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await expect(page).toHaveURL('/coordination');
	});
}

test('a choice made in a list before the script has loaded is kept too', async ({ page }) => {
	await signIn(page, accounts.coordinator);
	const hydrate = await holdScripts(page);
	await page.goto('/coordination/utilisateurs', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Nom complet').fill('Inès Garnier');
	await page.locator('#new-role').selectOption({ label: 'Coordination' });
	await hydrate();
	await expect(page.getByLabel('Nom complet')).toHaveValue('Inès Garnier');
	await expect(page.locator('#new-role')).toHaveValue('coordinator');
	await expect(page.locator('#q')).toHaveValue('');
});

test('crafted input gets a clear refusal in French, not a server error', async ({ page, request, baseURL }) => {
	const nulInEmail = await request.post('/connexion', {
		headers: { origin: baseURL!, accept: 'text/html' },
		form: { email: 'coordination\u0000@soutenance.test', password: 'soutenance-demo' },
		maxRedirects: 0
	});
	expect(nulInEmail.status()).toBe(400);
	expect(await nulInEmail.text()).toContain('caractère de contrôle');
	expect(nulInEmail.headers()['set-cookie']).toBeUndefined();

	const nulInAddress = await request.get('/connexion?redirectTo=%00');
	expect(nulInAddress.status()).toBe(400);
	expect(await nulInAddress.text()).toContain('caractère de contrôle');

	await signIn(page, accounts.coordinator);
	await page.goto(`/coordination/journal?avant=${'9'.repeat(23)}`);
	await expect(page.getByRole('status')).toContainText('Chaîne intègre');
});
