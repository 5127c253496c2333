import { expect, test, type Browser, type Page } from './fixtures';
import { accounts, expectNoAxeViolations, liveTimerEvents, signIn, todaySessionName, watchLiveTimers } from './helpers';

// Demo jury A: jury1 presides, jury2 and jury6 sit in it; jury3 sits in jury B only.
const PRESIDENT = accounts.juror;
const MEMBER = 'jury2@soutenance.test';
const OUTSIDER = 'jury3@soutenance.test';

test.describe.configure({ mode: 'serial' });

async function newPage(browser: Browser, email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
	const page = await context.newPage();
	await signIn(page, email);
	return page;
}

/** A tablet whose live `timer` events the test can see, and whose clock it can move forward. */
async function watchedPage(browser: Browser, email: string): Promise<Page> {
	const page = await newPage(browser, email);
	await page.clock.install();
	await watchLiveTimers(page);
	return page;
}

/** Today's defenses of the president's jury, in order, read from their /jury page. */
async function todaysDefenseIds(page: Page): Promise<string[]> {
	await page.goto('/jury');
	const firstSession = page.locator('section').first();
	const ids = await firstSession
		.locator('[data-defense-id]')
		.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-defense-id') ?? ''));
	const linked = await firstSession
		.locator('a[href^="/jury/soutenances/"]')
		.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')!.split('/').pop()!));
	return [...new Set([...ids, ...linked].filter(Boolean))];
}

let defenseId: string;
let juryId: string;
let sessionId: string;

test('the coordination finds the session, its juries and the live board without axe violation', async ({ page }) => {
	await signIn(page, accounts.coordinator);
	await page.goto('/coordination');
	await page.getByRole('link', { name: todaySessionName() }).click();
	await page.getByRole('link', { name: 'Direct' }).click();
	await expect(page.getByRole('heading', { name: 'Direct' })).toBeVisible();
	sessionId = page.url().split('/sessions/')[1].split('/')[0];
	const room = page.getByRole('link', { name: 'Affichage de salle du jury A' });
	juryId = (await room.getAttribute('href'))!.split('/').pop()!;
	// The demo's day is under way whatever the hour it was made: no jury more than 30 minutes behind its plan.
	const board = await page.locator('main').innerText();
	const behind = [...board.matchAll(/(\d+) min de retard/g)].map((match) => Number(match[1]));
	expect(Math.max(0, ...behind), board).toBeLessThanOrEqual(30);
	await page.setViewportSize({ width: 768, height: 1024 });
	await expectNoAxeViolations(page);
	expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});

