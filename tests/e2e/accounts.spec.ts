import { rmSync } from 'node:fs';
import { startLocalSmtp } from '../helpers/smtp';
import { builtServer, demoDataDir, expect, test, workerPort, type Page } from './fixtures';
import { accounts, expectNoAxeViolations, loginAs, signIn } from './helpers';

async function linkFromOutbox(page: Page, recipient: string, pattern: RegExp): Promise<string> {
	let link: string | undefined;
	// A reset mail is written by the server's outbox worker after the request has answered: read until it is there.
	await expect(async () => {
		await page.goto(`/coordination/messages?destinataire=${encodeURIComponent(recipient)}`);
		link = (await page.locator('article pre').allTextContents()).join('\n').match(pattern)?.[0];
		expect(link, `link in the message to ${recipient}`).toBeTruthy();
	}).toPass({ timeout: 30_000 });
	return new URL(link!).pathname;
}

test('the coordinator invites a juror, who sets a password once and lands on the jury home', async ({ page, browser }) => {
	await signIn(page, accounts.coordinator);
	await page.goto('/coordination/utilisateurs');
	const creation = page.getByRole('region', { name: 'Créer un compte' });
	await creation.getByLabel('Nom complet').fill('Hélène Invitée');
	await creation.getByLabel('Adresse e-mail').fill('helene.invitee@soutenance.test');
	await creation.getByLabel('Rôle').selectOption('juror');
	await creation.getByRole('button', { name: 'Créer et inviter' }).click();
	await expect(page.getByRole('status')).toContainText('helene.invitee@soutenance.test');
	await expectNoAxeViolations(page);

	// The same address again is refused, and the form keeps what was typed.
	await creation.getByLabel('Nom complet').fill('Doublon');
	await creation.getByLabel('Adresse e-mail').fill('helene.invitee@soutenance.test');
	await creation.getByRole('button', { name: 'Créer et inviter' }).click();
	await expect(page.getByRole('alert')).toHaveText('Un compte existe déjà avec cette adresse e-mail.');
	await expect(creation.getByLabel('Nom complet')).toHaveValue('Doublon');

	const invitation = await linkFromOutbox(page, 'helene.invitee@soutenance.test', /http:\/\/\S+\/invitation\/\w+/);
	const guest = await (await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '127.0.0.3' } })).newPage();
	await guest.goto(invitation);
	await expect(guest.getByRole('heading', { level: 1 })).toHaveText('Bienvenue, Hélène Invitée');
	await expectNoAxeViolations(guest);
	// The browser already refuses short passwords; switch its check off to reach the server's.
	await guest.locator('form').evaluate((form: HTMLFormElement) => (form.noValidate = true));
	await guest.getByLabel('Nouveau mot de passe').fill('trop court');
	await guest.getByLabel('Confirmez le mot de passe').fill('trop court');
	await guest.getByRole('button', { name: 'Activer mon compte' }).click();
	await expect(guest.getByRole('alert')).toHaveText('Le mot de passe doit compter au moins 12 caractères.');
	await guest.getByLabel('Nouveau mot de passe').fill('une phrase de passe solide');
	await guest.getByLabel('Confirmez le mot de passe').fill('une phrase de passe solide');
	await guest.getByRole('button', { name: 'Activer mon compte' }).click();
	await expect(guest).toHaveURL('/jury');

	// The link served once.
	const again = await guest.goto(invitation);
	expect(again?.status()).toBe(410);
	await expect(guest.getByRole('heading', { level: 1 })).toHaveText('Lien non valable');
	await guest.context().close();
});

