/**
 * Command-line scheduler (format: docs/planning-v1.md).
 * Exit 0 solved, 2 invalid problem (errors on stderr, nothing written), 1 internal failure or bad usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { validateProblem } from '../src/lib/domain/planning/validate';
import { solve } from '../src/lib/domain/planning/solve';
import type { Schedule } from '../src/lib/domain/planning/types';

const USAGE =
	'usage: npm run schedule -- --input problem.json --output schedule.json [--previous published.json] [--seed N] [--time-limit SECONDS]';

function fail(message: string, code: number): never {
	process.stderr.write(`${message}\n`);
	process.exit(code);
}

function readJson(path: string, what: string): unknown {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch (error) {
		fail(`${what} illisible (${path}): ${(error as Error).message}`, what === 'problème' ? 2 : 1);
	}
}

function main(): void {
	let values: Record<string, string | undefined>;
	try {
		({ values } = parseArgs({
			options: {
				input: { type: 'string' },
				output: { type: 'string' },
				previous: { type: 'string' },
				seed: { type: 'string' },
				'time-limit': { type: 'string' }
			},
			strict: true,
			allowPositionals: false
		}));
	} catch (error) {
		fail(`${(error as Error).message}\n${USAGE}`, 1);
	}
	const { input, output } = values;
	if (!input || !output) fail(USAGE, 1);
	const seed = values.seed === undefined ? undefined : Number(values.seed);
	const timeLimit = values['time-limit'] === undefined ? undefined : Number(values['time-limit']);
	if (seed !== undefined && !Number.isInteger(seed)) fail(`--seed doit être un entier\n${USAGE}`, 1);
	if (timeLimit !== undefined && !(timeLimit > 0)) fail(`--time-limit doit être un nombre de secondes positif\n${USAGE}`, 1);

	const validation = validateProblem(readJson(input, 'problème'));
	if (!validation.ok) fail(validation.errors.join('\n'), 2);
	const previous = values.previous === undefined ? undefined : (readJson(values.previous, 'planning précédent') as Schedule);

	let lastPhase = '';
	const schedule = solve(validation.problem, {
		seed,
		previous,
		timeLimitMs: timeLimit === undefined ? undefined : timeLimit * 1000,
		onProgress: ({ phase, placed, total }) => {
			if (phase === lastPhase) return;
			lastPhase = phase;
			process.stderr.write(`${phase}: ${placed}/${total} candidats placés\n`);
		}
	});
	writeFileSync(output, `${JSON.stringify(schedule, null, 2)}\n`);
	process.stderr.write(
		`${schedule.stats.placed}/${validation.problem.candidates.length} candidats placés, ` +
			`${schedule.unplaced.length} soutenance(s) non placée(s), ${schedule.stats.elapsedMs} ms\n`
	);
}

try {
	main();
} catch (error) {
	fail(`erreur interne: ${(error as Error).stack ?? String(error)}`, 1);
}
