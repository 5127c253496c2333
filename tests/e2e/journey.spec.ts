import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from './fixtures';
import { readCalendar } from '../helpers/read-documents';
import { accounts, expectNoAxeViolations, followJob, loginAs } from './helpers';

// The whole story of issue 3 on a session built from nothing: set-up, import, two juries, the
// engine, one move made with the keyboard only, publication, then the moved candidate's
// convocation and calendar file, which must carry the new time.
test.describe.configure({ mode: 'serial' });

const ZONE = 'Europe/Paris';
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const clock = (value: number) => `${String(Math.floor(value / 60)).padStart(2, '0')}:${String(value % 60).padStart(2, '0')}`;
/** A first name as the local part of an address: no accents, lower case. */
const ascii = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const parisTime = (instant: Date) =>
	new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(instant);

/** Three weeks from today's date in Paris, as the date input and the day heading write it. */
function dayInThreeWeeks(): { iso: string; title: string } {
	const todayInParis = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
		new Date()
	);
	const day = new Date(`${todayInParis}T12:00:00Z`);
	day.setUTCDate(day.getUTCDate() + 21);
	return {
		iso: day.toISOString().slice(0, 10),
		title: new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
			day
		)
	};
}

/** Presses Tab, at most `presses` times, until the element has the focus. */
async function tabUntilFocused(page: Page, target: Locator, presses: number) {
	for (let pressed = 0; pressed < presses && !(await target.evaluate((element) => element === document.activeElement)); pressed++)
		await page.keyboard.press('Tab');
	await expect(target).toBeFocused();
}

interface ListedDefense {
	start: number;
	end: number;
	jury: string;
}

