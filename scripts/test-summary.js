// Prints one closing line for the whole run, "N passed, N failed", from the vitest report and every Playwright report.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
let flaky = 0;
const [vitestFile, ...playwrightFiles] = process.argv.slice(2);

const vitest = JSON.parse(readFileSync(vitestFile, 'utf8'));
passed += vitest.numPassedTests;
failed += vitest.numFailedTests;
skipped += vitest.numPendingTests + vitest.numTodoTests;

for (const file of playwrightFiles) {
	const playwright = JSON.parse(readFileSync(file, 'utf8'));
	passed += playwright.stats.expected;
	// A flaky test failed once and passed on its retry: it passed, and is named in the line.
	passed += playwright.stats.flaky;
	flaky += playwright.stats.flaky;
	failed += playwright.stats.unexpected;
	skipped += playwright.stats.skipped;
}

if (flaky) console.log(`${flaky} test(s) passed only on their retry (flaky): see the list above.`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
