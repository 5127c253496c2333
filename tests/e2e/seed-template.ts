// Seeds the browser tests' demo database ahead of them and prints its folder: `npm test` runs it beside
// vitest (run it through scripts/at-demo-hour.sh, as the browser tests are, so the demo is made at their hour).
import { seedDemoTemplate } from './global-setup';

console.log(await seedDemoTemplate());
