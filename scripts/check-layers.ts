// npm run lint:layers — the layer rules of docs/DESIGN.md (Architecture). (dependency-cruiser does not read TypeScript 6
// yet, so the imports are listed with the TypeScript compiler's own pre-processor.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

interface Rule {
	name: string;
	from: RegExp;
	forbidden: RegExp;
}

const rules: Rule[] = [
	{
		name: 'src/lib/domain is pure: no server layer, SvelteKit runtime, database, mail, documents or Node I/O',
		from: /^src\/lib\/domain\//,
		forbidden:
			/^(\$lib\/server|\$app|\$env|kysely|pg|@electric-sql|nodemailer|exceljs|pdfkit|(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads))(\/|$)|\/server\/|\/routes\//
	},
	{ name: 'nothing under src/lib imports a route', from: /^src\/lib\//, forbidden: /(^|\/)routes\// }
];

function sourceFiles(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const full = path.join(folder, name);
		if (statSync(full).isDirectory()) return sourceFiles(full);
		return /\.(ts|svelte)$/.test(name) ? [full] : [];
	});
}

function importsOf(file: string): string[] {
	let text = readFileSync(file, 'utf8');
	if (file.endsWith('.svelte')) text = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('\n');
	return ts.preProcessFile(text, true, true).importedFiles.map((imported) => imported.fileName);
}

const violations: string[] = [];
for (const file of sourceFiles('src')) {
	const relative = path.relative('.', file).split(path.sep).join('/');
	// Tests may read fixtures from disk; the rules are about the code they test.
	if (relative.endsWith('.test.ts')) continue;
	for (const rule of rules.filter((candidate) => candidate.from.test(relative))) {
		for (const specifier of importsOf(file)) {
			const resolved = specifier.startsWith('.')
				? path.posix.normalize(path.posix.join(path.posix.dirname(relative), specifier))
				: specifier;
			if (rule.forbidden.test(specifier) || rule.forbidden.test(resolved))
				violations.push(`${relative} imports "${specifier}": ${rule.name}`);
		}
	}
}
if (violations.length) {
	console.error(violations.join('\n'));
	process.exit(1);
}
console.log('Couches respectées : aucun import interdit.');
