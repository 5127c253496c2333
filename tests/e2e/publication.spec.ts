import { rmSync } from 'node:fs';
import { builtServer, demoDataDir, expect, test, workerPort, type Page } from './fixtures';
import { startLocalSmtp } from '../helpers/smtp';
import { readCalendar } from '../helpers/read-documents';
import { demoJurors } from '../../src/lib/server/demo/demo-data';
import { accounts, expectNoAxeViolations, followJob, signIn, todaySessionName } from './helpers';

// The demo's sessions come scheduled and published: the candidate finds the convocation and its
// calendar file; jurors find their defenses. (tests/e2e/journey.spec.ts publishes a new session.)
test.describe.configure({ mode: 'serial' });

async function todaySessionId(page: Page): Promise<string> {
	await page.goto('/coordination');
	const href = await page.getByRole('link', { name: todaySessionName() }).getAttribute('href');
	return href!.split('/').pop()!;
}

test('today’s demo session arrives published and its convocations were sent', async ({ page }) => {
	await signIn(page, accounts.coordinator);
	const sessionId = await todaySessionId(page);

	await page.goto(`/coordination/sessions/${sessionId}/publication`);
	// Version 1 was published by the demo's coordinator (another spec may have moved defenses since).
	await expect(page.getByRole('cell', { name: 'Nadia Coordination' }).first()).toBeVisible();
	await expect(page.getByRole('button', { name: 'Publier les changements' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.goto('/coordination/messages?destinataire=candidat1%40soutenance.test');
	await expect(page.getByRole('heading', { name: /^Convocation à votre soutenance du / }).first()).toBeVisible();
	await expect(page.getByText('convocation.ics, convocation.pdf').first()).toBeVisible();
});

/** The room of the planning's first jury column. */
async function firstRoom(page: Page, base: string): Promise<string> {
	await page.goto(`${base}/planning`);
	return (await page.locator('.column .head .muted').first().textContent())!;
}

async function renameRoom(page: Page, base: string, from: string, to: string) {
	await page.goto(`${base}/parametres`);
	const card = page.locator('article', { has: page.getByRole('heading', { level: 3, name: from, exact: true }) });
	await card.locator('input[name="name"]').fill(to);
	await card.getByRole('button', { name: 'Enregistrer la salle' }).click();
	await expect(page.getByRole('status')).toHaveText('Salle enregistrée.');
}

test('a publication answers at once, its page shows the messages being prepared, then every one of them sent', async ({ browser }) => {
	// A server of its own that delivers mail, on a copy of the demo: the change published here stays there.
	const smtp = await startLocalSmtp();
	const server = builtServer(workerPort('mail'), demoDataDir('publication-mail'), { SMTP_URL: smtp.url });
	await server.start();
	try {
		const page = await (
			await browser.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { 'x-forwarded-for': '127.0.0.6' } })
		).newPage();
		await signIn(page, accounts.coordinator);
		const base = `/coordination/sessions/${await todaySessionId(page)}`;
		const room = await firstRoom(page, base);
		await renameRoom(page, base, room, `${room} (publiée)`);
		await page.goto(`${base}/publication/confirmer`);
		const candidates = await page.locator('ul[data-group="candidates"] > li').allTextContents();
		const jurors = await page.locator('ul[data-group="jurors"] > li').allTextContents();
		const told = candidates.length + jurors.length;
		expect(candidates.length).toBeGreaterThan(0);
		await page.getByRole('button', { name: `Confirmer et envoyer ${told} messages` }).click();

		const job = await followJob(page);
		await expect(job.getByTestId('job-count')).toHaveText(`${told} messages sur ${told} préparés`);
		await expect(job.getByRole('progressbar', { name: 'Avancement' })).toHaveAttribute('value', String(told));
		// The page keeps polling until the outbox worker has sent them all, through the one SMTP server.
		await expect(job.getByTestId('job-messages')).toHaveText(`Messages envoyés : ${told} sur ${told}.`, { timeout: 60_000 });
		await expect(job.getByRole('link', { name: 'Revenir à la publication' })).toBeVisible();
		await expectNoAxeViolations(page);
		const placeChanged = smtp.messages.filter((mail) => mail.text.includes(`${room} (publiée)`));
		expect(placeChanged.length).toBeGreaterThanOrEqual(candidates.length);
		// Each person told once by this publication.
		const recipients = placeChanged.flatMap((mail) => mail.to);
		expect(new Set(recipients).size).toBe(recipients.length);
		await page.context().close();
	} finally {
		await server.stop();
		rmSync(server.dataDir, { recursive: true, force: true });
		await smtp.close();
	}
});

test('publishing asks first: the confirmation names each person told and what changes for them', async ({ page }) => {
	await signIn(page, accounts.coordinator);
	const sessionId = await todaySessionId(page);
	const base = `/coordination/sessions/${sessionId}`;
	// Renaming a jury's room changes what its candidates were told: nothing is published, the name is put back.
	const room = await firstRoom(page, base);
	await renameRoom(page, base, room, `${room} bis`);
	try {
		await page.goto(`${base}/publication`);
		await page.getByRole('button', { name: 'Publier les changements' }).click();
		await expect(page).toHaveURL(`${base}/publication/confirmer`);
		await expect(page.getByRole('heading', { level: 2, name: /^Confirmer la publication de la version \d+$/ })).toBeVisible();
		const candidates = page.locator('ul[data-group="candidates"] > li');
		// Most of that jury's candidates see only the room change; one another spec of this worker moved may see more.
		await expect(candidates.filter({ hasText: new RegExp(`^[^:]+ : jury [^,]+, ${room} → ${room} bis$`) }).first()).toBeVisible();
		const told = (await candidates.count()) + (await page.locator('ul[data-group="jurors"] > li').count());
		await expect(page.getByRole('button', { name: `Confirmer et envoyer ${told} messages` })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: 'Revenir sans publier' }).click();
		await expect(page).toHaveURL(`${base}/publication`);
	} finally {
		await renameRoom(page, base, `${room} bis`, room);
	}
	// Put back, the room is no longer a change to announce (other specs may have moved defenses meanwhile).
	await page.goto(`${base}/publication/confirmer`);
	await expect(page.getByRole('heading', { level: 2, name: /^Confirmer la publication/ })).toBeVisible();
	await expect(page.getByText(`${room} bis`)).toHaveCount(0);
});

