import { existsSync } from 'node:fs';

/**
 * The environment without libfaketime (scripts/at-demo-hour.sh): Chromium under it takes seconds
 * per page, so the browser keeps the real clock, as a tablet whose clock is off by hours would;
 * the app reads the server's time from its answers where it counts (the timer, the scoring clocks).
 */
function realClockEnvironment(): Record<string, string> {
	return Object.fromEntries(
		Object.entries(process.env).filter(
			(entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'LD_PRELOAD' && entry[0] !== 'FAKETIME'
		)
	);
}

/**
 * How the tests and `npm run screenshots` launch Chromium: Debian's where it exists (Playwright
 * cannot download its own here), else Playwright's; no sandbox, GPU or background traffic.
 */
export const chromiumLaunchOptions = {
	env: realClockEnvironment(),
	executablePath: process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
		'--disable-quic'
	]
};
