import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDatabase } from '../../../../tests/helpers/database';
import { craftedWorkbook, sheetRow } from '../../../../tests/helpers/crafted-xlsx';
import type { DatabaseHandle } from '../db';
import { defaultReferentiel } from '$lib/domain/referentiel/referentiel';
import { UserFacingError } from '../errors';
import { syncReferentiels } from '../referentiel/referentiel-repository';
import { insertUser } from '../auth/user-repository';
import { importResults, previewResultsImport } from '../certification/results-service';
import { importCandidates, previewCandidateImport } from './candidate-import-service';

// Issue 10, hole 2: a 300 kB workbook whose sheet inflated to 100 MB held the server for 40 s.

let handle: DatabaseHandle;
let coordinatorId: string;
let sessionId: string;

beforeAll(async () => {
	handle = await freshDatabase();
	await syncReferentiels(handle.db);
	coordinatorId = (await insertUser(handle.db, { email: 'coord@test.fr', displayName: 'Coord', role: 'coordinator' })).id;
	sessionId = (
		await handle.db
			.insertInto('exam_sessions')
			.values({ referentiel_id: defaultReferentiel.id, name: 'Session', timezone: 'Europe/Paris' })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
});
afterAll(() => handle.close());

/** Both imports, from the preview and from the confirmation, as the routes call them. */
const imports: Record<string, (bytes: Uint8Array) => Promise<unknown>> = {
	'candidates preview': (bytes: Uint8Array) => previewCandidateImport(handle.db, sessionId, bytes),
	'candidates import': (bytes: Uint8Array) => importCandidates(handle.db, coordinatorId, sessionId, bytes, 'x.xlsx', 'http://localhost'),
	'results preview': (bytes: Uint8Array) => previewResultsImport(handle.db, sessionId, bytes),
	'results import': (bytes: Uint8Array) => importResults(handle.db, coordinatorId, sessionId, bytes, 'x.xlsx')
};

async function rowCounts() {
	const tables = ['users', 'registrations', 'block_results', 'outbox', 'audit_log'] as const;
	const counts: Record<string, number> = {};
	for (const table of tables)
		counts[table] = (
			await handle.db
				.selectFrom(table)
				.select(sql<number>`count(*)::int`.as('n'))
				.executeTakeFirstOrThrow()
		).n;
	return counts;
}

/** The main thread's own memory (V8 heap and buffers), which a worker's does not count in. */
const mainThreadBytes = () => {
	const usage = process.memoryUsage();
	return usage.heapUsed + usage.external;
};

const TURNS = 1000;

/**
 * Runs `work` and tells whether the event loop could turn TURNS times before it settled (then the
 * ticking stops, not to take a core from the other test files), and the most the main thread's
 * memory grew meanwhile.
 */
async function whileReading<T>(work: () => Promise<T>) {
	const baseline = mainThreadBytes();
	let peakGrowth = 0;
	const sample = () => (peakGrowth = Math.max(peakGrowth, mainThreadBytes() - baseline));
	const sampler = setInterval(sample, 5);
	let turns = 0;
	let settled = false;
	const turn = () => {
		if (!settled && ++turns < TURNS) setImmediate(turn);
	};
	setImmediate(turn);
	const outcome = await work().then(
		(value) => ({ value, error: null }),
		(error: unknown) => ({ value: null, error })
	);
	const loopTurnedFreely = turns >= TURNS;
	settled = true;
	clearInterval(sampler);
	sample();
	return { ...outcome, loopTurnedFreely, peakGrowth };
}

/** The French text of the refusal `outcome` must be. */
function refusalText(outcome: { error: unknown }, name = ''): string {
	expect(outcome.error, name).toBeInstanceOf(UserFacingError);
	return (outcome.error as UserFacingError).message;
}

const MB = 1024 * 1024;
const LONG_CELLS = Array.from({ length: 26 }, () => 'candidat '.repeat(220));

describe('a workbook is bounded before ExcelJS reads it', () => {
	it('refuses a 500 kB workbook whose sheet inflates to 100 MB, from the sizes it declares, writing nothing, memory flat', async () => {
		const bomb = craftedWorkbook(2000, (line) => sheetRow(line, LONG_CELLS));
		expect(bomb.length).toBeLessThan(MB);
		const before = await rowCounts();
		for (const [name, run] of Object.entries(imports)) {
			const outcome = await whileReading(() => run(bomb));
			expect(refusalText(outcome, name), name).toMatch(/Une fois décompressé, ce classeur dépasse 25 Mo/);
			expect(outcome.peakGrowth, name).toBeLessThan(64 * MB);
		}
		expect(await rowCounts()).toEqual(before);
	}, 120_000);

	it('stops inflating a sheet that lies about its size at the size it declared', async () => {
		const liar = craftedWorkbook(2000, (line) => sheetRow(line, LONG_CELLS), { declaredSheetBytes: MB });
		const before = await rowCounts();
		for (const [name, run] of Object.entries(imports)) {
			const outcome = await whileReading(() => run(liar));
			expect(refusalText(outcome, name), name).toMatch(/classeur XLSX est illisible/);
			expect(outcome.peakGrowth, name).toBeLessThan(64 * MB);
		}
		expect(await rowCounts()).toEqual(before);
	}, 120_000);
});

describe('the rows are bounded, in CSV and XLSX, for both imports', () => {
	const candidateCsv = (rows: number) =>
		new TextEncoder().encode(
			[
				'Nom;Prénom;Email;Titre du projet',
				...Array.from({ length: rows }, (_, index) => `Nom${index};Prénom;c${index}@exemple.fr;Projet`)
			].join('\n')
		);
	const candidateXlsx = (rows: number) =>
		craftedWorkbook(rows + 1, (line) =>
			sheetRow(line, line === 1 ? ['Nom', 'Prénom', 'Email', 'Titre du projet'] : ['N', 'P', `c${line}@exemple.fr`, 'T'])
		);

	it('refuses 5001 candidates, as CSV or XLSX, naming the bound', async () => {
		const before = await rowCounts();
		for (const bytes of [candidateCsv(5001), candidateXlsx(5001)]) {
			for (const run of [imports['candidates preview'], imports['candidates import']]) {
				expect(refusalText(await whileReading(() => run(bytes)))).toMatch(/Le fichier dépasse 5\s000 lignes/);
			}
		}
		expect(await rowCounts()).toEqual(before);
	}, 120_000);

	it('refuses 15 001 block results, naming the bound', async () => {
		const text = ['E-mail;Bloc;Validé', ...Array.from({ length: 15_001 }, (_, index) => `c${index}@exemple.fr;BC01;oui`)].join('\n');
		const before = await rowCounts();
		for (const run of [imports['results preview'], imports['results import']]) {
			expect(refusalText(await whileReading(() => run(new TextEncoder().encode(text))))).toMatch(/Le fichier dépasse 15\s000 lignes/);
		}
		expect(await rowCounts()).toEqual(before);
	}, 120_000);
});

describe('the server keeps answering while a file is read', () => {
	it('turns its event loop and answers a query while a 2000-candidate workbook is read, then previews it', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Candidats');
		sheet.addRow(['Prénom', 'Nom', 'Email', 'Titre du projet', 'Résumé du projet', 'Promotion', 'Entreprise']);
		for (let index = 0; index < 2000; index++)
			sheet.addRow([
				`Prénom${index}`,
				`Nom${index}`,
				`candidat.${index}@exemple.fr`,
				`Projet ${index}`,
				'Un résumé de quelques lignes. '.repeat(10),
				'Promotion 14',
				'Entreprise'
			]);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		let answeredWhileReading = false;
		const { value, error, loopTurnedFreely } = await whileReading(async () => {
			let previewSettled = false;
			const preview = previewCandidateImport(handle.db, sessionId, bytes).finally(() => (previewSettled = true));
			// A juror's autosave meanwhile: it must not wait for the file.
			void sql`select 1`.execute(handle.db).then(() => (answeredWhileReading = !previewSettled));
			return preview;
		});
		expect(error).toBeNull();
		expect(value!.review.drafts).toHaveLength(2000);
		expect(value!.review.errorCount).toBe(0);
		expect(answeredWhileReading).toBe(true);
		// Reading in this thread, ExcelJS let the loop turn a few dozen times in all; a worker leaves it free.
		expect(loopTurnedFreely).toBe(true);
	}, 120_000);
});
