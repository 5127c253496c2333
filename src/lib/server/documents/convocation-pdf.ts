import PDFDocument from 'pdfkit';
import type { Convocation } from '$lib/domain/publication/convocation';
import { fr } from '$lib/i18n/fr';
import { convocationSections } from './convocation-text';

const t = fr.publication;

/** The convocation as an A4 PDF (standard Helvetica, whose encoding covers French accents). */
export function convocationPdf(convocation: Convocation): Promise<Buffer> {
	const document = new PDFDocument({
		size: 'A4',
		margin: 56,
		info: { Title: `${t.convocationTitle} · ${convocation.candidate.name}`, Author: fr.app.name, Subject: convocation.sessionName }
	});
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		document.on('data', (chunk: Buffer) => chunks.push(chunk));
		document.on('end', () => resolve(Buffer.concat(chunks)));
		document.on('error', reject);
	});

	document.font('Helvetica-Bold').fontSize(20).text(t.convocationTitle);
	document.moveDown(0.3).font('Helvetica').fontSize(11).fillColor('#444444').text(convocation.certification);
	document.moveDown(1).fillColor('#000000').fontSize(11).text(t.greeting(convocation.candidate.name));
	document.moveDown(0.5).text(t.convokedTo(convocation.blockCode, convocation.sessionName, convocation.certification));
	for (const section of convocationSections(convocation)) {
		document.moveDown(0.8).font('Helvetica-Bold').text(section.label);
		document.font('Helvetica');
		if (section.lines.length === 1) document.text(section.lines[0]);
		else document.list(section.lines, { bulletRadius: 2, textIndent: 12 });
	}
	document.moveDown(1.5).text(t.signature);
	document.end();
	return done;
}
