import { rmSync } from 'node:fs';
import { DEMO_TEMPLATE_VARIABLE, builtServer, freshDataDir, workerPort } from './fixtures';

/**
 * Seeds the demo database once per run, the way the app does it (its first start on an empty
 * DATA_DIR migrates and seeds), then stops; each server of the run starts on a copy (demoDataDir).
 * Returns the folder.
 */
export async function seedDemoTemplate(): Promise<string> {
	const dataDir = freshDataDir('modele');
	const server = builtServer(workerPort('template'), dataDir);
	await server.start();
	await server.stop();
	return dataDir;
}

// `npm test` seeds the template while the unit tests run (tests/e2e/seed-template.ts) and passes it in
// E2E_DEMO_TEMPLATE; on its own, the run seeds it here and removes it at the end.
export default async function globalSetup() {
	if (process.env[DEMO_TEMPLATE_VARIABLE]) return;
	const dataDir = await seedDemoTemplate();
	process.env[DEMO_TEMPLATE_VARIABLE] = dataDir;
	return () => rmSync(dataDir, { recursive: true, force: true });
}
