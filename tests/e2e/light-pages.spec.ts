import { get, type IncomingMessage } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { expect, test, type Page } from './fixtures';
import { accounts, signIn, todaySessionName } from './helpers';

// Issue 15: the built server compresses pages and JSON itself (no proxy in front of `node build`),
// never an event stream; long lists come a page at a time, through links that work without JavaScript.

/** A GET through node:http, which leaves the body as it came on the wire (fetch would decode it). */
function rawGet(page: Page, url: string, headers: Record<string, string>): Promise<IncomingMessage> {
	return page
		.context()
		.cookies()
		.then(
			(cookies) =>
				new Promise((resolve, reject) =>
					get(url, { headers: { ...headers, cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') } }, resolve).on(
						'error',
						reject
					)
				)
		);
}

async function bodyOf(response: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of response) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

test('pages and JSON go out compressed, the live stream flows uncompressed', async ({ page, baseURL }) => {
	await signIn(page, accounts.coordinator);
	const browserEncodings = { 'accept-encoding': 'gzip, deflate, br, zstd' };

	const home = await rawGet(page, `${baseURL}/coordination`, { ...browserEncodings, accept: 'text/html' });
	expect(home.statusCode).toBe(200);
	expect(home.headers['content-encoding']).toBe('br');
	expect(home.headers.vary).toMatch(/Accept-Encoding/i);
	expect(brotliDecompressSync(await bodyOf(home)).toString()).toContain(todaySessionName());

	const journal = await rawGet(page, `${baseURL}/coordination/journal/journal.json`, { 'accept-encoding': 'gzip' });
	expect(journal.headers['content-type']).toMatch(/^application\/json/);
	expect(journal.headers['content-encoding']).toBe('gzip');
	await bodyOf(journal);

	const identity = await rawGet(page, `${baseURL}/coordination`, { accept: 'text/html' });
	expect(identity.headers['content-encoding']).toBeUndefined();
	expect((await bodyOf(identity)).toString()).toContain(todaySessionName());

	// The coordination's live feed for today's session: its first event arrives at once, as written.
	await page.goto('/coordination');
	const sessionPath = (await page.getByRole('link', { name: todaySessionName() }).getAttribute('href'))!;
	const sessionId = sessionPath.split('/').pop()!;
	const stream = await rawGet(page, `${baseURL}/api/direct/sessions/${sessionId}`, { ...browserEncodings, accept: 'text/event-stream' });
	expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
	expect(stream.headers['content-encoding']).toBeUndefined();
	let received = '';
	for await (const chunk of stream) {
		received += (chunk as Buffer).toString();
		if (received.includes('event: changed')) break;
	}
	stream.destroy();
	expect(received).toContain('retry: 1000');
});

test("the live board takes the changed jury's row from its stream, without reading the board again", async ({ page, browser, baseURL }) => {
	await signIn(page, accounts.coordinator);
	await page.goto('/coordination');
	const sessionPath = (await page.getByRole('link', { name: todaySessionName() }).getAttribute('href'))!;
	const board = (await (await page.request.get(`/api/direct/sessions/${sessionPath.split('/').pop()}`)).json()) as {
		juries: { label: string; current: { defenseId: string; state: { phase: string; pausedAt: number | null } } | null }[];
	};
	// Jury C, which the other specs leave alone, is hearing a candidate at the demo's hour (14:00).
	const juryC = board.juries.find((row) => row.label === 'C')!;
	expect(juryC.current?.state.pausedAt).toBeNull();
	const defenseId = juryC.current!.defenseId;
	// The stream's first event reads the board once (its state when the stream opened); none is read after.
	const firstRead = page.waitForResponse((response) => response.url().includes('__data.json'));
	await page.goto(`${sessionPath}/direct`);
	await firstRead;
	const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Jury C/ }) });
	await expect(row).not.toContainText('(en pause)');
	const reloads: string[] = [];
	page.on('request', (request) => {
		if (request.url().includes('__data.json')) reloads.push(request.url());
	});
	// Jury C's president (jury5) drives its timer from her tablet.
	const president = await (await browser.newContext()).newPage();
	await signIn(president, 'jury5@soutenance.test');
	const drive = (action: string) =>
		president.request.post(`/api/soutenances/${defenseId}/minuteur`, {
			data: { action, expectedPhase: juryC.current!.state.phase },
			headers: { origin: baseURL! }
		});
	expect((await drive('pause')).ok()).toBe(true);
	await expect(row).toContainText('(en pause)');
	expect((await drive('resume')).ok()).toBe(true);
	await expect(row).not.toContainText('(en pause)');
	expect(reloads).toEqual([]);
	await president.context().close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the pager of the messages leads from page to page and keeps the filter', async ({ page }) => {
		await signIn(page, accounts.coordinator);
		// The demo's outbox holds more than one page of messages (50 a page), every one of them to @soutenance.test.
		await page.goto('/coordination/messages');
		const pager = page.getByRole('navigation', { name: 'Pages de messages' });
		await expect(pager.getByRole('link', { name: 'Page 1 sur 2' })).toHaveAttribute('aria-current', 'page');
		await pager.getByRole('link', { name: 'Page suivante' }).click();
		await expect(page).toHaveURL(/\/coordination\/messages\?page=2$/);
		await expect(page.getByRole('status').filter({ hasText: /^Messages 51 à \d+ sur \d+/ })).toBeVisible();
		await expect(pager.getByRole('link', { name: 'Page 2 sur 2' })).toHaveAttribute('aria-current', 'page');
		await expect(pager.getByRole('link', { name: 'Page suivante' })).toHaveCount(0);
		const box = (await pager.getByRole('link', { name: 'Page précédente' }).boundingBox())!;
		// The accessibility spec checks the messages page, its pager included, with axe (which needs JavaScript).
		expect(box.height).toBeGreaterThanOrEqual(44);

		await page.getByLabel('Destinataire').fill('soutenance.test');
		await page.getByRole('button', { name: 'Filtrer' }).click();
		await pager.getByRole('link', { name: 'Page 2 sur 2' }).click();
		await expect(page).toHaveURL(/destinataire=soutenance\.test&page=2$/);
		await expect(page.getByLabel('Destinataire')).toHaveValue('soutenance.test');
		await pager.getByRole('link', { name: 'Page précédente' }).click();
		await expect(page).toHaveURL(/\?destinataire=soutenance\.test$/);
		await expect(pager.getByRole('link', { name: 'Page 1 sur 2' })).toHaveAttribute('aria-current', 'page');
	});

	test('the journal goes back to older entries and returns to the latest', async ({ page }) => {
		await signIn(page, accounts.coordinator);
		await page.goto('/coordination/journal');
		const pager = page.getByRole('navigation', { name: 'Pages du journal' });
		const entries = page.getByRole('table', { name: "Entrées du journal, les plus récentes d'abord" });
		const firstRow = async () => (await entries.getByRole('row').nth(1).textContent())!;
		const latest = await firstRow();
		await pager.getByRole('link', { name: 'Entrées plus anciennes' }).click();
		await expect(page).toHaveURL(/avant=\d+/);
		expect(await firstRow()).not.toBe(latest);
		await pager.getByRole('link', { name: 'Entrées les plus récentes' }).click();
		await expect(page).not.toHaveURL(/avant=/);
		expect(await firstRow()).toBe(latest);
	});
});
