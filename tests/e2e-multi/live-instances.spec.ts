import { expect, test, type Browser } from '@playwright/test';
import { liveTimerEvents, loginAs, watchLiveTimers } from '../e2e/helpers';
import { instanceUrl } from './settings';

async function tabletOn(browser: Browser, instance: 0 | 1, email: string) {
	const context = await browser.newContext({ baseURL: instanceUrl(instance) });
	const page = await context.newPage();
	await loginAs(page, email);
	return page;
}

test('the president on one instance, a juror on the other: the phase change shows within one second', async ({ browser }) => {
	const president = await tabletOn(browser, 0, 'jury1@soutenance.test');
	const member = await tabletOn(browser, 1, 'jury2@soutenance.test');
	await president.goto('/jury');
	const ids = await president
		.locator('section')
		.first()
		.locator('[data-defense-id], a[href^="/jury/soutenances/"]')
		.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-defense-id') ?? node.getAttribute('href')!.split('/').pop()!));
	let defenseId = '';
	for (const id of new Set(ids.filter(Boolean))) {
		await president.goto(`/jury/soutenances/${id}`);
		if (await president.getByRole('button', { name: 'Démarrer' }).isVisible()) {
			defenseId = id;
			break;
		}
	}
	expect(defenseId, 'a defense of jury A waiting to start').not.toBe('');
	await watchLiveTimers(member);
	await member.goto(`/jury/soutenances/${defenseId}`);
	const phase = member.locator('#minuteur .phase-name');
	await expect(phase).toHaveText('Accueil');
	// The member's stream is subscribed once it has sent the jury's timers (it subscribes first).
	await expect.poll(() => liveTimerEvents(member)).toContain(defenseId);

	for (const [button, shown] of [
		['Démarrer', 'Présentation'],
		[/^Phase suivante/, 'Questions'],
		[/^Phase suivante/, 'Délibération']
	] as const) {
		await Promise.all([
			president.waitForResponse((response) => response.url().endsWith(`/api/soutenances/${defenseId}/minuteur`) && response.ok()),
			president.getByRole('button', { name: button }).click()
		]);
		await expect(phase).toHaveText(shown, { timeout: 1000 });
	}
});
