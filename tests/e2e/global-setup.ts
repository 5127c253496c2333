import { rmSync } from 'node:fs';
import { DEMO_TEMPLATE_VARIABLE, builtServer, freshDataDir, workerPort } from './fixtures';

// Seeds the demo database once per run, the way the app does it (its first start on an empty
// DATA_DIR migrates and seeds), then stops; each server of the run starts on a copy (demoDataDir).
export default async function globalSetup() {
	const dataDir = freshDataDir('modele');
	const server = builtServer(workerPort('template'), dataDir);
	await server.start();
	await server.stop();
	process.env[DEMO_TEMPLATE_VARIABLE] = dataDir;
	return () => rmSync(dataDir, { recursive: true, force: true });
}