test('a forgotten password is replaced through the link mailed to its owner, which the outbox never shows', async ({ page, browser }) => {
	const smtp = await startLocalSmtp();
	const server = builtServer(workerPort('mail'), demoDataDir('mail'), { SMTP_URL: smtp.url });
	await server.start();
	try {
		const visitor = await (
			await browser.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { 'x-forwarded-for': '127.0.0.4' } })
		).newPage();
		await visitor.goto('/mot-de-passe-oublie');
		await visitor.getByLabel('Adresse e-mail').fill('candidat29@soutenance.test');
		await visitor.getByRole('button', { name: 'Recevoir le lien' }).click();
		await expect(visitor.getByRole('status')).toContainText('Si un compte actif existe pour cette adresse');

		// The outbox worker sends it after the request has answered (behind the demo's convocations to the same address).
		let reset: string | undefined;
		await expect(async () => {
			const mailed = smtp.messages.filter((mail) => mail.to.includes('candidat29@soutenance.test'));
			reset = mailed.map((mail) => mail.text.match(/http:\/\/\S+\/mot-de-passe\/\w+/)?.[0]).find(Boolean);
			expect(reset, 'reset link mailed to candidat29').toBeTruthy();
		}).toPass({ timeout: 30_000 });
		await visitor.goto(new URL(reset!).pathname);
		await visitor.getByLabel('Nouveau mot de passe').fill('nouvelle phrase de passe');
		await visitor.getByLabel('Confirmez le mot de passe').fill('nouvelle phrase de passe');
		await visitor.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
		await expect(visitor).toHaveURL('/candidat');
		await visitor.context().close();
	} finally {
		await server.stop();
		rmSync(server.dataDir, { recursive: true, force: true });
		await smtp.close();
	}

	// Without SMTP the coordination reads the outbox, but never a reset link: anyone may ask for one, for any account.
	await page.goto('/mot-de-passe-oublie');
	await page.getByLabel('Adresse e-mail').fill('jury8@soutenance.test');
	await page.getByRole('button', { name: 'Recevoir le lien' }).click();
	await expect(page.getByRole('status')).toContainText('Si un compte actif existe pour cette adresse');
	await signIn(page, accounts.coordinator);
	await expect(async () => {
		await page.goto(`/coordination/messages?destinataire=${encodeURIComponent('jury8@soutenance.test')}`);
		const texts = (await page.locator('article pre').allTextContents()).join('\n');
		expect(texts).toContain('/mot-de-passe/••••••');
	}).toPass({ timeout: 30_000 });
	expect((await page.locator('article pre').allTextContents()).join('\n')).not.toMatch(/\/mot-de-passe\/\w/);
	await expect(page.getByText('sauf les liens de réinitialisation de mot de passe')).toBeVisible();
});

test('a forgotten-password request gets the same answer, byte for byte, for an account and for an unknown address', async ({ page }) => {
	await page.goto('/mot-de-passe-oublie');
	const origin = new URL(page.url()).origin;
	const ask = async (email: string) => {
		const response = await page.request.post('/mot-de-passe-oublie', { form: { email }, headers: { origin } });
		return { status: response.status(), body: await response.text() };
	};
	const known = await ask('candidat28@soutenance.test');
	expect(known.status).toBe(200);
	expect(known.body).toContain('Si un compte actif existe pour cette adresse');
	expect(await ask('personne.inconnue@soutenance.test')).toEqual(known);
});

test('the coordinator deactivates an account, which can no longer log in', async ({ page, browser }) => {
	await signIn(page, accounts.coordinator);
	await page.goto('/coordination/utilisateurs?q=candidat30');
	await page.getByRole('button', { name: 'Désactiver Victor Caron' }).click();
	await expect(page.getByRole('cell', { name: 'Désactivé' })).toBeVisible();

	const candidate = await (await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '127.0.0.5' } })).newPage();
	await loginAs(candidate, 'candidat30@soutenance.test');
	await expect(candidate.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
	await candidate.context().close();

	await page.goto('/coordination/journal?q=user.deactivate');
	await expect(page.getByRole('status')).toContainText('Chaîne intègre');
	// The journal says it in a sentence (who did what to whom); the action code stays in its raw data.
	await expect(page.getByText('Nadia Coordination a désactivé le compte de Victor Caron.')).toBeVisible();
	await page.goto('/coordination/utilisateurs?q=candidat30');
	await page.getByRole('button', { name: 'Réactiver Victor Caron' }).click();
	await expect(page.getByRole('cell', { name: 'Invitation en attente' }).or(page.getByRole('cell', { name: 'Actif' }))).toBeVisible();
});
