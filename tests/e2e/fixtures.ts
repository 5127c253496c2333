import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { LOCK_FILE } from '../../src/lib/server/db/data-dir-lock';

// Everything of @playwright/test (expect, types), with this file's `test` in place of its own.
export * from '@playwright/test';

// Each Playwright worker runs its own built server (node build) on its own embedded database, a
// copy of the demo database that the run's global setup made by starting the app once (its first
// start migrates and seeds, as `npm start` does): the workers never see each other's changes. Tests
// of one worker share its server, so a spec must not rely on another spec's changes.

/** First port of this run's servers; every worker and spec-owned server gets its own above it. */
export const BASE_PORT = Number(process.env.E2E_PORT ?? 4410);
/** Ports per kind of server: the worker's demo server, then the servers specs run themselves. */
const PORTS_PER_KIND = 20;
export const SERVER_KINDS = { demo: 0, scoring: 1, scoringKill: 2, template: 3, mail: 4 } as const;
export type ServerKind = keyof typeof SERVER_KINDS;

/**
 * This worker's port for a kind of server. From TEST_PARALLEL_INDEX (0 … workers − 1, reused by the
 * worker that replaces a failed one once it has stopped), so two live workers never share a port.
 */
export function workerPort(kind: ServerKind): number {
	const slot = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
	if (slot >= PORTS_PER_KIND) throw new Error(`Au plus ${PORTS_PER_KIND} workers Playwright (E2E_WORKERS)`);
	return BASE_PORT + SERVER_KINDS[kind] * PORTS_PER_KIND + slot;
}

export interface BuiltServer {
	baseURL: string;
	dataDir: string;
	start(): Promise<void>;
	stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * `node build` on `port` with the environment the tests expect (client address from x-forwarded-for, Paris time),
 * and `env` on top (an SMTP_URL, say).
 */
export function builtServer(port: number, dataDir: string, env: Record<string, string> = {}): BuiltServer {
	const baseURL = `http://localhost:${port}`;
	let child: ChildProcess | null = null;
	let output = '';
	const stopOnExit = () => child?.kill('SIGKILL');
	return {
		baseURL,
		dataDir,
		async start() {
			output = '';
			const running = spawn('node', ['build'], {
				env: {
					...process.env,
					DATABASE_URL: '',
					PORT: String(port),
					ORIGIN: baseURL,
					DATA_DIR: dataDir,
					ADDRESS_HEADER: 'x-forwarded-for',
					XFF_DEPTH: '1',
					BODY_SIZE_LIMIT: '8M',
					TZ: 'Europe/Paris',
					// On SIGTERM, adapter-node waits this long for open connections (a page's live
					// stream keeps one) before closing them: 30 s by default, for every stop.
					SHUTDOWN_TIMEOUT: '1',
					...env
				},
				stdio: ['ignore', 'ignore', 'pipe']
			});
			child = running;
			running.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
			process.once('exit', stopOnExit);
			const exited = new Promise<never>((_, reject) =>
				running.once('exit', (code, signal) =>
					reject(new Error(`node build (port ${port}) stopped before answering: ${code ?? signal}\n${output}`))
				)
			);
			exited.catch(() => {});
			const deadline = Date.now() + 170_000;
			while (Date.now() < deadline) {
				const healthy = await Promise.race([
					fetch(`${baseURL}/api/health`).then(
						(response) => response.ok,
						() => false
					),
					exited
				]);
				if (healthy) return;
				// Polling interval while the server migrates and seeds.
				await Promise.race([new Promise((resolve) => setTimeout(resolve, 100)), exited]);
			}
			throw new Error(`node build (port ${port}) did not answer /api/health within 170 s\n${output}`);
		},
		async stop(signal = 'SIGTERM') {
			const running = child;
			child = null;
			process.removeListener('exit', stopOnExit);
			if (!running || running.exitCode !== null || running.signalCode !== null) return;
			const exited = new Promise((resolve) => running.once('exit', resolve));
			running.kill(signal);
			await exited;
		}
	};
}

/** A fresh, empty folder for an embedded database, unique to this run. */
export function freshDataDir(name: string): string {
	return mkdtempSync(path.join(tmpdir(), `soutenance-e2e-${name}-`));
}

/** Where global-setup.ts leaves the migrated, seeded demo database that every server starts from. */
export const DEMO_TEMPLATE_VARIABLE = 'E2E_DEMO_TEMPLATE';

/**
 * A fresh folder holding a copy of the run's demo database (seeding it costs a server start of CPU,
 * copying it a few milliseconds), without the lock of the server that made it.
 */
export function demoDataDir(name: string): string {
	const template = process.env[DEMO_TEMPLATE_VARIABLE];
	if (!template) throw new Error(`${DEMO_TEMPLATE_VARIABLE} is not set: run the specs through playwright.config.ts (its globalSetup)`);
	const dataDir = freshDataDir(name);
	cpSync(template, dataDir, { recursive: true, filter: (source) => path.basename(source) !== LOCK_FILE });
	return dataDir;
}

export const test = base.extend<object, { server: BuiltServer }>({
	server: [
		// Playwright reads a fixture's dependencies from its first parameter, which must be a pattern.
		// eslint-disable-next-line no-empty-pattern
		async ({}, use) => {
			const server = builtServer(workerPort('demo'), demoDataDir('demo'));
			await server.start();
			await use(server);
			await server.stop();
			rmSync(server.dataDir, { recursive: true, force: true });
		},
		{ scope: 'worker', timeout: 180_000 }
	],
	baseURL: async ({ server }, use) => use(server.baseURL)
});
