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
	// The demo's jury A has a defense under way at any hour (a jury runs one at a time): its phases
	// are moved on from wherever the demo left it.
	const running = await president
		.locator('section')
		.first()
		.locator('a.defense', { has: president.locator('.badge', { hasText: 'En cours' }) })
		.first()
		.getAttribute('href');
	expect(running, 'a defense of jury A under way').toBeTruthy();
	const defenseId = running!.split('/').pop()!;
	await president.goto(running!);
	await watchLiveTimers(member);
	await member.goto(running!);
	const phase = member.locator('#minuteur .phase-name');
	// The member's stream is subscribed once it has sent the jury's timers (it subscribes first).
	await expect.poll(() => liveTimerEvents(member)).toContain(defenseId);

	const phases = ['Présentation', 'Questions', 'Délibération', 'Terminé'];
	const first = phases.indexOf((await phase.textContent())!.trim());
	expect(first, 'the defense under way is in one of its timed phases').toBeGreaterThanOrEqual(0);
	for (const shown of phases.slice(first + 1)) {
		await Promise.all([
			president.waitForResponse((response) => response.url().endsWith(`/api/soutenances/${defenseId}/minuteur`) && response.ok()),
			president.getByRole('button', { name: `Phase suivante : ${shown}` }).click()
		]);
		await expect(phase).toHaveText(shown, { timeout: 1000 });
	}
});
