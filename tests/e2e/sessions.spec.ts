import { expect, test } from './fixtures';
import { accounts, expectNoAxeViolations, loginAs, signIn } from './helpers';

// A coordinator sets up a session from scratch: settings, a day with a break, two rooms, two
// invited jurors, a half-day of unavailability, then a jury whose rules are checked live.
test('a coordinator sets up a session, its jurors and a jury', async ({ page }) => {
	// Seven pages, each with an axe run: longer than the default budget on a busy 2-core machine.
	test.setTimeout(240_000);
	await loginAs(page, accounts.coordinator);
	await page.getByRole('link', { name: 'Nouvelle session' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle session' })).toBeVisible();
	await expect(page.getByLabel('Questions (5 à 10)')).toHaveValue('10');
	await expectNoAxeViolations(page);
	await page.getByLabel('Nom de la session').fill('Session de janvier');
	await page.getByLabel('Lieu').fill('Paris');
	await page.getByRole('button', { name: 'Créer la session' }).click();
	// A new session opens on its settings: days and rooms come first.
	await expect(page).toHaveURL(/\/coordination\/sessions\/[0-9a-f-]{36}\/parametres$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Session de janvier' })).toBeVisible();
	const sessionUrl = page.url().replace(/\/parametres$/, '');

	// A day whose break runs past closing time is refused, the entered values stay.
	await page.locator('#day-new-date').fill('2027-01-12');
	await page.locator('#day-new-opensAt').fill('09:00');
	await page.locator('#day-new-closesAt').fill('17:00');
	await page.locator('#day-new-breakStart-0').fill('16:30');
	await page.locator('#day-new-breakEnd-0').fill('17:30');
	await page.getByRole('button', { name: 'Ajouter le jour' }).click();
	await expect(page.getByRole('alert')).toHaveText('La pause doit se situer dans les horaires d’ouverture du jour.');
	await expect(page.locator('#day-new-breakStart-0')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#day-new-date')).toHaveValue('2027-01-12');
	await page.locator('#day-new-breakStart-0').fill('12:30');
	await page.locator('#day-new-breakEnd-0').fill('13:30');
	await page.getByRole('button', { name: 'Ajouter le jour' }).click();
	await expect(page.getByRole('heading', { level: 3, name: 'mardi 12 janvier 2027' })).toBeVisible();

	await page.locator('#room-new-name').fill('Salle Curie');
	await page.getByRole('button', { name: 'Ajouter la salle' }).click();
	await expect(page.getByRole('heading', { level: 3, name: 'Salle Curie' })).toBeVisible();
	await page.locator('#room-new-name').fill('Visio Curie');
	await page.locator('#room-new-remote').check();
	await page.getByRole('button', { name: 'Ajouter la salle' }).click();
	await expect(page.getByRole('alert')).toHaveText('Une salle à distance doit avoir un lien de visioconférence.');
	await expect(page.locator('#room-new-videoUrl')).toHaveAttribute('aria-invalid', 'true');
	await page.locator('#room-new-videoUrl').fill('https://visio.example.fr/curie');
	await page.getByRole('button', { name: 'Ajouter la salle' }).click();
	await expect(page.getByRole('heading', { level: 3, name: /Visio Curie/ })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('navigation', { name: 'Sections de la session' }).getByRole('link', { name: 'Jurés' }).click();
	await expectNoAxeViolations(page);
	const invite = async (name: string, email: string, company: string, external: boolean, president: boolean) => {
		await page.getByLabel('Nom complet').fill(name);
		await page.getByLabel('Adresse e-mail').fill(email);
		await page.getByLabel('Entreprise').fill(company);
		await page.getByLabel('Expertise (mots-clés séparés par des virgules)').fill('nlp, vision');
		await page.getByLabel('Extérieur·e (ni formateur ni certificateur)').setChecked(external);
		await page.getByLabel('Peut présider un jury').setChecked(president);
		await page.getByRole('button', { name: 'Inviter', exact: true }).click();
		await expect(page.getByRole('status')).toHaveText(`Invitation envoyée à ${email}.`);
	};
	await invite('Alice Externe', 'alice.externe@example.fr', 'Acme', true, true);
	await invite('Bruno Interne', 'bruno.interne@example.fr', 'Jedha', false, false);
	await expect(page.getByRole('row', { name: /Alice Externe/ })).toContainText('Extérieur·e · peut présider');

	await page.getByRole('link', { name: 'Bruno Interne' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Bruno Interne' })).toBeVisible();
	await page.getByLabel('Demi-journée').selectOption({ label: 'Matin du 12/01/2027' });
	await page.getByRole('button', { name: 'Déclarer indisponible' }).click();
	await expect(page.getByText('Matin du 12/01/2027 : mardi 12 janvier 2027, 00:00 – 13:00 (heure de Paris, UTC+01:00)')).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('navigation', { name: 'Sections de la session' }).getByRole('link', { name: 'Jurys' }).click();
	await expectNoAxeViolations(page);
	await page.getByLabel('Nom du jury').fill('A');
	await page.getByLabel('Salle').selectOption({ label: 'Salle Curie' });
	const rules = page.locator('#jury-new-rules');
	await page.getByLabel('Bruno Interne membre du jury').check();
	await page.getByLabel('Bruno Interne préside le jury').check();
	await expect(rules).toContainText('Un jury compte au moins 2 membres.');
	await expect(rules).toContainText('Bruno Interne ne peut pas présider un jury');
	await expect(rules).toContainText('Au moins la moitié des membres doivent être extérieurs : 0 sur 1 le sont.');
	await page.getByLabel('Alice Externe membre du jury').check();
	await expect(rules).not.toContainText('Un jury compte au moins 2 membres.');
	await page.getByLabel('Alice Externe préside le jury').check();
	await expect(rules).toContainText('Composition conforme aux règles.');
	await page.getByRole('button', { name: 'Créer le jury' }).click();
	await expect(page.getByRole('status')).toHaveText('Jury A créé.');
	await expect(page.getByRole('heading', { level: 3, name: 'Jury A' })).toBeVisible();

	await page.getByRole('link', { name: 'Modifier le jury A' }).click();
	await expect(page.getByLabel('Alice Externe préside le jury')).toBeChecked();
	await expectNoAxeViolations(page);

	// The session is on the coordination home, as a link to its page.
	await page.goto('/coordination');
	await page.getByRole('link', { name: 'Session de janvier' }).click();
	await expect(page).toHaveURL(sessionUrl);

	// Its first tab is the dashboard: the jury is formed, importing candidates is what comes next.
	const steps = page.getByRole('list', { name: 'Étapes de la session' });
	await expect(steps.locator('[data-step="juries"]')).toContainText('Fait');
	await expect(steps.locator('[data-step="juries"]')).toContainText('1 sur 1 complets');
	await expect(steps.locator('[data-step="candidates"]')).toContainText('À faire maintenant');
	await expect(page.getByRole('status')).toContainText('Prochaine étape Candidats importés');
	await steps.getByRole('link', { name: 'Candidats importés' }).click();
	await expect(page).toHaveURL(`${sessionUrl}/candidats`);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the server re-checks a jury and keeps the entered values', async ({ page }) => {
		await signIn(page, accounts.coordinator);
		await page.goto('/coordination');
		await page
			.getByRole('link', { name: /^Session du / })
			.first()
			.click();
		await page.getByRole('navigation', { name: 'Sections de la session' }).getByRole('link', { name: 'Jurys' }).click();
		await page.getByLabel('Nom du jury').fill('Sans JS');
		await page.getByLabel('Salle').selectOption({ label: 'Salle Turing' });
		// Julien Bernard (Jedha) and Nicolas Petit (Jedha) are internal and may not preside.
		await page.getByLabel('Julien Bernard membre du jury').check();
		await page.getByLabel('Nicolas Petit membre du jury').check();
		await page.getByLabel('Julien Bernard préside le jury').check();
		await page.getByRole('button', { name: 'Créer le jury' }).click();
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('La composition du jury ne respecte pas les règles');
		// Each broken rule is listed once, under the rules, not again in the refusal.
		const rules = page.locator('#jury-new-rules');
		await expect(rules).toContainText('Julien Bernard ne peut pas présider un jury');
		await expect(rules).toContainText('Au moins la moitié des membres doivent être extérieurs : 0 sur 2 le sont.');
		await expect(page.getByText('Julien Bernard ne peut pas présider un jury')).toHaveCount(1);
		await expect(page.getByLabel('Nom du jury')).toHaveValue('Sans JS');
		await expect(page.getByLabel('Nicolas Petit membre du jury')).toBeChecked();
		await expect(page.getByRole('heading', { level: 3, name: 'Jury Sans JS' })).toHaveCount(0);
	});
});
