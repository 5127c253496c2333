import { expect, test, type Page } from '@playwright/test';
import { readCalendar } from '../helpers/read-documents';
import { demoJurors } from '../../src/lib/server/demo/demo-data';
import { accounts, expectNoAxeViolations, loginAs } from './helpers';

// One story, in order: the coordinator schedules today's demo session and publishes it; the
// candidate then finds the convocation and its calendar file; jurors find their defenses.
test.describe.configure({ mode: 'serial' });

async function todaySessionId(page: Page): Promise<string> {
	await page.goto('/coordination');
	const today = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
	const href = await page.getByRole('link', { name: `Session du ${today}` }).getAttribute('href');
	return href!.split('/').pop()!;
}

test('the coordinator schedules today’s session, sees what will be sent, then publishes', async ({ page }) => {
	await loginAs(page, accounts.coordinator);
	const sessionId = await todaySessionId(page);

	await page.goto(`/coordination/sessions/${sessionId}/publication`);
	await expect(page.getByText("Aucune soutenance n'est planifiée")).toBeVisible();
	await expect(page.getByRole('button', { name: 'Publier le planning' })).toBeDisabled();

	await page.goto(`/coordination/sessions/${sessionId}/planning`);
	await page.getByRole('button', { name: 'Planifier', exact: true }).click();
	await expect(page.getByText(/Dernier calcul \(planification\) : \d+ candidat·es placé·es/)).toBeVisible({ timeout: 30_000 });

	await page.goto(`/coordination/sessions/${sessionId}/publication`);
	await expect(page.getByRole('heading', { name: 'Ce qui sera envoyé' })).toBeVisible();
	await expect(page.getByText(/candidat·es convoqué·es : e-mail avec la convocation/)).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Publier le planning' }).click();
	await expect(page.getByRole('status')).toContainText('Version 1 publiée');
	await expect(page.getByRole('cell', { name: 'Nadia Coordination' })).toBeVisible();
	// Publishing again without a change sends nothing.
	await expect(page.getByText("Le planning n'a pas changé depuis la version 1")).toBeVisible();
	await expect(page.getByRole('button', { name: 'Publier les changements' })).toBeDisabled();

	await page.goto('/coordination/messages?destinataire=candidat1%40soutenance.test');
	await expect(page.getByRole('heading', { name: /^Convocation à votre soutenance du / })).toBeVisible();
	await expect(page.getByText('convocation.ics, convocation.pdf')).toBeVisible();
});

test('the candidate sees the convocation and downloads a valid calendar file and PDF', async ({ page }) => {
	await loginAs(page, accounts.candidate);
	await page.goto('/candidat');
	await expect(page.getByRole('heading', { name: /^Convocation : Session du / })).toBeVisible();
	await expect(page.getByText(/\(heure de Paris, UTC\+0[12]:00\)/).first()).toBeVisible();
	// Jurors' names are not for candidates.
	const body = await page.locator('main').textContent();
	for (const juror of demoJurors) expect(body).not.toContain(juror.name);
	await expectNoAxeViolations(page);

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Ajouter au calendrier' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('convocation.ics');
	const icsResponse = await page.request.get(await page.getByRole('link', { name: 'Ajouter au calendrier' }).getAttribute('href').then((href) => href!));
	expect(icsResponse.headers()['content-type']).toContain('text/calendar');
	const calendar = readCalendar(await icsResponse.text());
	expect(calendar.events).toHaveLength(1);
	const shownTime = await page.getByText(/à \d\d:\d\d \(heure de Paris/).first().textContent();
	const parisTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(calendar.events[0].start);
	expect(shownTime).toContain(`à ${parisTime} (heure de Paris`);

	const pdfHref = await page.getByRole('link', { name: 'Télécharger la convocation (PDF)' }).getAttribute('href');
	const pdf = await page.request.get(pdfHref!);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
});

test('a candidate gets only their own convocation', async ({ page }) => {
	await loginAs(page, accounts.candidate);
	await page.goto('/candidat');
	// candidat1 is also registered in the past session, which is not published.
	await expect(page.getByText('Votre convocation apparaîtra ici dès que le planning de cette session sera publié.')).toBeVisible();
	const ownHref = (await page.getByRole('link', { name: 'Ajouter au calendrier' }).getAttribute('href'))!;
	const pastSection = page.locator('section', { hasText: 'sera publié' });
	const pastSessionId = (await pastSection.getByRole('heading').getAttribute('id'))!.replace('session-', '');
	expect((await page.request.get(`/candidat/convocations/${pastSessionId}/convocation.ics`)).status()).toBe(404);
	expect((await page.request.get(`/candidat/convocations/${pastSessionId}/convocation.pdf`)).status()).toBe(404);
	expect((await page.request.get('/candidat/convocations/pas-un-identifiant/convocation.ics')).status()).toBe(404);
	const ownUid = readCalendar(await (await page.request.get(ownHref)).text()).events[0].uid;

	// Another candidate of the same session, asking the same address, gets their own defense.
	await page.context().clearCookies();
	await loginAs(page, 'candidat5@soutenance.test');
	const other = await page.request.get(ownHref);
	if (other.status() === 200) expect(readCalendar(await other.text()).events[0].uid).not.toBe(ownUid);
	else expect(other.status()).toBe(404);

	// A juror is not a candidate.
	await page.context().clearCookies();
	await loginAs(page, accounts.juror);
	expect((await page.request.get(ownHref, { maxRedirects: 0 })).status()).toBe(403);
});

test('jurors see their published defenses in order and one calendar with all of them', async ({ page }) => {
	let seen = 0;
	for (const juror of ['jury1@soutenance.test', 'jury3@soutenance.test', 'jury5@soutenance.test']) {
		await page.context().clearCookies();
		await loginAs(page, juror);
		await page.goto('/jury');
		await expectNoAxeViolations(page);
		const rows = page.locator('.defense');
		const count = await rows.count();
		const response = await page.request.get('/jury/planning.ics');
		expect(response.headers()['content-type']).toContain('text/calendar');
		const events = readCalendar(await response.text()).events;
		expect(events).toHaveLength(count);
		const starts = events.map((event) => event.start.getTime());
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
		if (count > 0) {
			await expect(rows.first()).toContainText(/\d\d:\d\d–\d\d:\d\d/);
			await expect(rows.first()).toContainText('Prévue');
			await expect(page.getByRole('link', { name: 'Ajouter toutes mes soutenances au calendrier' })).toBeVisible();
		}
		seen += count;
	}
	expect(seen).toBeGreaterThan(0);
});
