import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from './fixtures';
import { validateProblem } from '../../src/lib/domain/planning/validate';
import { accounts, expectNoAxeViolations, signIn, todaySessionName } from './helpers';

// The coordinator plans today's demo session, reads the result, moves a defense with the
// keyboard-accessible form (one refusal, one success), pins it, re-optimises around the pin and
// exports the problem. Victor Caron works at Ubisoft like Thomas Girard (jury B).
test.describe.configure({ mode: 'serial' });

async function todayPlanning(page: Page): Promise<string> {
	await page.goto('/coordination');
	const href = await page.getByRole('link', { name: todaySessionName() }).getAttribute('href');
	return `${href}/planning`;
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const clock = (value: number) => `${String(Math.floor(value / 60)).padStart(2, '0')}:${String(value % 60).padStart(2, '0')}`;

async function defenseTime(page: Page, name: string): Promise<string> {
	const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `Déplacer la soutenance de ${name}`, exact: true }) });
	return (await row.getByRole('cell').first().textContent())!.trim();
}

test('plan, explain, move from the keyboard, pin, re-optimise and export', async ({ page }) => {
	// One long story with two engine runs and five accessibility scans.
	test.setTimeout(240_000);
	await signIn(page, accounts.coordinator);
	const planning = await todayPlanning(page);
	await page.goto(planning);
	await expect(page.getByRole('heading', { name: 'Planning', exact: true })).toBeVisible();

	await page.getByRole('button', { name: 'Planifier', exact: true }).click();
	const result = page.getByText(/Dernier calcul \(planification\) : (\d+) candidat·es placé·es sur 30\./);
	await expect(result).toBeVisible({ timeout: 30_000 });
	const placed = Number((await result.textContent())!.match(/: (\d+) candidat/)![1]);
	await expect(page.getByText(`${placed} sur 30`, { exact: true })).toBeVisible();
	if (placed < 30) await expect(page.getByRole('heading', { name: /^Non placé·es/ })).toBeVisible();
	await expectNoAxeViolations(page);

	// The engine never puts Victor Caron in front of his Ubisoft colleague.
	await page.goto(`${planning}/candidats`);
	const victor = page.getByRole('row', { name: /Victor Caron/ });
	await expect(victor).toBeVisible();
	await expect(victor.getByRole('cell').last()).not.toContainText(/^B ·/);
	await expectNoAxeViolations(page);
	await page.goto(`${planning}/jures`);
	await expect(page.getByRole('heading', { name: /^Thomas Girard/ })).toBeVisible();
	await expectNoAxeViolations(page);

	// A refused move says why, in French, and changes nothing.
	await page.goto(planning);
	const victorBefore = await defenseTime(page, 'Victor Caron');
	await page.getByRole('link', { name: 'Déplacer la soutenance de Victor Caron' }).click();
	await expect(page.getByRole('heading', { name: 'Déplacer la soutenance de Victor Caron' })).toBeVisible();
	await page.getByLabel('Jury', { exact: true }).selectOption({ label: 'Jury B (Salle Lovelace)' });
	await page.getByRole('button', { name: 'Déplacer', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('Thomas Girard travaille chez Ubisoft, comme Victor Caron : conflit d’intérêts.');
	await expectNoAxeViolations(page);
	expect(await defenseTime(page, 'Victor Caron')).toBe(victorBefore);

	// An accepted move: right after the last defense of a jury, where the compact plan leaves room. The demo's
	// jury A has a defense under way, which stays where it is: move a candidate of another jury, the first one
	// whose constraints allow such a slot.
	const movable: string[] = [];
	const lastEnd = new Map<string, number>();
	for (const row of await page
		.getByRole('row')
		.filter({ has: page.getByRole('link', { name: /^Déplacer la soutenance de / }) })
		.all()) {
		const name = (await row.getByRole('link', { name: /^Déplacer la soutenance de / }).getAttribute('aria-label'))!.replace(
			'Déplacer la soutenance de ',
			''
		);
		const ends = minutes((await row.getByRole('cell').first().textContent())!.trim().split('–')[1]);
		const jury = (await row.getByRole('cell').nth(1).textContent())!.trim().split(' · ')[0];
		lastEnd.set(jury, Math.max(lastEnd.get(jury) ?? 0, ends));
		if (jury !== 'A' && !name.includes(',') && name !== 'Victor Caron') movable.push(name);
	}
	// The day's heading (the list of unplaced candidates, when there is one, has a level-4 heading too).
	const hours = (await page
		.getByRole('heading', { level: 4, name: /\d\d:\d\d–\d\d:\d\d/ })
		.first()
		.textContent())!.match(/(\d\d:\d\d)–(\d\d:\d\d)/)!;
	const closes = minutes(hours[2]);
	let mover = '';
	let moved: string | null = null;
	search: for (const name of movable) {
		await page.getByRole('link', { name: `Déplacer la soutenance de ${name}` }).click();
		// The form of the previous defense stays on screen until the navigation lands: wait for this one's.
		await expect(page.getByRole('heading', { name: `Déplacer la soutenance de ${name}` })).toBeVisible();
		const juries = await page.getByLabel('Jury', { exact: true }).locator('option').allTextContents();
		for (const jury of juries) {
			// Five minutes of changeover after the jury's last defense, on the five-minute grid, and room before closing.
			const start = Math.ceil(((lastEnd.get(jury.replace(/^Jury (\S+).*/, '$1')) ?? 0) + 5) / 5) * 5;
			if (start + 30 > closes) continue;
			await page.getByLabel('Jury', { exact: true }).selectOption({ label: jury });
			await page.getByLabel(/^Heure de début/).fill(clock(start));
			// The previous try's refusal stays on screen until this one's answer is shown: read the answer itself.
			const answered = page.waitForResponse((response) => response.request().method() === 'POST');
			await page.getByRole('button', { name: 'Déplacer', exact: true }).click();
			const accepted = ((await (await answered).json()) as { type: string }).type === 'success';
			if (!accepted) await expect(page.getByRole('alert').first()).toBeVisible();
			else {
				await expect(page.getByRole('status').filter({ hasText: 'Soutenance déplacée.' })).toBeVisible();
				mover = name;
				moved = clock(start);
				break search;
			}
		}
	}
	expect(moved).not.toBeNull();
	expect(await defenseTime(page, mover)).toMatch(new RegExp(`^${moved}–`));

	// Pinned, the defense stays where it is when the engine re-optimises.
	await page.getByRole('button', { name: `Épingler la soutenance de ${mover}` }).click();
	await expect(page.getByRole('button', { name: `Désépingler la soutenance de ${mover}` })).toBeVisible();
	await page.getByRole('button', { name: 'Réoptimiser' }).click();
	await expect(page.getByText(/Dernier calcul \(réoptimisation\) : \d+ candidat·es placé·es sur 30\./)).toBeVisible({ timeout: 30_000 });
	expect(await defenseTime(page, mover)).toMatch(new RegExp(`^${moved}–`));

	// The problem downloads as a valid planning-v1 document, with the pin.
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Problème de planification (problem.json)' }).click();
	const problem = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
	expect(problem.format).toBe('soutenance.planning/1');
	expect(problem.candidates).toHaveLength(30);
	expect(validateProblem(problem)).toMatchObject({ ok: true });
	const pinned = problem.candidates.find((candidate: { name: string }) => candidate.name === mover);
	expect(problem.pinned).toContainEqual(expect.objectContaining({ candidates: [pinned.id] }));
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: `Désépingler la soutenance de ${mover}` }).click();
	await expect(page.getByRole('button', { name: `Épingler la soutenance de ${mover}` })).toBeVisible();
});