test('the candidate sees the convocation and downloads a valid calendar file and PDF', async ({ page }) => {
	await signIn(page, accounts.candidate);
	await page.goto('/candidat');
	await expect(page.getByRole('heading', { name: /^Convocation : Session du / }).first()).toBeVisible();
	// Jurors' names are not for candidates.
	const body = await page.locator('main').textContent();
	for (const juror of demoJurors) expect(body).not.toContain(juror.name);
	await expectNoAxeViolations(page);

	// candidat1 was convoked to both demo sessions: each convocation is its own section.
	const convocation = page.locator('section', { has: page.getByRole('link', { name: 'Ajouter au calendrier' }) }).first();
	await expect(convocation.getByText(/\(heure de Paris, UTC\+0[12]:00\)/).first()).toBeVisible();
	const calendarLink = convocation.getByRole('link', { name: 'Ajouter au calendrier' });
	const download = page.waitForEvent('download');
	await calendarLink.click();
	expect((await download).suggestedFilename()).toBe('convocation.ics');
	const icsResponse = await page.request.get((await calendarLink.getAttribute('href'))!);
	expect(icsResponse.headers()['content-type']).toContain('text/calendar');
	const calendar = readCalendar(await icsResponse.text());
	expect(calendar.events).toHaveLength(1);
	const shownTime = await convocation
		.getByText(/à \d\d:\d\d \(heure de Paris/)
		.first()
		.textContent();
	const parisTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(
		calendar.events[0].start
	);
	expect(shownTime).toContain(`à ${parisTime} (heure de Paris`);

	const pdf = await page.request.get(
		(await convocation.getByRole('link', { name: 'Télécharger la convocation (PDF)' }).getAttribute('href'))!
	);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
});

/** Closes the page's live streams before dropping the session, then drops it. */
async function leave(page: Page) {
	await page.goto('about:blank');
	await page.context().clearCookies();
}

const convokedSessionIds = (page: Page) =>
	page.evaluate(() =>
		[...document.querySelectorAll<HTMLAnchorElement>('a[href$="/convocation.ics"]')].map(
			(link) => new URL(link.href).pathname.split('/')[3]
		)
	);

test('a candidate gets only their own convocation', async ({ page }) => {
	// candidat11 sits today only; candidat1 also sat three weeks ago.
	await signIn(page, 'candidat11@soutenance.test');
	await page.goto('/candidat');
	const ownSessions = await convokedSessionIds(page);
	const ownHref = `/candidat/convocations/${ownSessions[0]}/convocation.ics`;
	await leave(page);
	await signIn(page, accounts.candidate);
	await page.goto('/candidat');
	const foreignSessions = (await convokedSessionIds(page)).filter((id) => !ownSessions.includes(id));
	expect(foreignSessions).toHaveLength(1);
	await leave(page);
	await signIn(page, 'candidat11@soutenance.test');
	expect((await page.request.get(`/candidat/convocations/${foreignSessions[0]}/convocation.ics`)).status()).toBe(404);
	expect((await page.request.get(`/candidat/convocations/${foreignSessions[0]}/convocation.pdf`)).status()).toBe(404);
	expect((await page.request.get('/candidat/convocations/pas-un-identifiant/convocation.ics')).status()).toBe(404);
	const ownUid = readCalendar(await (await page.request.get(ownHref)).text()).events[0].uid;

	// Another candidate of the same session, asking the same address, gets their own defense.
	await leave(page);
	await signIn(page, 'candidat5@soutenance.test');
	const other = await page.request.get(ownHref);
	if (other.status() === 200) expect(readCalendar(await other.text()).events[0].uid).not.toBe(ownUid);
	else expect(other.status()).toBe(404);

	// A juror is not a candidate.
	await leave(page);
	await signIn(page, accounts.juror);
	expect((await page.request.get(ownHref, { maxRedirects: 0 })).status()).toBe(403);
});

test('jurors see their published defenses in order and one calendar with all of them', async ({ page }) => {
	let seen = 0;
	for (const juror of ['jury1@soutenance.test', 'jury3@soutenance.test', 'jury5@soutenance.test']) {
		await leave(page);
		await signIn(page, juror);
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
			// Other specs may have started or ended a defense of the day already.
			await expect(rows.first()).toContainText(/Prévue|En cours|Terminée|Absence/);
			await expect(page.getByRole('link', { name: 'Ajouter toutes mes soutenances au calendrier' })).toBeVisible();
		}
		seen += count;
	}
	expect(seen).toBeGreaterThan(0);
});
