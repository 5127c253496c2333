import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import type { DatabaseHandle } from '../db';
import { planCsv, planXlsx } from './plan-export';
import { insertPlanningFixture, type PlanningFixture } from '../../../../tests/helpers/planning-fixture';
import { presentPlan } from './schedule-presenter';
import { loadPlanView, startPlanningRun } from './schedule-service';

let handle: DatabaseHandle;
let fixture: PlanningFixture;
const HEADER = ['date', 'début', 'fin', 'fuseau', 'jury', 'salle/lien', 'candidat(s)', 'e-mail', 'équipe', 'projet', 'membres du jury'];

beforeAll(async () => {
	handle = await freshDatabase();
	fixture = await insertPlanningFixture(handle.db);
	await (
		await startPlanningRun(handle.db, fixture.coordinator, fixture.session, 'plan')
	).finished;
});
afterAll(() => handle.close());

describe('plan exports', () => {
	it('CSV: UTF-8 with BOM, semicolons, CRLF, one line per defense, read back by papaparse', async () => {
		const plan = presentPlan(await loadPlanView(handle.db, fixture.session));
		const csv = planCsv(plan);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1).split('\r\n')[0]).toBe(HEADER.join(';'));
		expect(csv.endsWith('\r\n')).toBe(true);
		const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		expect(parsed.data[0]).toEqual(HEADER);
		expect(parsed.data).toHaveLength(plan.defenses.length + 1);
		const team = parsed.data.find((row) => row[8] === 'Énergie')!;
		expect(team[6]).toBe('Chloé Rousseau, Moussa N’Diaye');
		expect(team[3]).toBe('Europe/Paris');
		const victor = parsed.data.find((row) => row[6] === 'Victor Caron')!;
		expect(victor[4]).toBe('Jury A');
		expect(victor[5]).toBe('Salle Turing');
		expect(victor[10]).toBe('Claire Martin, Julien Bernard');
		const remote = parsed.data.find((row) => row[4] === 'Jury B');
		if (remote) expect(remote[5]).toBe('https://visio.test/hopper');
		expect(victor[1]).toMatch(/^\d\d:\d\d$/);
	});

	it('XLSX: one sheet per day with the same columns, read back by exceljs', async () => {
		const plan = presentPlan(await loadPlanView(handle.db, fixture.session));
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await planXlsx(plan));
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['2026-12-07']);
		const sheet = workbook.worksheets[0];
		const rows = sheet
			.getSheetValues()
			.filter(Boolean)
			.map((row) => (row as unknown[]).slice(1).map(String));
		expect(rows[0]).toEqual(HEADER);
		expect(rows).toHaveLength(plan.defenses.length + 1);
		expect(
			rows
				.slice(1)
				.map((row) => row[6])
				.sort()
		).toEqual(plan.defenses.map((defense) => defense.label).sort());
	});
});
