import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from './fixtures';
import { demoJurors } from '../../src/lib/server/demo/demo-data';
import { pdfImages, pdfText } from '../helpers/read-documents';
import { accounts, expectNoAxeViolations, signIn, todaySessionName } from './helpers';

// Today's demo sheets are blank (the demo signed the past session's only): jury1, who presides
// jury A, collects a candidate's signature drawn on the tablet's pad, and the coordination
// downloads the sheet. The screenshots of the pad are kept for review in test-results/attendance/.
test.describe.configure({ timeout: 120_000 });
const SCREENSHOTS = path.join('test-results', 'attendance');

/** Jury A's sheet of today, from the juror's home page as a juror finds it. */
async function openTodaySheet(page: Page): Promise<void> {
	await page.goto('/jury');
	await page.getByRole('link', { name: 'Feuille d’émargement · Jury A' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Feuille d’émargement · Jury A' })).toBeVisible();
}

/** A stroke across the pad, as a finger or a mouse draws it: pointer down, moves, pointer up. */
async function drawOn(page: Page, loops: number): Promise<void> {
	const box = (await page.locator('canvas').boundingBox())!;
	const at = (progress: number) => ({
		x: box.x + box.width * (0.1 + 0.8 * progress),
		y: box.y + box.height * (0.5 + 0.3 * Math.sin(progress * loops * 2 * Math.PI))
	});
	await page.mouse.move(at(0).x, at(0).y);
	await page.mouse.down();
	for (let step = 1; step <= 40; step++) await page.mouse.move(at(step / 40).x, at(step / 40).y, { steps: 2 });
	await page.mouse.up();
}

test('a candidate signs on the tablet (768 × 1024), the sheet shows it, and the coordination’s PDF names every candidate', async ({
	page,
	browser
}) => {
	await page.setViewportSize({ width: 768, height: 1024 });
	await signIn(page, accounts.juror);
	await openTodaySheet(page);
	const candidates = page.getByRole('region', { name: 'Candidat·es' });
	const names = (await candidates.locator('[data-person-id] .name strong').allTextContents()).map((name) => name.trim());
	expect(names.length).toBeGreaterThan(1);
	const download = (await page.getByRole('link', { name: 'Télécharger la feuille (PDF)' }).getAttribute('href'))!;
	const slug = new URL(download, 'http://x').searchParams.get('demi-journee')!;
	const juryId = new URL(page.url()).pathname.split('/').pop()!;

	const row = candidates
		.locator('[data-person-id]')
		.filter({ has: page.getByRole('link', { name: /^Faire signer/ }) })
		.first();
	const name = (await row.locator('.name strong').textContent())!.trim();
	await row.getByRole('link', { name: /^Faire signer/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Signature de ${name}` })).toBeVisible();
	const pad = page.locator('canvas');
	await expect(pad).toBeVisible();

	// Nothing drawn: a clear message, nothing sent.
	await page.getByRole('button', { name: 'Valider la signature' }).click();
	await expect(page.getByRole('alert')).toHaveText('Le cadre est vide : signez avant de valider.');
	// A slip, then « Recommencer »: the pad is blank again (validating says so).
	await drawOn(page, 1);
	await page.getByRole('button', { name: 'Recommencer' }).click();
	await page.getByRole('button', { name: 'Valider la signature' }).click();
	await expect(page.getByRole('alert')).toHaveText('Le cadre est vide : signez avant de valider.');

	await drawOn(page, 4);
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expectNoAxeViolations(page);
	mkdirSync(SCREENSHOTS, { recursive: true });
	await page.screenshot({ path: path.join(SCREENSHOTS, 'signature-768.png'), fullPage: true });
	await page.setViewportSize({ width: 1024, height: 768 });
	await page.screenshot({ path: path.join(SCREENSHOTS, 'signature-1024.png'), fullPage: true });
	await page.getByRole('button', { name: 'Valider la signature' }).click();

	await expect(page.getByRole('status')).toHaveText(`Signature de ${name} enregistrée.`);
	const signed = page.getByRole('region', { name: 'Candidat·es' }).locator('[data-person-id]').filter({ hasText: name });
	await expect(signed).toContainText(/Signé à \d\d:\d\d/);
	await expect(signed).toContainText(`recueilli par ${demoJurors[0].name}`);
	const time = /Signé à (\d\d:\d\d)/.exec((await signed.textContent())!)![1];
	await page.screenshot({ path: path.join(SCREENSHOTS, 'feuille-1024.png'), fullPage: true });

	// The coordination downloads the sheet from today's results, beside the procès-verbal.
	const coordinator = await (await browser.newContext()).newPage();
	await signIn(coordinator, accounts.coordinator);
	await coordinator.goto('/coordination');
	const today = (await coordinator.getByRole('link', { name: todaySessionName() }).first().getAttribute('href'))!;
	await coordinator.goto(`${today}/resultats`);
	const link = coordinator.locator(`a[data-attendance-sheet="${juryId}"][href*="demi-journee=${slug}"]`);
	const response = await coordinator.request.get((await link.getAttribute('href'))!);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/pdf');
	const pdf = Buffer.from(await response.body());
	const text = pdfText(pdf).replace(/\s+/g, ' ');
	expect(text).toContain('Feuille d’émargement');
	for (const candidate of names) expect(text).toContain(candidate);
	expect(text).toMatch(new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\d\\d:\\d\\d ${time}`));
	// The drawn signature is in it (each image is listed with its transparency mask).
	expect(pdfImages(pdf)).toBeGreaterThanOrEqual(2);
	await coordinator.context().close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the president attests a signature on the paper sheet, and the sheet says so', async ({ page }) => {
		await page.setViewportSize({ width: 768, height: 1024 });
		await signIn(page, accounts.juror);
		await openTodaySheet(page);
		const row = page
			.getByRole('region', { name: 'Candidat·es' })
			.locator('[data-person-id]')
			.filter({ has: page.getByRole('link', { name: /^Faire signer/ }) })
			.first();
		const name = (await row.locator('.name strong').textContent())!.trim();
		await row.getByRole('link', { name: /^Faire signer/ }).click();
		// No pad without JavaScript: the paper sheet, attested by the president.
		await expect(page.locator('canvas')).toHaveCount(0);
		await expect(page.getByRole('heading', { name: 'Signature sur la feuille papier' })).toBeVisible();
		await page.getByLabel(`J’atteste que ${name} est présent·e et a signé la feuille papier`).check();
		await page.getByRole('button', { name: 'Enregistrer la présence' }).click();
		await expect(page.getByRole('status')).toHaveText(`Signature de ${name} enregistrée.`);
		const signed = page.getByRole('region', { name: 'Candidat·es' }).locator('[data-person-id]').filter({ hasText: name });
		await expect(signed).toContainText(/Signé sur la feuille papier, attesté à \d\d:\d\d/);
	});
});
