import { defineConfig, devices } from '@playwright/test';
import { availableParallelism } from 'node:os';
import { chromiumLaunchOptions } from './tests/e2e/chromium';

export default defineConfig({
	testDir: 'tests/e2e',
	globalSetup: './tests/e2e/global-setup.ts',
	// Spec files run in parallel, each worker against its own server and database (the `server`
	// fixture of tests/e2e/fixtures.ts, on ports from E2E_PORT, 4410 by default); the tests of one
	// file run in order, in one worker.
	fullyParallel: false,
	workers: Number(process.env.E2E_WORKERS ?? availableParallelism()),
	retries: 0,
	timeout: 60_000,
	reporter: 'list',
	use: {
		locale: 'fr-FR',
		timezoneId: 'Europe/Paris',
		// The server reads the client address from this header in tests, so throttling one
		// simulated address does not lock out the others.
		extraHTTPHeaders: { 'x-forwarded-for': '127.0.0.1' },
		// Recorded for every test and kept for a failed one: DOM snapshots and the network are enough to
		// replay a failure; the screencast frames would be captured on every action of every test.
		trace: { mode: 'retain-on-failure', screenshots: false },
		...devices['Desktop Chrome'],
		launchOptions: chromiumLaunchOptions
	}
});