test('at 1024×768 the president runs one defense at a time, keeps the clock in view while scoring, and sees a refusal where he is', async ({
	browser
}) => {
	const president = await newPage(browser, PRESIDENT);
	await president.setViewportSize({ width: 1024, height: 768 });
	await president.goto('/jury');
	const today = president.locator('section').first();
	const hrefOf = async (status: string) =>
		today
			.locator('a.defense', { has: president.locator('.badge', { hasText: status }) })
			.first()
			.getAttribute('href');
	const running = await hrefOf('En cours');
	const later = await hrefOf('Prévue');
	expect(running && later, 'the demo has a defense of jury A under way and one to come').toBeTruthy();
	// Its candidates' names (a team's defense is labelled « Équipe X : names »).
	const runningWho = (await today.locator(`a[href="${running}"] .who strong`).textContent())!.replace(/^Équipe [^:]+ : /, '');

	// With C6.6 in view, the running clock is in view too: the last candidate's, the lowest on the page when a team defends.
	await president.goto(running!);
	const lastLevels = president.getByRole('radiogroup', { name: 'C6.6 · Niveau' }).last();
	await lastLevels.scrollIntoViewIfNeeded();
	await expect(lastLevels).toBeInViewport();
	await expect(president.getByRole('region', { name: 'Minuteur' }).locator('.digits')).toBeInViewport();
	// An incomplete submission: the refusal shows where the button is, takes the focus, and the grid marks what is missing.
	await president.getByRole('button', { name: /^Soumettre (ma grille|mes grilles)$/ }).click();
	const refusal = president.getByRole('alert').filter({ hasText: 'Soumission refusée' });
	await expect(refusal).toBeInViewport();
	await expect(refusal).toBeFocused();
	await expect(lastLevels).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(president);

	// A later defense cannot start while this one runs: refused, naming it and what to do.
	await president.goto(later!);
	await president.getByRole('button', { name: 'Démarrer' }).click();
	const busy = president.getByRole('alert');
	await expect(busy).toContainText(`La soutenance de ${runningWho}`);
	await expect(busy).toContainText('Terminez-la');
	await expect(busy).toBeInViewport();
	await president.reload();
	await expect(president.locator('#minuteur .phase-name')).toHaveText('Accueil');
	await expect(president.getByRole('link', { name: 'Ouvrir la soutenance en cours' })).toHaveAttribute('href', running!);

	// Finished, the jury is free: the later defense no longer says it must wait.
	// The demo leaves it in whichever phase the hour it was made gives: moved on phase by phase to the end.
	await president.goto(running!);
	const phase = president.locator('#minuteur .phase-name');
	const phases = ['Présentation', 'Questions', 'Délibération', 'Terminé'];
	for (let current = phases.indexOf((await phase.textContent())!.trim()); current < phases.length - 1; current++) {
		expect(current, 'the defense under way is in one of its phases').toBeGreaterThanOrEqual(0);
		await president.getByRole('button', { name: `Phase suivante : ${phases[current + 1]}` }).click();
		await expect(phase).toHaveText(phases[current + 1]);
	}
	await president.goto(later!);
	await expect(president.getByRole('link', { name: 'Ouvrir la soutenance en cours' })).toHaveCount(0);
	await expect(president.getByRole('button', { name: 'Démarrer' })).toBeVisible();

	// Deliberations: today's jury first, and no jury that hears nobody.
	await president.goto('/jury/deliberations');
	const juries = president.locator('main section');
	await expect(juries.first()).toContainText(runningWho);
	for (const jury of await juries.all()) await expect(jury.locator('ul.defenses a').first()).toBeVisible();
	await president.context().close();
});

test('the president drives the timer and another juror’s tablet follows within a second', async ({ browser }) => {
	const president = await newPage(browser, PRESIDENT);
	const member = await watchedPage(browser, MEMBER);
	// The first of today's defenses still waiting to start.
	for (const id of await todaysDefenseIds(president)) {
		await president.goto(`/jury/soutenances/${id}`);
		if (await president.getByRole('button', { name: 'Démarrer' }).isVisible()) {
			defenseId = id;
			break;
		}
	}
	expect(defenseId, 'a defense of jury A waiting to start').toBeTruthy();
	await member.goto(`/jury/soutenances/${defenseId}`);
	const memberPhase = member.locator('#minuteur .phase-name');
	await expect(memberPhase).toHaveText('Accueil');
	// Only the president has the controls.
	await expect(member.getByRole('button', { name: 'Démarrer' })).toHaveCount(0);
	// The member's stream is subscribed once it has sent the jury's timers (it subscribes first).
	await expect.poll(() => liveTimerEvents(member)).toContain(defenseId);

	const press = async (name: string | RegExp) => {
		await Promise.all([
			president.waitForResponse(
				(response) => response.url().endsWith(`/api/soutenances/${defenseId}/minuteur`) && response.request().method() === 'POST'
			),
			president.getByRole('button', { name }).click()
		]);
	};

	await press('Démarrer');
	await expect(memberPhase).toHaveText('Présentation', { timeout: 1000 });
	const digits = member.locator('#minuteur .digits');
	const first = await digits.textContent();
	await expect(digits).not.toHaveText(first!, { timeout: 2500 });

	await press(/^Phase suivante/);
	await expect(memberPhase).toHaveText('Questions', { timeout: 1000 });

	await press('Pause');
	await expect(member.locator('#minuteur .paused-badge')).toBeVisible({ timeout: 1000 });
	const frozen = await digits.textContent();
	// A second and a half of the member's clock, with every tick of its display fired.
	await member.clock.runFor(1500);
	await expect(digits).toHaveText(frozen!);

	await press('Reprendre');
	await expect(member.locator('#minuteur .paused-badge')).toHaveCount(0, { timeout: 1000 });
	await president.context().close();
	await member.context().close();
});

