import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

const PORT = Number(process.env.E2E_PORT ?? 4173);
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? `/tmp/soutenance-e2e-${PORT}`;

// Debian's Chromium where it exists (Playwright cannot download its own here), else Playwright's.
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	// One retry in CI: the demo's live state moves with the clock; a retry is reported as flaky.
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	reporter: process.env.CI ? 'list' : 'list',
	use: {
		baseURL: `http://localhost:${PORT}`,
		locale: 'fr-FR',
		timezoneId: 'Europe/Paris',
		// The server reads the client address from this header in tests, so throttling one
		// simulated address does not lock out the others.
		extraHTTPHeaders: { 'x-forwarded-for': '127.0.0.1' },
		trace: 'retain-on-failure',
		...devices['Desktop Chrome'],
		launchOptions: {
			executablePath: chromiumPath,
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
		}
	},
	webServer: {
		command: `rm -rf ${E2E_DATA_DIR} && node build`,
		url: `http://localhost:${PORT}/api/health`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		env: {
			PORT: String(PORT),
			ORIGIN: `http://localhost:${PORT}`,
			DATA_DIR: E2E_DATA_DIR,
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			BODY_SIZE_LIMIT: '8M',
			TZ: 'Europe/Paris'
		}
	}
});
