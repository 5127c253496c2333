// npm run migrate — applies pending migrations to DATABASE_URL (as the owner role of MIGRATION_DATABASE_URL when set),
// or to the embedded database in DATA_DIR.
import { databaseFromEnvironment } from '../src/lib/server/db';
import { migrateToLatest } from '../src/lib/server/db/migrator';

const handle = await databaseFromEnvironment(process.env, 'owner');
try {
	const applied = await migrateToLatest(handle.db);
	console.log(applied.length ? `Migrations appliquées : ${applied.join(', ')}` : 'Base déjà à jour.');
} finally {
	await handle.close();
}
