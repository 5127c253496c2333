import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';

export const DEMO_PASSWORD = 'soutenance-demo';
export const accounts = {
	coordinator: 'coordination@soutenance.test',
	juror: 'jury1@soutenance.test',
	candidate: 'candidat1@soutenance.test'
} as const;

/** The name of today's demo session (« Session du 03/12/2026 »): the demo also holds a past and a next one. */
export function todaySessionName(): string {
	const today = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
		new Date()
	);
	return `Session du ${today}`;
}

/** Logs in through the login page, as a person does: for the tests of the login itself and of what follows it on screen. */
export async function loginAs(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/connexion');
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Mot de passe', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	// Done when the app either leaves the login page or explains the refusal.
	await Promise.race([page.waitForURL((url) => url.pathname !== '/connexion'), page.getByRole('alert').waitFor()]);
}

/**
 * Opens a session for `email` in the page's browser context by posting the login form, without
 * rendering it: for the tests that only need to be logged in (the login page has its own tests).
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
	// SvelteKit refuses a form post without the app's Origin (the request context knows only its
	// baseURL), and answers one that does not ask for HTML with JSON instead of the redirect.
	const origin = new URL((await page.request.get('/api/health')).url()).origin;
	const response = await page.request.post('/connexion', { form: { email, password }, headers: { origin, accept: 'text/html' } });
	expect(new URL(response.url()).pathname, `login of ${email}`).not.toBe('/connexion');
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const axeOptions: RunOptions = {
	runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
	resultTypes: ['violations']
};

/**
 * Zero violations of WCAG 2.0, 2.1 and 2.2 A and AA rules on the current page. axe-core runs in the
 * page itself: @axe-core/playwright's AxeBuilder opened a blank page per check to merge the frames'
 * results (the app has no frames), 0.4 to 2 s a page against about 0.1 s run directly.
 */
export async function expectNoAxeViolations(page: Page) {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
	const results = await page.evaluate(
		(options) => (window as unknown as { axe: { run(o: RunOptions): Promise<AxeResults> } }).axe.run(options),
		axeOptions
	);
	const summary = results.violations.map(
		(violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
	);
	expect(summary, `axe on ${page.url()}`).toEqual([]);
}

declare global {
	interface Window {
		/** The defense of every `timer` event the page's live streams received, in order. */
		__liveTimerEvents?: string[];
	}
}

/**
 * From the page's next navigation on, records the defense of each `timer` event its live streams
 * receive. A stream sends its jury's timers once it is subscribed: seeing one is seeing it ready.
 */
export async function watchLiveTimers(page: Page) {
	await page.addInitScript(() => {
		const Native = window.EventSource;
		window.EventSource = class extends Native {
			constructor(url: string | URL, init?: EventSourceInit) {
				super(url, init);
				this.addEventListener('timer', (event) => {
					const defenseId = JSON.parse((event as MessageEvent<string>).data).defenseId;
					window.__liveTimerEvents = [...(window.__liveTimerEvents ?? []), defenseId];
				});
			}
		};
	});
}

export const liveTimerEvents = (page: Page) => page.evaluate(() => window.__liveTimerEvents ?? []);

/**
 * An import or a publication runs as a job: the request that starts it leads to the job's page,
 * which follows it to its end (it polls with JavaScript, refreshes itself without); then its link
 * `onwards` is taken, unless none is given.
 */
export async function followJob(page: Page, onwards?: string) {
	await expect(page).toHaveURL(/\/travaux\/[0-9a-f-]{36}$/);
	const job = page.locator('section[data-status]');
	await expect(job.getByRole('progressbar', { name: 'Avancement' })).toBeVisible();
	await expect(job.getByRole('status')).toHaveText('Terminé.', { timeout: 60_000 });
	if (onwards) await job.getByRole('link', { name: onwards }).click();
	return job;
}
