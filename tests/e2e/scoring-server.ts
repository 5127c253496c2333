import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { builtServer, demoDataDir, expect, test, workerPort, type Page, type ServerKind } from './fixtures';

// A scoring spec runs its own built server (node build) on an embedded database it prepares, so
// it can seed defenses before start, kill the server with SIGKILL and start it again.
export interface OwnServer {
	baseURL: string;
	dataDir: string;
	start(): Promise<void>;
	kill(signal?: NodeJS.Signals): Promise<void>;
	/** A new copy of the demo database (the previous folder removed); call while the server is stopped. */
	reset(): void;
}

export function fixture<T>(dataDir: string, ...args: string[]): T {
	const output = execFileSync('npx', ['tsx', 'tests/e2e/scoring-fixture.ts', ...args], {
		env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
		encoding: 'utf8'
	});
	return JSON.parse(output) as T;
}

/** The spec's own server on this worker's port for `kind`, on a data folder of its own. */
export function ownServer(kind: Exclude<ServerKind, 'demo' | 'template'>): OwnServer {
	const port = workerPort(kind);
	let current = builtServer(port, '');
	return {
		get baseURL() {
			return current.baseURL;
		},
		get dataDir() {
			return current.dataDir;
		},
		start: () => current.start(),
		kill: (signal) => current.stop(signal),
		reset() {
			if (current.dataDir) rmSync(current.dataDir, { recursive: true, force: true });
			current = builtServer(port, demoDataDir(kind));
		}
	};
}

export const CODES = ['C6.1', 'C6.2', 'C6.3', 'C6.4', 'C6.5', 'C6.6'];

export const levelGroup = (page: Page, code: string) => page.getByRole('radiogroup', { name: new RegExp(`^${code.replace('.', '\\.')}`) });

/** What the server holds of the logged-in juror's grid for a defense. */
export async function serverState(page: Page, defenseId: string) {
	const response = await page.request.get(`/api/soutenances/${defenseId}/grille`);
	expect(response.status()).toBe(200);
	return (await response.json()) as {
		state: { sheets: Record<string, Record<string, { level: number | null; comment: string }>> };
		submitted: boolean;
	};
}

/**
 * Gives the spec its own seeded server (on this worker's port for `kind`) for all its tests (tablet viewport), killed at
 * the end; `ids()` returns the defenses the fixture seeded.
 */
export function useOwnScoringServer<T>(kind: Exclude<ServerKind, 'demo' | 'template'>): { server: OwnServer; ids: () => T } {
	const server = ownServer(kind);
	let seeded: T;
	test.use({ baseURL: server.baseURL, viewport: { width: 768, height: 1024 } });
	test.beforeAll(async () => {
		test.setTimeout(240_000);
		server.reset();
		seeded = fixture<T>(server.dataDir, 'seed');
		await server.start();
	});
	test.afterAll(async () => {
		await server.kill();
		rmSync(server.dataDir, { recursive: true, force: true });
	});
	return { server, ids: () => seeded };
}
