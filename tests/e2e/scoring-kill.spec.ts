import { expect, test } from './fixtures';
import { signIn } from './helpers';
import { CODES, fixture, levelGroup, serverState, useOwnScoringServer } from './scoring-server';

// The app server dies (SIGKILL) while a juror scores: what the page said was saved survives, and
// the outbox sends the rest once the server is back.
const { server, ids } = useOwnScoringServer<{ solo: string }>('scoringKill');

test('killed with SIGKILL and restarted while a juror scores: nothing acknowledged is lost, the rest is resent', async ({ page }) => {
	test.setTimeout(240_000);
	await signIn(page, 'jury1@soutenance.test');
	await page.goto(`/jury/soutenances/${ids().solo}`);
	const status = page.getByTestId('save-status');
	for (const code of CODES.slice(0, 3)) await levelGroup(page, code).getByRole('radio', { name: 'Acquise' }).check();
	// "Enregistré" can show between two saves, before the last click reaches the outbox: the server
	// holding all three levels is what makes them "acknowledged" here.
	await expect
		.poll(async () => {
			const sheet = Object.values((await serverState(page, ids().solo)).state.sheets)[0];
			return CODES.slice(0, 3).map((code) => sheet[code].level);
		})
		.toEqual([2, 2, 2]);
	await expect(status).toHaveText('Enregistré');

	await server.kill('SIGKILL');
	for (const code of CODES.slice(3)) await levelGroup(page, code).getByRole('radio', { name: 'Insuffisante' }).check();
	await page.getByLabel('C6.6 · Commentaire').fill('Démonstration interrompue');
	await page.getByLabel('C6.6 · Commentaire').blur();
	await expect(status).toContainText('Hors ligne');
	await expect(status).toContainText('4 en attente');

	await server.start();
	await expect(status).toHaveText('Enregistré', { timeout: 10_000 });
	await page.reload();
	for (const code of CODES.slice(0, 3)) await expect(levelGroup(page, code).getByRole('radio', { name: 'Acquise' })).toBeChecked();
	for (const code of CODES.slice(3)) await expect(levelGroup(page, code).getByRole('radio', { name: 'Insuffisante' })).toBeChecked();

	// What the database holds, read with the server stopped: each value once, none missing.
	await server.kill();
	const stored = fixture<{ entries: { code: string; level: number | null; comment: string }[] }>(server.dataDir, 'inspect', ids().solo);
	expect(stored.entries.map((entry) => [entry.code, entry.level])).toEqual(CODES.map((code, index) => [code, index < 3 ? 2 : 1]));
	expect(stored.entries.find((entry) => entry.code === 'C6.6')?.comment).toBe('Démonstration interrompue');
});
