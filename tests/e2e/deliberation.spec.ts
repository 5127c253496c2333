import { createHash } from 'node:crypto';
import { expect, test, type Browser, type Page } from './fixtures';
import { demoJuries, demoJurors } from '../../src/lib/server/demo/demo-data';
import { pdfText } from '../helpers/read-documents';
import { accounts, expectNoAxeViolations, signIn, todaySessionName } from './helpers';

// The demo's past session is deliberated, signed and published (demo-deliberation.ts): candidat1
// obtained the title. Today's session has nothing decided yet. Several accounts log in per test
// (argon2 on a shared machine), hence the longer budgets.
test.describe.configure({ timeout: 180_000 });

async function as(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, email);
	return page;
}

async function pastSessionId(page: Page): Promise<string> {
	await page.goto('/coordination');
	const href = await page.getByRole('link', { name: /Session du/ }).evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
	for (const candidate of href) {
		const response = await page.request.get(`${candidate}/resultats/decisions.csv`);
		if ((await response.text()).includes('candidat1@soutenance.test')) return candidate.split('/').pop()!;
	}
	throw new Error('session passée introuvable');
}

/** The jury that heard candidat1 in the past session (read from the results page), its members' e-mails and its pages. */
async function juryOfFirstCandidate(
	browser: Browser
): Promise<{ president: string; members: string[]; recordUrl: string; defenseUrl: string; sessionName: string }> {
	const coordinator = await as(browser, accounts.coordinator);
	const sessionId = await pastSessionId(coordinator);
	await coordinator.goto(`/coordination/sessions/${sessionId}/resultats`);
	const label = /jury (\S+)$/.exec((await coordinator.getByRole('rowheader', { name: /Amélie Lefèvre/ }).textContent())!.trim())![1];
	const sessionName = (await coordinator.getByRole('heading', { level: 1 }).textContent())!.trim();
	await coordinator.context().close();
	// Demo accounts: jury<n> is the n-th demo juror; a demo jury's first member presides.
	const members = demoJuries.find((jury) => jury.label === label)!.members.map((index) => `jury${index + 1}@soutenance.test`);
	const president = await as(browser, members[0]);
	await president.goto('/jury/deliberations');
	// The jury's section of the past session: the same jury may hear her today too.
	const section = president
		.locator('section')
		.filter({ has: president.getByRole('heading', { name: sessionName }) })
		.filter({ has: president.getByRole('link', { name: /Amélie Lefèvre/ }) });
	const recordUrl = (await section.getByRole('link', { name: /Procès-verbal du jury/ }).getAttribute('href'))!;
	const defenseUrl = (await section.getByRole('link', { name: /Amélie Lefèvre/ }).getAttribute('href'))!;
	await president.context().close();
	return { president: members[0], members, recordUrl, defenseUrl, sessionName };
}