/** The defenses as the planning's list shows them: hours and jury label, by candidate label. */
async function listedDefenses(page: Page): Promise<Map<string, ListedDefense>> {
	const rows = await page
		.getByRole('table', { name: /\(heure de Paris/ })
		.getByRole('row')
		.all();
	const defenses = new Map<string, ListedDefense>();
	for (const row of rows.slice(1)) {
		const cells = await row.getByRole('cell').allTextContents();
		const [start, end] = cells[0].trim().split('–');
		const label = (await row.getByRole('link', { name: /^Déplacer la soutenance de / }).getAttribute('aria-label'))!.replace(
			'Déplacer la soutenance de ',
			''
		);
		defenses.set(label, { start: minutes(start), end: minutes(end), jury: cells[1].trim().split(' · ')[0] });
	}
	return defenses;
}

test('a coordinator builds, plans, adjusts and publishes a session; the candidate gets the new time in the calendar', async ({
	page,
	browser
}) => {
	// Ten pages, one engine run, two browsers, on a loaded two-core machine.
	test.setTimeout(300_000);
	const stamp = Date.now();
	const sessionName = `Session parcours ${stamp}`;
	const day = dayInThreeWeeks();

	await loginAs(page, accounts.coordinator);
	await page.getByRole('link', { name: 'Nouvelle session' }).click();
	await page.getByLabel('Nom de la session').fill(sessionName);
	await expect(page.getByLabel('Fuseau horaire (IANA)')).toHaveValue(ZONE);
	await page.getByRole('button', { name: 'Créer la session' }).click();
	await expect(page.getByRole('heading', { level: 1, name: sessionName })).toBeVisible();
	const sections = page.getByRole('navigation', { name: 'Sections de la session' });

	await page.locator('#day-new-date').fill(day.iso);
	await page.locator('#day-new-opensAt').fill('09:00');
	await page.locator('#day-new-closesAt').fill('17:00');
	await page.locator('#day-new-breakStart-0').fill('12:30');
	await page.locator('#day-new-breakEnd-0').fill('13:30');
	await page.getByRole('button', { name: 'Ajouter le jour' }).click();
	await expect(page.getByRole('heading', { level: 3, name: day.title })).toBeVisible();
	for (const room of ['Salle Hopper', 'Salle Lamarr']) {
		await page.locator('#room-new-name').fill(room);
		await page.getByRole('button', { name: 'Ajouter la salle' }).click();
		await expect(page.getByRole('heading', { level: 3, name: room })).toBeVisible();
	}

	// Each jury gets an external juror who may preside and an internal one: the smallest valid jury.
	await sections.getByRole('link', { name: 'Jurés' }).click();
	const jurors = [
		{ name: 'Agathe Externe', company: 'Orange', external: true, president: true },
		{ name: 'Bastien Interne', company: 'Jedha', external: false, president: false },
		{ name: 'Céline Externe', company: 'Thales', external: true, president: true },
		{ name: 'Damien Interne', company: 'Jedha', external: false, president: false }
	];
	for (const juror of jurors) {
		const email = `${ascii(juror.name.split(' ')[0])}.${stamp}@jury.example.fr`;
		await page.getByLabel('Nom complet').fill(juror.name);
		await page.getByLabel('Adresse e-mail').fill(email);
		await page.getByLabel('Entreprise').fill(juror.company);
		await page.getByLabel('Extérieur·e (ni formateur ni certificateur)').setChecked(juror.external);
		await page.getByLabel('Peut présider un jury').setChecked(juror.president);
		await page.getByRole('button', { name: 'Inviter', exact: true }).click();
		await expect(page.getByRole('status')).toHaveText(`Invitation envoyée à ${email}.`);
	}

	await sections.getByRole('link', { name: 'Jurys' }).click();
	const juries = [
		{ label: 'A', room: 'Salle Hopper', president: 'Agathe Externe', other: 'Bastien Interne' },
		{ label: 'B', room: 'Salle Lamarr', president: 'Céline Externe', other: 'Damien Interne' }
	];
	for (const jury of juries) {
		await page.getByLabel('Nom du jury').fill(jury.label);
		await page.getByLabel('Salle').selectOption({ label: jury.room });
		await page.getByLabel(`${jury.president} membre du jury`).check();
		await page.getByLabel(`${jury.other} membre du jury`).check();
		await page.getByLabel(`${jury.president} préside le jury`).check();
		await expect(page.locator('#jury-new-rules')).toContainText('Composition conforme aux règles.');
		await page.getByRole('button', { name: 'Créer le jury' }).click();
		await expect(page.getByRole('status')).toHaveText(`Jury ${jury.label} créé.`);
		await expect(page.getByRole('heading', { level: 3, name: `Jury ${jury.label}` })).toBeVisible();
	}

	// Six candidates, one team of two, one with extra time; UTF-8 with semicolons.
	const candidate = (first: string, last: string) => ({ name: `${first} ${last}`, email: `${ascii(first)}.${stamp}@candidat.example.fr` });
	const convoked = candidate('Héloïse', 'Marchand');
	const csv = [
		'Nom;Prénom;E-mail;Entreprise;Titre du projet;Équipe;Tiers-temps',
		`Marchand;Héloïse;${convoked.email};Airbus;Maintenance prédictive des moteurs;;non`,
		`Perrin;Joël;${candidate('Joël', 'Perrin').email};SNCF;Prévision des retards de trains;;oui`,
		`Lambert;Maëlle;${candidate('Maëlle', 'Lambert').email};Renault;Vision par ordinateur en usine;Vision;non`,
		`Fontaine;Noé;${candidate('Noé', 'Fontaine').email};Renault;Vision par ordinateur en usine;Vision;non`,
		`Roux;Inès;${candidate('Inès', 'Roux').email};Decathlon;Recommandation d’articles de sport;;non`,
		`Faure;Gaël;${candidate('Gaël', 'Faure').email};Engie;Détection de fuites sur le réseau de gaz;;non`
	].join('\r\n');
	await sections.getByRole('link', { name: 'Candidats' }).click();
	await page.getByRole('link', { name: 'Importer un fichier CSV ou XLSX' }).click();
	await page
		.getByLabel(/Fichier CSV ou XLSX/)
		.setInputFiles({ name: 'promotion.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\r\n`, 'utf-8') });
	await page.getByRole('button', { name: 'Prévisualiser' }).click();
	await expect(page.getByText(/· 6 candidats · 0 erreur ·/)).toBeVisible();
	await expect(page.getByRole('table', { name: 'Problèmes, par ligne du fichier' })).toHaveCount(0);
	const preview = page.getByRole('table', { name: "Les candidats tels qu'ils seront importés" });
	await expect(preview.getByRole('row', { name: /Joël Perrin/ })).toContainText('33 %');
	await expect(preview.getByRole('row', { name: /Noé Fontaine/ })).toContainText('Vision');
	await page.getByRole('button', { name: 'Importer 6 candidats' }).click();
	await followJob(page, 'Voir les candidats');
	await expect(page.getByRole('status')).toHaveText('6 candidats importés : les invitations sont parties.');

	await sections.getByRole('link', { name: 'Planning' }).click();
	await page.getByRole('button', { name: 'Planifier', exact: true }).click();
	await expect(page.getByText('Dernier calcul (planification) : 6 candidat·es placé·es sur 6.')).toBeVisible({ timeout: 60_000 });
	await expect(page.getByText('6 sur 6', { exact: true })).toBeVisible();

	// The move: Héloïse Marchand goes to the other jury, late in the afternoon, where that jury is free.
	const before = await listedDefenses(page);
	// Five defenses: the team of two defends together.
	const units = [...before.keys()].map((label) => label.split(', ').sort().join(' + ')).sort();
	expect(units).toEqual(['Gaël Faure', 'Héloïse Marchand', 'Inès Roux', 'Joël Perrin', 'Maëlle Lambert + Noé Fontaine']);
	const current = before.get(convoked.name)!;
	const target = current.jury === 'A' ? 'B' : 'A';
	const length = current.end - current.start;
	const busy = [...before.values()].filter((defense) => defense.jury === target);
	// A 30-minute margin on both sides covers the changeover between two defenses.
	const free = (start: number) => busy.every((defense) => start + length + 30 <= defense.start || defense.end + 30 <= start);
	let newStart = Math.floor((17 * 60 - length) / 5) * 5;
	while (newStart >= 13 * 60 + 30 && !free(newStart)) newStart -= 15;
	expect(newStart, `a free afternoon slot in jury ${target}`).toBeGreaterThanOrEqual(13 * 60 + 30);

	await page.getByRole('link', { name: `Déplacer la soutenance de ${convoked.name}` }).focus();
	await page.keyboard.press('Enter');
	const moveForm = page.getByRole('region', { name: `Déplacer la soutenance de ${convoked.name}` });
	await expect(moveForm).toBeVisible();
	const jurySelect = moveForm.getByLabel('Jury', { exact: true });
	await jurySelect.focus();
	await page.keyboard.press(target === 'B' ? 'ArrowDown' : 'ArrowUp');
	await expect(jurySelect.locator('option:checked')).toHaveText(new RegExp(`^Jury ${target} `));
	await page.keyboard.press('Tab');
	await expect(moveForm.getByLabel('Jour')).toBeFocused();
	await page.keyboard.press('Tab');
	const timeInput = moveForm.getByLabel(/^Heure de début/);
	await expect(timeInput).toBeFocused();
	await page.keyboard.type(clock(newStart).replace(':', ''));
	await expect(timeInput).toHaveValue(clock(newStart));
	// Chromium's time field may hold the focus for one more Tab (inside its own controls) before leaving it.
	await tabUntilFocused(page, moveForm.getByRole('button', { name: 'Déplacer', exact: true }), 2);
	await page.keyboard.press('Enter');
	await expect(moveForm.getByRole('status')).toHaveText('Soutenance déplacée.');
	await expect(moveForm).toContainText(
		`Actuellement : jury ${target}, le ${day.iso.split('-').reverse().join('/')} de ${clock(newStart)} à ${clock(newStart + length)}`
	);
	const after = await listedDefenses(page);
	expect(after.get(convoked.name)).toEqual({ start: newStart, end: newStart + length, jury: target });
	const targetColumn = page.locator('.column').filter({ has: page.getByText(`Jury ${target}`, { exact: true }) });
	await expect(targetColumn.locator('a.defense', { hasText: convoked.name })).toContainText(
		`${clock(newStart)}–${clock(newStart + length)}`
	);

	await sections.getByRole('link', { name: 'Publication' }).click();
	await page.getByRole('button', { name: 'Publier le planning' }).click();
	// The confirmation names the ten people told (6 candidates, 4 jurors) before anything leaves.
	await page.getByRole('button', { name: 'Confirmer et envoyer 10 messages' }).click();
	// Published at once; a job builds the ten messages (6 candidates, 4 jurors) and queues them.
	const job = await followJob(page);
	await expect(job.getByTestId('job-count')).toHaveText('10 messages sur 10 préparés');
	await expect(job.getByTestId('job-messages')).toContainText('10 messages dans la boîte d’envoi');

	// The candidate follows the invitation the import sent, in a browser of their own.
	await page.goto(`/coordination/messages?destinataire=${encodeURIComponent(convoked.email)}`);
	await expect(page.getByRole('heading', { name: /^Convocation à votre soutenance du / })).toBeVisible();
	const invitationText = await page
		.locator('article', { has: page.getByRole('heading', { name: 'Votre accès à Soutenance' }) })
		.locator('pre')
		.textContent();
	const invitation = new URL(invitationText!.match(/http:\/\/\S+\/invitation\/\w+/)![0]).pathname;

	const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '127.0.0.41' } });
	const candidatePage = await context.newPage();
	await candidatePage.goto(invitation);
	await expect(candidatePage.getByRole('heading', { level: 1 })).toHaveText(`Bienvenue, ${convoked.name}`);
	await candidatePage.getByLabel('Nouveau mot de passe').fill('une soutenance bien préparée');
	await candidatePage.getByLabel('Confirmez le mot de passe').fill('une soutenance bien préparée');
	await candidatePage.getByRole('button', { name: 'Activer mon compte' }).click();
	await expect(candidatePage).toHaveURL('/candidat');

	const convocation = candidatePage.getByRole('region', { name: `Convocation : ${sessionName}` });
	await expect(convocation).toBeVisible();
	const when = new RegExp(
		`^${day.title} à ${clock(newStart)} \\(heure de Paris, UTC\\+0[12]:00\\), votre fuseau horaire est celui de la session$`
	);
	await expect(convocation.locator('dt:text-is("Date et heure") + dd')).toHaveText(when);
	await expectNoAxeViolations(candidatePage);

	const download = candidatePage.waitForEvent('download');
	await convocation.getByRole('link', { name: 'Ajouter au calendrier' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('convocation.ics');
	const calendar = readCalendar(await readFile((await file.path())!, 'utf8'));
	expect(calendar.events).toHaveLength(1);
	const [event] = calendar.events;
	expect(new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(event.start)).toBe(day.iso);
	expect(parisTime(event.start)).toBe(clock(newStart));
	expect((event.end.getTime() - event.start.getTime()) / 60_000).toBe(length);
	// The new jury's room, so the file cannot be the one from before the move.
	expect(event.location).toContain(juries.find((jury) => jury.label === target)!.room);
	await context.close();
});