test('dragging a defense shows where it may go; a drop elsewhere is refused by the server with the reason', async ({ page }) => {
	await signIn(page, accounts.coordinator);
	await page.goto(await todayPlanning(page));
	const block = page.locator('a.defense', { hasText: 'Victor Caron' });
	await block.scrollIntoViewIfNeeded();
	// Only a defense still to come can be dragged: the browser tests run at 14:00 (scripts/at-demo-hour.sh), when his is.
	await expect(block).toHaveAttribute('data-status', 'planned');
	const from = (await block.boundingBox())!;
	const columns = page.locator('.column');
	const ownColumn = columns.filter({ has: block });
	const ownJury = (await ownColumn.locator('.head strong').textContent())!;
	const ownTime = (await block.locator('.time').textContent())!.slice(0, 5);
	const juryB = (await page.locator('[data-jury-id]').nth(1).boundingBox())!;
	await expect(columns.nth(1)).toContainText('Jury B');
	expect(ownJury).not.toBe('Jury B');
	await page.mouse.move(from.x + 10, from.y + 10);
	await page.mouse.down();
	await page.mouse.move(from.x + 10, from.y + 30, { steps: 5 });
	// While dragged, the allowed starts are shaded: his own slot at least, none in jury B, where a juror works at his company.
	await expect(ownColumn.locator('.allowed').first()).toBeVisible();
	await expect(columns.nth(1).locator('.allowed')).toHaveCount(0);
	// Back where it was, the block snaps to its own start, off the 5-minute grid as the engine placed it.
	await page.mouse.move(from.x + 10, from.y + 10, { steps: 5 });
	await expect(block.getByRole('status')).toHaveText(`→ ${ownJury} · ${ownTime}`);
	await page.mouse.move(juryB.x + juryB.width / 2, from.y + 10, { steps: 10 });
	// The block says where it would land, and that the rules refuse it there.
	await expect(block.getByRole('status')).toHaveText(/^→ Jury B · \d{2}:\d{2} · impossible ici$/);
	await page.mouse.up();
	await expect(page.locator('.allowed')).toHaveCount(0);
	await expect(page.getByRole('alert')).toContainText('Thomas Girard travaille chez Ubisoft, comme Victor Caron');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the "Déplacer vers…" form works and shows the refusal', async ({ page }) => {
		await signIn(page, accounts.coordinator);
		const planning = await todayPlanning(page);
		await page.goto(planning);
		await page.getByRole('link', { name: 'Déplacer la soutenance de Victor Caron' }).click();
		await page.getByLabel('Jury', { exact: true }).selectOption({ label: 'Jury B (Salle Lovelace)' });
		await page.getByRole('button', { name: 'Déplacer', exact: true }).click();
		await expect(page.getByRole('alert')).toContainText('Thomas Girard travaille chez Ubisoft, comme Victor Caron');
	});
});
