import { sveltekit } from '@sveltejs/kit/vite';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Integration tests (*.db.test.ts) run on PGlite always, and on PostgreSQL too when
// TEST_DATABASE_URL is set; everything else runs once.
const databaseProject = (driver: 'pglite' | 'postgres') => ({
	extends: true as const,
	test: {
		name: driver,
		include: ['src/**/*.db.test.ts', 'tests/**/*.db.test.ts'],
		env: { TEST_DRIVER: driver },
		// The files of a worker share one module graph instead of importing the server's (and PGlite's)
		// anew each: the PGlite project took 176 s of CPU so, 257 s isolated. Each file opens its own
		// database and puts back what it changes in process.env.
		isolate: false,
		globalSetup: ['tests/helpers/global-setup.ts']
	}
});

const timedTests = ['src/lib/server/planning/solver-worker.test.ts'];

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 3000 },
	test: {
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
		// The integration tests spend much of their time waiting on PostgreSQL and on child processes (pdftotext,
		// pg_dump): one worker more than the cores keeps the cores busy. VITEST_MAX_WORKERS overrides.
		maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? availableParallelism() + 1),
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.unit.test.ts'],
					exclude: ['**/*.db.test.ts', ...timedTests]
				}
			},
			// Tests that measure the main thread's responsiveness run last, alone: beside the other
			// workers they would measure how busy the cores are.
			{ extends: true, test: { name: 'timed', include: timedTests, maxWorkers: 1, sequence: { groupOrder: 1 } } },
			databaseProject('pglite'),
			...(process.env.TEST_DATABASE_URL ? [databaseProject('postgres')] : [])
		]
	}
});
