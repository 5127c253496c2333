/**
 * The code a worker thread evaluates to load a module again by its own `import.meta.url`. That URL
 * is right in every setting without a separate build entry: the bundled chunk in the built app
 * (adapter-node), the source file under Vite's dev server and vitest (where the worker registers
 * tsx first so Node can load TypeScript). A module run this way must import only relative paths
 * and packages: Vite's aliases do not exist in the worker.
 */
export function workerBootstrap(moduleUrl: string): string {
	const load = `import(${JSON.stringify(moduleUrl)})`;
	if (!moduleUrl.endsWith('.ts')) return `${load}.catch((error) => { throw error; });`;
	return `import('tsx/esm/api').then(({ register }) => { register(); return ${load}; }).catch((error) => { throw error; });`;
}
