// npm run bench:weight — the JavaScript the juror's defense page loads, gzip-compressed: the built
// server (npm run build first) renders a real defense page for a logged-in juror; every script the
// page names (modulepreload links and the inline start-up imports) is fetched, gzipped and summed.
import { gzipSync } from 'node:zlib';
import { SESSION_COOKIE } from '../src/lib/server/auth/cookies';
import { scratchDatabase, seedJurors, startBuiltServer, type BuiltServer } from './scoring-bench-support';
import { mark, tableRow } from './bench/table';

const TARGET_KB = 60;
const scratch = await scratchDatabase();
let server: BuiltServer | null = null;
try {
	const [juror] = await seedJurors(scratch.db, 2);
	server = await startBuiltServer(scratch.databaseUrl, Number(process.env.BENCH_PORT ?? 4292));
	const page = await fetch(`${server.origin}/jury/soutenances/${juror.defenseId}`, {
		headers: { cookie: `${SESSION_COOKIE}=${juror.token}` },
		redirect: 'manual'
	});
	if (page.status !== 200) throw new Error(`La page de soutenance répond ${page.status}`);
	const html = await page.text();
	if (!html.includes('C6.1')) throw new Error('La page rendue ne contient pas la grille');
	const scripts = new Set<string>();
	// SvelteKit names the page's modules in a Link header (and, without it, in <link> elements).
	for (const match of (page.headers.get('link') ?? '').matchAll(/<([^>]+)>;\s*rel="modulepreload"/g)) scripts.add(match[1]);
	for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) scripts.add(match[1]);
	for (const match of html.matchAll(/<script[^>]+src="([^"]+)"/g)) scripts.add(match[1]);
	for (const match of html.matchAll(/import\("([^"]+)"\)/g)) scripts.add(match[1]);
	const rows: { file: string; raw: number; gzip: number }[] = [];
	for (const url of new Set([...scripts].map((script) => new URL(script, page.url).href))) {
		const body = Buffer.from(await (await fetch(url)).arrayBuffer());
		rows.push({ file: new URL(url).pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
	}
	const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('');
	rows.push({ file: '(scripts en ligne de la page)', raw: Buffer.byteLength(inline), gzip: gzipSync(inline, { level: 9 }).length });
	const total = rows.reduce((sum, row) => sum + row.gzip, 0);
	const kb = (bytes: number) => (bytes / 1024).toFixed(1);
	console.log("\n### JavaScript loaded by the juror's defense page (gzip -9)\n");
	console.log('| file | raw kB | gzip kB |');
	console.log('|---|---|---|');
	for (const row of rows.sort((a, b) => b.gzip - a.gzip)) console.log(tableRow(row.file, kb(row.raw), kb(row.gzip)));
	const raw = rows.reduce((sum, row) => sum + row.raw, 0);
	console.log(
		tableRow(`**total (${rows.length} files)**`, kb(raw), `**${kb(total)}** (target ≤ ${TARGET_KB} kB ${mark(total <= TARGET_KB * 1024)})`)
	);
	if (total > TARGET_KB * 1024) process.exitCode = 1;
} finally {
	await server?.stop();
	await scratch.drop();
}
