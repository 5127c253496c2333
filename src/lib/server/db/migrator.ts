import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

type MigrationModules = Record<string, Migration>;

// Inside Vite (the app and vitest) the migrations are bundled by import.meta.glob; under tsx
// (command-line scripts) that call does not exist and they are read from the folder instead.
function bundledMigrations(): MigrationModules | null {
	try {
		return import.meta.glob<Migration>('../../../../migrations/*.ts', { eager: true });
	} catch {
		return null;
	}
}

async function folderMigrations(): Promise<MigrationModules> {
	const { readdir } = await import('node:fs/promises');
	const path = await import('node:path');
	const { pathToFileURL } = await import('node:url');
	const folder = path.resolve(process.cwd(), 'migrations');
	const modules: MigrationModules = {};
	for (const file of (await readdir(folder)).filter((name) => name.endsWith('.ts')).sort()) {
		modules[file] = await import(pathToFileURL(path.join(folder, file)).href);
	}
	return modules;
}

const provider: MigrationProvider = {
	async getMigrations() {
		const modules = bundledMigrations() ?? (await folderMigrations());
		const migrations: Record<string, Migration> = {};
		for (const [file, module] of Object.entries(modules)) {
			const name = file.split('/').pop()!.replace(/\.ts$/, '');
			migrations[name] = { up: module.up, down: module.down };
		}
		return migrations;
	}
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
	// Areas add migrations in parallel branches of work, so one may land after a later-named one.
	const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
	const { error, results } = await migrator.migrateToLatest();
	if (error) {
		const failed = results?.find((result) => result.status === 'Error');
		throw new Error(`Échec de la migration ${failed?.migrationName ?? ''}: ${String(error)}`, { cause: error });
	}
	return (results ?? []).map((result) => result.migrationName);
}
