import attachment from 'content-disposition';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { fr } from '../../i18n/fr';
import type { PresentedPlan } from './schedule-presenter';
import { juryName } from '$lib/i18n/fr/common';

/** One line per defense, the columns of `fr.planning.exportColumns`, times in the session's zone. */
export function planExportRows(plan: PresentedPlan): string[][] {
	const juries = new Map(plan.juries.map((jury) => [jury.id, jury]));
	return plan.defenses.map((defense) => [
		defense.date,
		defense.startLocal,
		defense.endLocal,
		plan.timezone,
		juryName(defense.juryLabel),
		defense.place,
		defense.names.join(', '),
		defense.emails.join(', '),
		defense.team ?? '',
		defense.projects.join(' / '),
		(juries.get(defense.juryId)?.members ?? []).join(', ')
	]);
}

/** CSV for French spreadsheet software: UTF-8 with a byte-order mark, semicolons, CRLF. */
export function planCsv(plan: PresentedPlan): string {
	return (
		'\uFEFF' +
		Papa.unparse([fr.planning.exportColumns, ...planExportRows(plan)], {
			delimiter: ';',
			newline: '\r\n',
			quotes: false,
			escapeFormulae: true
		}) +
		'\r\n'
	);
}

/** One sheet per day, same columns as the CSV. */
export async function planXlsx(plan: PresentedPlan): Promise<ExcelJS.Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Soutenance';
	const rows = planExportRows(plan);
	for (const day of plan.days) {
		const sheet = workbook.addWorksheet(day.date);
		sheet.addRow(fr.planning.exportColumns).font = { bold: true };
		for (const row of rows.filter((line) => line[0] === day.date)) sheet.addRow(row);
		sheet.columns.forEach((column, index) => (column.width = index >= 5 ? 30 : 12));
		sheet.views = [{ state: 'frozen', ySplit: 1 }];
	}
	if (plan.days.length === 0) workbook.addWorksheet('Planning').addRow(fr.planning.exportColumns);
	return workbook.xlsx.writeBuffer();
}

/** A JSON document as a download. */
export function jsonDownload(document: unknown, filename: string): Response {
	return new Response(JSON.stringify(document, null, 2) + '\n', {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': attachment(filename),
			'cache-control': 'no-store'
		}
	});
}
