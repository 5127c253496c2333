import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

// A scoring spec runs its own built server (node build) on an embedded database it prepares, so
// it can seed defenses before start, kill the server with SIGKILL and start it again.
export interface OwnServer {
	baseURL: string;
	dataDir: string;
	start(): Promise<void>;
	kill(signal?: NodeJS.Signals): Promise<void>;
}

export function fixture<T>(dataDir: string, ...args: string[]): T {
	const output = execFileSync('npx', ['tsx', 'tests/e2e/scoring-fixture.ts', ...args], { env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir }, encoding: 'utf8' });
	return JSON.parse(output) as T;
}

export function ownServer(port: number): OwnServer {
	const dataDir = `/tmp/soutenance-scoring-${port}`;
	const baseURL = `http://localhost:${port}`;
	let child: ChildProcess | null = null;
	return {
		baseURL,
		dataDir,
		async start() {
			child = spawn('node', ['build'], {
				env: { ...process.env, DATABASE_URL: '', PORT: String(port), ORIGIN: baseURL, DATA_DIR: dataDir, ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1', TZ: 'Europe/Paris' },
				stdio: 'ignore'
			});
			const deadline = Date.now() + 60_000;
			while (Date.now() < deadline) {
				const healthy = await fetch(`${baseURL}/api/health`).then((response) => response.ok, () => false);
				if (healthy) return;
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
			throw new Error(`Le serveur du port ${port} n'a pas démarré`);
		},
		async kill(signal = 'SIGTERM') {
			const running = child;
			if (!running || running.exitCode !== null) return;
			const exited = new Promise((resolve) => running.once('exit', resolve));
			running.kill(signal);
			await exited;
			child = null;
		}
	};
}

export function freshDataDir(dataDir: string) {
	rmSync(dataDir, { recursive: true, force: true });
}

export const CODES = ['C6.1', 'C6.2', 'C6.3', 'C6.4', 'C6.5', 'C6.6'];

export const levelGroup = (page: Page, code: string) => page.getByRole('radiogroup', { name: new RegExp(`^${code.replace('.', '\\.')}`) });

/** What the server holds of the logged-in juror's grid for a defense. */
export async function serverState(page: Page, defenseId: string) {
	const response = await page.request.get(`/api/soutenances/${defenseId}/grille`);
	expect(response.status()).toBe(200);
	return (await response.json()) as { state: { sheets: Record<string, Record<string, { level: number | null; comment: string }>> }; submitted: boolean };
}

/**
 * Gives the spec its own seeded server on `port` for all its tests (tablet viewport), killed at
 * the end; `ids()` returns the defenses the fixture seeded.
 */
export function useOwnScoringServer<T>(port: number): { server: OwnServer; ids: () => T } {
	const server = ownServer(port);
	let seeded: T;
	test.use({ baseURL: server.baseURL, viewport: { width: 768, height: 1024 } });
	test.beforeAll(async () => {
		test.setTimeout(240_000);
		freshDataDir(server.dataDir);
		seeded = fixture<T>(server.dataDir, 'seed');
		await server.start();
	});
	test.afterAll(async () => {
		await server.kill();
	});
	return { server, ids: () => seeded };
}