test('the candidate sees their own published results, and nothing of an unpublished session', async ({ browser }) => {
	const first = await as(browser, accounts.candidate);
	await first.goto('/candidat');
	const results = first.getByRole('region', { name: /Résultats : Session du/ });
	await expect(results).toBeVisible();
	await expect(results.getByText('Décision : Titre obtenu')).toBeVisible();
	await expect(results.getByRole('listitem').filter({ hasText: 'BC06' })).toContainText('Validé');
	await expect(results.getByText(/recours jusqu'au \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
	await expectNoAxeViolations(first);
	const attestation = await first.request.get(
		(await results.getByRole('link', { name: 'Télécharger mon attestation (PDF)' }).getAttribute('href'))!
	);
	expect(attestation.headers()['content-type']).toBe('application/pdf');
	const text = pdfText(await attestation.body()).replace(/\s+/g, ' ');
	expect(text).toContain("atteste qu'Amélie Lefèvre");
	expect(text).toContain('Titre obtenu');
	expect(text).toContain('Page 1 / 1');

	// candidat11 is only in today's session, whose results are not published.
	const other = await as(browser, 'candidat11@soutenance.test');
	await other.goto('/candidat');
	await expect(other.getByRole('heading', { name: /Résultats/ })).toHaveCount(0);
	await expect(other.getByText('Amélie Lefèvre')).toHaveCount(0);
	// Typing the coordination's addresses changes nothing.
	const sessionId = await pastSessionId(await as(browser, accounts.coordinator));
	for (const path of [
		`/coordination/sessions/${sessionId}/resultats`,
		`/coordination/sessions/${sessionId}/resultats/decisions.csv`,
		`/coordination/sessions/${sessionId}/resultats/proces-verbal.pdf`
	]) {
		expect((await other.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
	}
	// Nor does asking for an attestation of a session whose results they have none of.
	expect((await other.request.get(`/candidat/resultats/${sessionId}/attestation.pdf`)).status()).toBe(404);
});

test('the coordinator sees decisions, downloads the signed record whose SHA-256 matches, and browses the statistics', async ({
	browser
}) => {
	const page = await as(browser, accounts.coordinator);
	const sessionId = await pastSessionId(page);
	await page.goto(`/coordination/sessions/${sessionId}/resultats`);
	await expect(page.getByText(/Résultats publiés le/)).toBeVisible();
	await expect(page.getByRole('row', { name: /Amélie Lefèvre/ })).toContainText('Titre obtenu');
	await expectNoAxeViolations(page);

	const link = page.getByRole('link', { name: /procès-verbal, version 1 \(PDF\)/ }).first();
	const shown = (await link.locator('xpath=..').locator('code').textContent())!.trim();
	const pdf = await page.request.get((await link.getAttribute('href'))!);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect(
		createHash('sha256')
			.update(await pdf.body())
			.digest('hex')
	).toBe(shown);

	const session = await page.request.get(`/coordination/sessions/${sessionId}/resultats/proces-verbal.pdf`);
	expect((await session.body()).subarray(0, 5).toString()).toBe('%PDF-');
	const csv = await (await page.request.get(`/coordination/sessions/${sessionId}/resultats/decisions.csv`)).text();
	expect(csv.charCodeAt(0)).toBe(0xfeff);
	expect(csv.split('\r\n')[0]).toContain('Nom;E-mail;Session;Décision');

	await page.goto(`/coordination/sessions/${sessionId}/statistiques`);
	await expect(page.getByRole('img', { name: /Taux de réussite par bloc/ })).toBeVisible();
	await expect(page.getByRole('img', { name: /Écart moyen de chaque juré/ })).toBeVisible();
	await expect(page.getByText(/^α = .* \(1 = accord parfait/)).toBeVisible();
	await expectNoAxeViolations(page);
	await page.setViewportSize({ width: 768, height: 1024 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test('publishing today’s session is refused while records are unsigned', async ({ browser }) => {
	const page = await as(browser, accounts.coordinator);
	const pastId = await pastSessionId(page);
	await page.goto('/coordination');
	const today = (await page.getByRole('link', { name: todaySessionName() }).getAttribute('href'))!;
	expect(today).not.toContain(pastId);
	await page.goto(`${today}/resultats`);
	await page.getByRole('button', { name: 'Publier les résultats' }).click();
	await expect(page.getByRole('alert')).toContainText('Publication impossible');
});

test('the jury corrects its record: justification required, each member signs with their password, the old version stays readable', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const jury = await juryOfFirstCandidate(browser);
	const president = await as(browser, jury.president);
	await president.goto(jury.recordUrl);
	await expect(president.getByRole('heading', { name: /Procès-verbal · Jury/ })).toBeVisible();
	const firstHash = (await president.locator('code.hash').first().textContent())!.trim();
	await expectNoAxeViolations(president);
	await president.getByLabel('Motif de la correction').fill('Erreur de saisie sur C6.1');
	await president.getByRole('button', { name: /Ouvrir une correction/ }).click();
	await expect(president.getByRole('status')).toContainText('Correction ouverte : version 2');

	await president.goto(jury.defenseUrl);
	await expect(president.getByRole('heading', { name: 'Amélie Lefèvre' })).toBeVisible();
	await expectNoAxeViolations(president);
	// The block's proposal follows the decisions on the page, with the rule that made it.
	const blockProposal = president.locator('[data-testid^="block-proposal-"]');
	await expect(blockProposal).toContainText('validé — les compétences requises sont acquises');
	await president.getByRole('radiogroup', { name: 'Décision pour C6.1' }).getByLabel('Non acquise').check();
	await expect(blockProposal).toContainText("non validé — C6.1 n'est pas acquise");
	await expect(president.getByLabel(/Justification C6\.1/)).toHaveAccessibleName(/obligatoire/);
	// The block still says « Validé » (recorded): a justification is asked, until it follows the proposal.
	await expect(president.getByLabel(/Justification du bloc/)).toHaveAccessibleName(/obligatoire/);
	await president.getByRole('radiogroup', { name: 'Décision pour le bloc BC06' }).getByLabel('Non validé').check();
	await expect(president.getByLabel(/Justification du bloc/)).toHaveAccessibleName(/facultative/);
	await president.getByRole('button', { name: 'Enregistrer les décisions' }).click();
	await expect(president.getByRole('alert')).toContainText('justifiée par écrit : C6.1');
	await expect(president.getByRole('alert')).not.toContainText('BC06');
	await expect(president.getByRole('alert')).toBeInViewport();
	await president.getByLabel(/Justification C6\.1/).fill('Démonstration incomplète, relue par le jury');
	await president.getByRole('button', { name: 'Enregistrer les décisions' }).click();
	await expect(president.getByRole('status')).toContainText('Décisions enregistrées');

	for (const [index, email] of jury.members.entries()) {
		const member = email === jury.president ? president : await as(browser, email);
		await member.goto(jury.recordUrl);
		if (index === 0) {
			await member.getByLabel('Votre mot de passe, pour signer').fill('pas-le-bon-mot-de-passe');
			await member.getByRole('button', { name: 'Signer le procès-verbal' }).click();
			await expect(member.getByRole('alert')).toContainText('Mot de passe incorrect');
		}
		await member.getByLabel('Votre mot de passe, pour signer').fill('soutenance-demo');
		await member.getByRole('button', { name: 'Signer le procès-verbal' }).click();
		await expect(member.getByRole('status')).toContainText(
			index === jury.members.length - 1 ? 'le procès-verbal est verrouillé' : 'Signature enregistrée'
		);
	}

	await president.goto(jury.recordUrl);
	await expect(president.getByRole('link', { name: 'Version 1 (PDF)' })).toBeVisible();
	await expect(president.getByRole('link', { name: 'Version 2 (PDF)' })).toBeVisible();
	await expect(president.getByText(`Corrige la version 1 (SHA-256 ${firstHash})`)).toBeVisible();
	const old = await president.request.get((await president.getByRole('link', { name: 'Version 1 (PDF)' }).getAttribute('href'))!);
	expect(
		createHash('sha256')
			.update(await old.body())
			.digest('hex')
	).toBe(firstHash);

	// The candidate now sees the corrected decision.
	const candidate = await as(browser, accounts.candidate);
	await candidate.goto('/candidat');
	await expect(
		candidate
			.getByRole('region', { name: /Résultats : Session du/ })
			.getByRole('listitem')
			.filter({ hasText: 'BC06' })
	).toContainText('Non validé');
});

test("on the candidate's phone: a short header, today's convocation first, block badges that never break", async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await signIn(page, accounts.candidate);
	await page.goto('/candidat');
	const header = await page.locator('body > div > header, header').first().boundingBox();
	expect(header!.height).toBeLessThan(844 / 6);
	// Today's convocation, then the results, then the earlier session folded.
	const today = page.getByRole('region', { name: `Convocation : ${todaySessionName()}` });
	const results = page.getByRole('region', { name: /Résultats : Session du/ });
	expect((await today.boundingBox())!.y).toBeLessThan((await results.boundingBox())!.y);
	await expect(page.locator('details', { hasText: 'Session précédente' })).not.toHaveAttribute('open');
	for (const code of ['BC01', 'BC06']) {
		const badge = results.getByText(code, { exact: true });
		const box = (await badge.boundingBox())!;
		const lineHeight = await badge.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
		expect(box.height, code).toBeLessThan(lineHeight * 1.5);
	}
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await expectNoAxeViolations(page);
	await context.close();
});

test('a juror never sees a deliberation outside their juries, nor a candidate', async ({ browser }) => {
	const jury = await juryOfFirstCandidate(browser);
	const outsider = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `jury${n}@soutenance.test`).find((email) => !jury.members.includes(email))!;
	const page = await as(browser, outsider);
	for (const path of [jury.defenseUrl, jury.recordUrl, `${jury.recordUrl}/v1.pdf`]) {
		expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
	}
	await page.goto('/jury/deliberations');
	await expect(page.getByRole('heading', { name: 'Délibérations' })).toBeVisible();
	await expect(page.locator(`a[href="${jury.defenseUrl}"], a[href="${jury.recordUrl}"]`)).toHaveCount(0);
	const candidate = await as(browser, 'candidat2@soutenance.test');
	expect((await candidate.request.get(jury.defenseUrl, { maxRedirects: 0 })).status()).toBe(403);
	const forged = await candidate.request.post(`${jury.defenseUrl}?/decide`, {
		form: { x: 'y' },
		headers: { origin: new URL(candidate.url()).origin },
		maxRedirects: 0
	});
	expect(forged.status()).toBe(403);
});

test('an anonymised deliberation shows candidates by their number; the record keeps their name beside it', async ({ browser }) => {
	const { president, defenseUrl, recordUrl, sessionName } = await juryOfFirstCandidate(browser);
	const coordinator = await as(browser, accounts.coordinator);
	const sessionId = await pastSessionId(coordinator);
	await coordinator.goto(`/coordination/sessions/${sessionId}/candidats`);
	await coordinator.getByRole('link', { name: 'Amélie Lefèvre' }).click();
	const number = /n° (\d+)/.exec((await coordinator.getByText(/^Candidat n° \d+ de la session/).textContent())!)![1];
	const settings = async (anonymous: boolean) => {
		await coordinator.goto(`/coordination/sessions/${sessionId}/parametres`);
		await coordinator.getByLabel('Délibérer sur des dossiers anonymisés').setChecked(anonymous);
		await coordinator.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
		await expect(coordinator.getByText('Paramètres enregistrés.')).toBeVisible();
	};
	await settings(true);
	try {
		const juror = await as(browser, president);
		await juror.goto(defenseUrl);
		await expect(juror.getByRole('heading', { level: 2, name: `Candidat n° ${number}`, exact: true })).toBeVisible();
		await expect(juror.getByText(/Délibération sur dossiers anonymisés/)).toBeVisible();
		await expect(juror.getByText('Amélie Lefèvre')).toHaveCount(0);
		await expectNoAxeViolations(juror);
		await juror.goto('/jury/deliberations');
		// The past session's jury (today's, not anonymised, may hear her too).
		const pastJury = juror.locator('section').filter({ has: juror.getByRole('heading', { name: sessionName }) });
		await expect(pastJury.getByRole('link', { name: new RegExp(`Candidat n° ${number}\\b`) }).first()).toBeVisible();
		await expect(pastJury.getByText('Amélie Lefèvre')).toHaveCount(0);
		// The procès-verbal identifies the candidate: the signing page by name, the signed PDF by name and number.
		await juror.goto(recordUrl);
		await expect(juror.getByText('Amélie Lefèvre').first()).toBeVisible();
		const pdf = await juror.request.get(`${recordUrl}/v1.pdf`);
		expect(pdfText(await pdf.body()).replace(/\s+/g, ' ')).toContain(`Amélie Lefèvre — candidat n° ${number} de la session`);
		await juror.context().close();
	} finally {
		await settings(false);
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the coordinator enters a candidate’s other arrangements as a plain form; the signed record lists the demo’s', async ({
		browser
	}) => {
		const coordinator = await as(browser, accounts.coordinator);
		const sessionId = await pastSessionId(coordinator);
		await coordinator.goto(`/coordination/sessions/${sessionId}/candidats`);
		await coordinator.getByRole('link', { name: 'Zoé Dubois' }).click();
		const field = coordinator.getByLabel('Autres aménagements');
		await expect(field).toHaveValue('');
		// The profile's form (the page also has the civil status form of the declaration, with its own button).
		const save = coordinator.locator('form', { has: field }).getByRole('button', { name: 'Enregistrer' });
		await field.fill('x'.repeat(1001));
		await save.click();
		await expect(coordinator.getByRole('alert')).toContainText('dépasse 1000 caractères');
		await expect(coordinator.getByLabel('Autres aménagements')).toHaveAttribute('aria-invalid', 'true');
		await coordinator.getByLabel('Autres aménagements').fill('Salle au rez-de-chaussée\nRepose-pieds');
		await save.click();
		await expect(coordinator.getByRole('status')).toContainText('Fiche enregistrée.');
		await coordinator.reload();
		await expect(coordinator.getByLabel('Autres aménagements')).toHaveValue('Salle au rez-de-chaussée\nRepose-pieds');
		// The session's signed record: the president in full, the demo's accommodations granted and delivered.
		const record = await coordinator.request.get(`/coordination/sessions/${sessionId}/resultats/proces-verbal.pdf`);
		const text = pdfText(await record.body()).replace(/\s+/g, ' ');
		const presidents = demoJuries.map((jury) => demoJurors[jury.members[0]].name);
		expect(text).toMatch(new RegExp(`(${presidents.join('|')}) président·e du jury`));
		expect(text).toMatch(/Inès Garcia — candidat n° \d+ de la session .*Aménagements accordés : temps supplémentaire de 33 %/);
		expect(text).toMatch(/présentation : \d+ min \d{2} s réalisées pour 13 min 18 s prévues/);
	});
});
