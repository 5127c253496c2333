import type { Convocation } from '$lib/domain/publication/convocation';
import { fr } from '$lib/i18n/fr';
import { convocationSections } from './convocation-text';
import type { Letterhead } from './letterhead';
import { renderPdf } from './pv-pdf';

const t = fr.publication;

/** The convocation's reference: its session, its candidate and the plan version it comes from. */
export function convocationReference(convocation: Pick<Convocation, 'sessionId' | 'candidate' | 'version'>): string {
	const short = (id: string) => id.replace(/-/g, '').slice(0, 8).toUpperCase();
	return `CONV-${short(convocation.sessionId)}-${short(convocation.candidate.id)}-V${convocation.version}`;
}

/** The convocation as an A4 PDF on the certifier's letterhead (standard Helvetica, whose encoding covers French accents). */
export function convocationPdf(convocation: Convocation, certifier: Letterhead['certifier']): Promise<Buffer> {
	return renderPdf(
		{
			title: `${t.convocationTitle} · ${convocation.candidate.name}`,
			subject: convocation.sessionName,
			createdAt: new Date(),
			letterhead: { certifier, reference: convocationReference(convocation) }
		},
		(document) => {
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
			document.text(certifier.name);
		}
	);
}