test('without JavaScript the president’s buttons still work and come back to the page', async ({ browser, baseURL }) => {
	const president = await newPage(browser, PRESIDENT, { javaScriptEnabled: false });
	await president.goto(`/jury/soutenances/${defenseId}`);
	// The screen shows the jury's defense under way: this spec's, or the one the demo started.
	await expect(president.locator('#minuteur .phase-name')).toHaveText(/^(Présentation|Questions)$/);
	await president.getByRole('button', { name: 'Pause' }).click();
	await expect(president).toHaveURL(new RegExp(`/jury/soutenances/${defenseId}`));
	await expect(president.locator('#minuteur .paused-badge')).toBeVisible();
	// The timer resumes from elsewhere; this screen still offers "Reprendre" and is told why it cannot.
	const resumed = await president.context().request.post(`/api/soutenances/${defenseId}/minuteur`, {
		data: { action: 'resume', expectedPhase: 'questions' },
		headers: { origin: baseURL! }
	});
	expect(resumed.status()).toBe(200);
	await president.getByRole('button', { name: 'Reprendre' }).click();
	await expect(president.getByRole('alert')).toHaveText('Le minuteur n’est pas en pause.');
	await expect(president.locator('#minuteur .paused-badge')).toHaveCount(0);
	// The grid refused without JavaScript: the refusal at the top of the page, a link to each competency missing.
	// (A candidate alone or a team, whichever the demo put next.)
	await president.getByRole('button', { name: /^Soumettre (ma grille|mes grilles)$/ }).click();
	await expect(president.getByRole('alert').filter({ hasText: 'Soumission refusée' })).toBeInViewport();
	await expect(president.getByRole('link', { name: /^C6\.6( \(.+\))?$/ }).first()).toHaveAttribute('href', /#competence-/);
	// And a later defense cannot start from a plain form either, told which one runs.
	const ids = await todaysDefenseIds(president);
	await president.goto(`/jury/soutenances/${ids[ids.indexOf(defenseId) + 1]}`);
	await president.getByRole('button', { name: 'Démarrer' }).click();
	await expect(president.getByRole('alert')).toContainText('est en cours');
	await expect(president.locator('#minuteur .phase-name')).toHaveText('Accueil');
	await president.context().close();
});

test('the room display shows the timer and the candidate only, without axe violation', async ({ browser }) => {
	// Opened from the president's session on the room's screen: still no controls there.
	const president = await newPage(browser, PRESIDENT);
	await president.goto(`/salle/${juryId}`);
	// The screen shows the jury's defense under way: this spec's, or the one the demo started.
	await expect(president.locator('#minuteur .phase-name')).toHaveText(/^(Présentation|Questions)$/);
	await expect(president.locator('#minuteur .candidates')).not.toBeEmpty();
	await expect(president.getByRole('button', { name: /Démarrer|Phase suivante|Pause|Reprendre|absent/ })).toHaveCount(0);
	await expectNoAxeViolations(president);
	await president.context().close();
});

test('a candidate and a juror of another jury get no live event and cannot drive the timer', async ({ browser, baseURL }) => {
	const stream = { accept: 'text/event-stream' };
	const candidate = await newPage(browser, accounts.candidate);
	const api = candidate.context().request;
	expect((await api.get(`/api/direct/jurys/${juryId}`, { headers: stream })).status()).toBe(403);
	expect((await api.get(`/api/direct/sessions/${sessionId}`, { headers: stream })).status()).toBe(403);
	expect((await api.get(`/api/soutenances/${defenseId}/minuteur`)).status()).toBe(403);
	expect(
		(await api.post(`/api/soutenances/${defenseId}/minuteur`, { data: { action: 'next' }, headers: { origin: baseURL! } })).status()
	).toBe(403);
	const own = await api.get('/api/direct/candidat');
	expect(own.status()).toBe(200);
	for (const forecast of (await own.json()).forecasts) {
		expect(Object.keys(forecast).sort()).toEqual([
			'defenseId',
			'delayMinutes',
			'juryId',
			'plannedStart',
			'predictedStart',
			'status',
			'timezone'
		]);
	}
	await candidate.context().close();

	const outsider = await newPage(browser, OUTSIDER);
	const outsiderApi = outsider.context().request;
	expect((await outsiderApi.get(`/api/direct/jurys/${juryId}`, { headers: stream })).status()).toBe(404);
	expect(
		(
			await outsiderApi.post(`/api/soutenances/${defenseId}/minuteur`, {
				data: { action: 'next', expectedPhase: 'questions' },
				headers: { origin: baseURL! }
			})
		).status()
	).toBe(404);
	expect((await outsiderApi.get(`/salle/${juryId}`)).status()).toBe(404);
	await outsider.context().close();

	// The jury's other member reads but cannot drive, even by forging the request.
	const member = await newPage(browser, MEMBER);
	const forged = await member.context().request.post(`/api/soutenances/${defenseId}/minuteur`, {
		data: { action: 'next', expectedPhase: 'questions' },
		headers: { origin: baseURL! }
	});
	expect(forged.status()).toBe(403);
	expect((await forged.json()).message).toContain('président');
	// A cross-site post is refused before anything else.
	const crossSite = await member
		.context()
		.request.post(`/api/soutenances/${defenseId}/minuteur`, { data: { action: 'next' }, headers: { origin: 'https://ailleurs.example' } });
	expect(crossSite.status()).toBe(403);
	await member.context().close();
});

test('logging out ends the live streams the session holds, and a session cannot hold more than eight', async ({ browser, baseURL }) => {
	const president = await newPage(browser, PRESIDENT);
	const streamUrl = `/api/direct/jurys/${juryId}`;
	await president.goto('/jury');
	await president.evaluate(
		(url) =>
			new Promise<void>((resolve) => {
				const source = new EventSource(url);
				(window as unknown as { __stream: EventSource }).__stream = source;
				source.addEventListener('hello', () => resolve(), { once: true });
			}),
		streamUrl
	);
	const readyState = () => president.evaluate(() => (window as unknown as { __stream: EventSource }).__stream.readyState);
	expect(await readyState()).toBe(1);
	const sameTablet = await president.context().newPage();
	await sameTablet.goto('/jury');
	await sameTablet.getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(sameTablet).toHaveURL('/connexion');
	// Closed by the server, then refused on reconnection (no session): the browser gives up.
	await expect.poll(readyState, { timeout: 10_000 }).toBe(2);
	await president.context().close();

	const tablet = await newPage(browser, PRESIDENT);
	const cookie = (await tablet.context().cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
	const aborts: AbortController[] = [];
	const statuses: number[] = [];
	for (let opened = 0; opened < 10; opened++) {
		const abort = new AbortController();
		aborts.push(abort);
		const response = await fetch(`${baseURL}${streamUrl}`, {
			headers: { cookie, accept: 'text/event-stream', 'x-forwarded-for': '127.0.0.1' },
			signal: abort.signal
		});
		statuses.push(response.status);
		if (response.status !== 200) expect(await response.json()).toMatchObject({ code: 'live.too-many-streams' });
	}
	for (const abort of aborts) abort.abort();
	expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(8);
	expect(statuses.at(-1)).toBe(429);
	await tablet.context().close();
});
