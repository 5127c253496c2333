// npm run demo:seed — adds the demo to an empty database; npm run demo:reset — starts it over.
import { databaseFromEnvironment } from '../src/lib/server/db';
import { clearAllData } from '../src/lib/server/db/clear';
import { migrateToLatest } from '../src/lib/server/db/migrator';
import { syncReferentiels } from '../src/lib/server/referentiel/referentiel-repository';
import { accountExists } from '../src/lib/server/auth/account-service';
import { printDemoAccounts, seedDemo } from '../src/lib/server/demo/demo-service';

const command = process.argv[2];
if (command !== 'seed' && command !== 'reset') {
	console.error('Usage : tsx scripts/demo.ts seed|reset');
	process.exit(1);
}
const handle = await databaseFromEnvironment(process.env, 'owner');
try {
	await migrateToLatest(handle.db);
	await syncReferentiels(handle.db);
	if (command === 'seed' && (await accountExists(handle.db))) {
		console.error('La base contient déjà des comptes : rien n’est ajouté. Utilisez « npm run demo:reset » pour repartir de zéro.');
		process.exitCode = 1;
	} else {
		if (command === 'reset') await clearAllData(handle.db);
		await seedDemo(handle.db);
		printDemoAccounts();
	}
} finally {
	await handle.close();
}
