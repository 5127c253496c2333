import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import baseConfig from '../../playwright.config';
import { instanceUrl, multiDatabaseUrl, ports } from './settings';

// Two instances of the built app (`node build`) on one PostgreSQL database: live events must
// cross from one to the other through LISTEN/NOTIFY. Needs TEST_DATABASE_URL's server; the first
// instance's start creates the database and seeds the demo into it.
const instance = (index: 0 | 1, before = '') => ({
	command: `${before}node build`,
	cwd: fileURLToPath(new URL('../..', import.meta.url)),
	url: `${instanceUrl(index)}/api/health`,
	timeout: 180_000,
	reuseExistingServer: false,
	stdout: 'ignore' as const,
	env: {
		PORT: String(ports[index]),
		ORIGIN: instanceUrl(index),
		DATABASE_URL: multiDatabaseUrl,
		TZ: 'Europe/Paris',
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1'
	}
});

export default defineConfig({
	...baseConfig,
	// Its servers run on PostgreSQL, seeded by the first instance: no embedded demo database to prepare.
	globalSetup: undefined,
	testDir: '.',
	// Its own output folder: Playwright empties the one it writes to, and test-results/ keeps the
	// main run's screenshots (test-results/pages) for review.
	outputDir: '../../test-results/deux-instances',
	testMatch: '*.spec.ts',
	use: { ...baseConfig.use, baseURL: instanceUrl(0) },
	webServer: [instance(0, 'npx tsx tests/e2e-multi/prepare-database.ts && '), instance(1)]
});
