// npm run screenshots — the README's screenshots, taken with Playwright from a running demo:
//   BASE_URL=http://localhost:3000 npm run screenshots          (docs/screenshots/*.png)
//   BASE_URL=… npm run screenshots -- --review test-results/review
// The second form also shoots the candidate's pages at 320, 390, 768 and 1366 px, for review.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';
import { DEMO_PASSWORD, todaySessionName } from '../tests/e2e/helpers';

const baseURL = process.env.BASE_URL ?? 'http://localhost:3000';
const reviewAt = process.argv.includes('--review') ? process.argv[process.argv.indexOf('--review') + 1] : null;

const browser = await chromium.launch(chromiumLaunchOptions);

async function signedIn(email: string, width: number, height: number): Promise<Page> {
	const context = await browser.newContext({ baseURL, viewport: { width, height }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
	const page = await context.newPage();
	await page.goto('/connexion');
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
	return page;
}

/** A candidate whose defense today is still to come, so their page shows the live forecast. */
async function candidateWaitingToday(): Promise<string> {
	for (let n = 30; n >= 1; n--) {
		const email = `candidat${n}@soutenance.test`;
		const page = await signedIn(email, 390, 844);
		const body = (await (await page.request.get('/api/direct/candidat')).json()) as { forecasts: { status: string }[] };
		await page.context().close();
		if (body.forecasts.some((forecast) => forecast.status === 'planned')) return email;
	}
	return 'candidat1@soutenance.test';
}

async function shoot(page: Page, file: string, fullPage = false) {
	mkdirSync(path.dirname(file), { recursive: true });
	await page.screenshot({ path: file, fullPage });
	console.log(file);
}

// The coordinator's dashboard: today's session, its first tab.
const coordinator = await signedIn('coordination@soutenance.test', 1366, 900);
await coordinator.goto('/coordination');
await coordinator.getByRole('link', { name: todaySessionName() }).click();
await coordinator.waitForLoadState('networkidle');
await shoot(coordinator, 'docs/screenshots/coordination-session.png');

// A jury tablet in landscape: jury1 presides jury A; its defense under way.
const tablet = await signedIn('jury1@soutenance.test', 1024, 768);
await tablet.goto('/jury');
const defenses = tablet.locator('a[href^="/jury/soutenances/"]');
const underWay = defenses.filter({ has: tablet.getByText('En cours') });
const link = (await underWay.count()) > 0 ? underWay.first() : defenses.first();
await tablet.goto((await link.getAttribute('href'))!);
await tablet.waitForLoadState('networkidle');
await shoot(tablet, 'docs/screenshots/jury-tablette.png');

// The candidate's phone, waiting for their turn today.
const candidateEmail = await candidateWaitingToday();
const phone = await signedIn(candidateEmail, 390, 844);
await phone.waitForLoadState('networkidle');
await shoot(phone, 'docs/screenshots/candidat-telephone.png');

if (reviewAt) {
	for (const email of [candidateEmail, 'candidat1@soutenance.test']) {
		for (const width of [320, 390, 768, 1366]) {
			const page = await signedIn(email, width, width < 800 ? 844 : 900);
			await page.waitForLoadState('networkidle');
			const who = email.split('@')[0];
			await shoot(page, path.join(reviewAt, `${who}-${width}.png`), true);
			for (const summary of await page.locator('details summary').all()) await summary.click();
			await shoot(page, path.join(reviewAt, `${who}-${width}-ouvert.png`), true);
			if (width === 390) {
				for (const href of await page.locator('a[href$=".pdf"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))) {
					const response = await page.request.get(href);
					const name = `${who}-${href.split('/').slice(-2).join('-')}`;
					writeFileSync(path.join(reviewAt, name), await response.body());
					console.log(path.join(reviewAt, name));
				}
			}
			await page.context().close();
		}
	}
}
await browser.close();
