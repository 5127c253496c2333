import { existsSync } from 'node:fs';

/**
 * How the tests and `npm run screenshots` launch Chromium: Debian's where it exists (Playwright
 * cannot download its own here), else Playwright's; no sandbox, GPU or background traffic.
 */
export const chromiumLaunchOptions = {
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
