import type PDFDocument from 'pdfkit';
import { localDateText } from '$lib/domain/attendance/half-day';
import { formatInTimeZone, zoneLabel } from '$lib/domain/time/format';
import { fr } from '$lib/i18n/fr';
import { juryName } from '$lib/i18n/fr/common';
import type { AttendanceSheet, SheetLine } from '../attendance/attendance-service';
import type { Letterhead } from './letterhead';
import { field, heading, recordReference, renderPdf, rule } from './pv-pdf';

const t = fr.attendance.pdf;
type Pdf = InstanceType<typeof PDFDocument>;

const ROW_HEIGHT = 52;
const SIGNATURE_BOX = { width: 150, height: 44 };

/** A table whose last column holds each person's signature (the PNG drawn) or what stands for it. */
function signatureTable(document: Pdf, headers: string[], rows: { cells: string[]; line: SheetLine; absent?: boolean }[]) {
	const { left } = document.page.margins;
	const width = document.page.width - left - document.page.margins.right;
	const signatureX = left + width - SIGNATURE_BOX.width;
	const textWidth = signatureX - left - 8;
	const columns = headers.length - 1;
	const columnWidth = (index: number) => (index === 0 ? textWidth * 0.42 : (textWidth * 0.58) / (columns - 1));
	const columnX = (index: number) => left + (index === 0 ? 0 : textWidth * 0.42 + ((textWidth * 0.58) / (columns - 1)) * (index - 1));
	const header = () => {
		const y = document.y;
		document.font('Helvetica-Bold').fontSize(9);
		headers.slice(0, -1).forEach((text, index) => document.text(text, columnX(index), y, { width: columnWidth(index) - 6 }));
		document.text(headers.at(-1)!, signatureX, y, { width: SIGNATURE_BOX.width });
		document.y = y + 16;
		rule(document, left, width, document.y - 3);
	};
	header();
	for (const row of rows) {
		if (document.y + ROW_HEIGHT > document.page.height - document.page.margins.bottom) {
			document.addPage();
			header();
		}
		const y = document.y;
		document.font('Helvetica').fontSize(9.5).fillColor('#000000');
		row.cells.forEach((text, index) =>
			document.text(text, columnX(index), y + 4, { width: columnWidth(index) - 6, height: ROW_HEIGHT - 6 })
		);
		const { signature } = row.line;
		if (signature?.image) {
			document.image(signature.image, signatureX, y + 2, { fit: [SIGNATURE_BOX.width, SIGNATURE_BOX.height], valign: 'center' });
		} else {
			const text = row.absent ? t.absent : signature ? t.onPaper : t.notSigned;
			document
				.font(row.absent ? 'Helvetica-Bold' : 'Helvetica-Oblique')
				.fillColor(row.absent ? '#8a1c1c' : '#444444')
				.text(text, signatureX, y + 16, { width: SIGNATURE_BOX.width });
		}
		if (signature?.collectorName)
			document
				.font('Helvetica')
				.fontSize(7.5)
				.fillColor('#444444')
				.text(t.collectedBy(signature.collectorName), signatureX, y + SIGNATURE_BOX.height + 1, { width: SIGNATURE_BOX.width });
		document.fillColor('#000000');
		document.x = left;
		document.y = y + ROW_HEIGHT + 6;
		rule(document, left, width, document.y - 3);
	}
	document.x = left;
}

/** The time a line was signed, in the session's zone, or « — ». */
const signedTime = (line: SheetLine, timezone: string) =>
	line.signature ? formatInTimeZone(line.signature.signedAt, timezone, 'HH:mm') : '—';

/** One jury's attendance sheet for one half-day: who came, when they signed, and their signature. */
export function attendancePdf(sheet: AttendanceSheet, certifier: Letterhead['certifier'], createdAt: Date): Promise<Buffer> {
	const { jury, halfDay } = sheet;
	const halfDayText = fr.attendance.halfDayLabel(halfDay.part, localDateText(halfDay.date));
	const zone = jury.timezone;
	const sample = sheet.candidates[0]?.plannedStart ?? createdAt;
	const reference = `${recordReference(jury.sessionId, jury.label, null, 'EM')}-${halfDay.date.replace(/-/g, '')}${
		halfDay.part === 'morning' ? 'M' : 'A'
	}`;
	return renderPdf(
		{
			title: `${t.title} · ${t.subject(jury.label, halfDayText)}`,
			subject: jury.sessionName,
			createdAt,
			letterhead: { certifier, reference }
		},
		(document) => {
			document.font('Helvetica-Bold').fontSize(18).text(t.title);
			document.moveDown(0.3);
			field(document, t.session, jury.sessionName);
			field(document, t.jury, juryName(jury.label));
			field(document, t.rooms, sheet.rooms.join(' ; ') || '—');
			field(document, t.date, halfDayText);
			document
				.fillColor('#444444')
				.fontSize(9)
				.text(t.zone(zoneLabel(sample, zone)))
				.fillColor('#000000');

			heading(document, t.candidates, 11);
			if (sheet.candidates.length === 0) document.text(t.none);
			else
				signatureTable(
					document,
					[t.name, t.planned, t.arrival, t.signature],
					sheet.candidates.map((candidate) => ({
						cells: [
							candidate.name,
							formatInTimeZone(candidate.plannedStart, zone, 'HH:mm'),
							candidate.absent ? t.absent : signedTime(candidate, zone)
						],
						line: candidate,
						absent: candidate.absent
					}))
				);

			heading(document, t.jurors, 11);
			signatureTable(
				document,
				[t.name, t.role, t.arrival, t.signature],
				sheet.jurors.map((juror) => ({
					cells: [juror.name, juror.president ? t.president : t.member, signedTime(juror, zone)],
					line: { ...juror, signature: juror.signature && { ...juror.signature, collectorName: null } }
				}))
			);
			document.moveDown(0.8).font('Helvetica').fontSize(8.5).fillColor('#444444').text(t.footer).fillColor('#000000');
		}
	);
}
