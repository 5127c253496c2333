import { expect, test } from './fixtures';
import { accounts, signIn } from './helpers';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the coordinator exports the journal with its head and checks an anchor against it', async ({ page }) => {
		await signIn(page, accounts.coordinator);
		const response = await page.request.get('/coordination/journal/journal.json');
		expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="journal-\d{4}-\d{2}-\d{2}\.json"$/);
		const exported = (await response.json()) as { head: { id: string; hash: string }; entries: { id: string; hash: string }[] };
		expect(exported.head).toEqual({ id: exported.entries.at(-1)!.id, hash: exported.entries.at(-1)!.hash });

		await page.goto('/coordination/journal');
		// The demo's past session has signed records: each anchor printed in them is found intact.
		const printed = page.getByRole('region', { name: 'Maillons imprimés dans les procès-verbaux signés' });
		await expect(printed.getByRole('cell', { name: 'intact', exact: true }).first()).toBeVisible();
		await expect(printed.getByRole('cell', { name: /journal (raccourci|réécrit)|chaîne rompue/ })).toHaveCount(0);

		const check = page.getByRole('region', { name: 'Vérifier une empreinte' });
		const verify = async (id: string, hash: string) => {
			await check.getByLabel('N° du maillon').fill(id);
			await check.getByLabel('Empreinte (64 caractères hexadécimaux)').fill(hash);
			await check.getByRole('button', { name: 'Vérifier' }).click();
		};
		await verify(exported.head.id, exported.head.hash);
		await expect(check.getByRole('status')).toHaveText(
			`Maillon n° ${exported.head.id} : empreinte retrouvée, et la chaîne est intègre jusqu'à lui. ` +
				`Le journal n'a été ni raccourci ni réécrit jusqu'à ce maillon.`
		);
		const other = (exported.head.hash[0] === '0' ? '1' : '0') + exported.head.hash.slice(1);
		await verify(exported.head.id, other);
		await expect(check.getByRole('alert')).toContainText('le journal porte une autre empreinte');
		await verify(String(Number(exported.head.id) + 1000), exported.head.hash);
		await expect(check.getByRole('alert')).toContainText('introuvable : le journal a été raccourci');
		await verify('12', 'pas une empreinte');
		await expect(check.getByRole('alert')).toHaveText(
			'Saisissez un numéro de maillon (chiffres) et une empreinte de 64 caractères hexadécimaux.'
		);
	});
});
