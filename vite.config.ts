import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// Integration tests (*.db.test.ts) run on PGlite always, and on PostgreSQL too when
// TEST_DATABASE_URL is set; everything else runs once.
const databaseProject = (driver: 'pglite' | 'postgres') => ({
	extends: true as const,
	test: {
		name: driver,
		include: ['src/**/*.db.test.ts', 'tests/**/*.db.test.ts'],
		env: { TEST_DRIVER: driver },
		globalSetup: ['tests/helpers/global-setup.ts']
	}
});

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 3000 },
	test: {
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.unit.test.ts'], exclude: ['**/*.db.test.ts'] }
			},
			databaseProject('pglite'),
			...(process.env.TEST_DATABASE_URL ? [databaseProject('postgres')] : [])
		]
	}
});
