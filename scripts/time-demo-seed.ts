// Times the demo's seeding alone (npm run demo:seed also migrates), in memory or in a data directory as the
// app's first start does: tsx scripts/time-demo-seed.ts [ISO instant] [data directory]
import { connectPglite } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrator';
import { syncReferentiels } from '../src/lib/server/referentiel/referentiel-repository';
import { seedDemo } from '../src/lib/server/demo/demo-service';

const handle = await connectPglite({ dataDir: process.argv[3] });
await migrateToLatest(handle.db);
await syncReferentiels(handle.db);
const started = performance.now();
await seedDemo(handle.db, process.argv[2] ? new Date(process.argv[2]) : new Date());
console.log(`seedDemo: ${((performance.now() - started) / 1000).toFixed(1)} s`);
await handle.close();
