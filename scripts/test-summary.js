// Prints one closing line for the whole run, "N passed, N failed", from the vitest report and every Playwright report.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const [vitestFile, ...playwrightFiles] = process.argv.slice(2);

const vitest = JSON.parse(readFileSync(vitestFile, 'utf8'));
passed += vitest.numPassedTests;
failed += vitest.numFailedTests;
skipped += vitest.numPendingTests + vitest.numTodoTests;

for (const file of playwrightFiles) {
	const playwright = JSON.parse(readFileSync(file, 'utf8'));
	passed += playwright.stats.expected;
	// No retries (retries: 0): a test that fails once has failed.
	failed += playwright.stats.unexpected + playwright.stats.flaky;
	skipped += playwright.stats.skipped;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
