import { fr } from '$lib/i18n/fr';
import { field, heading, renderPdf } from './pv-pdf';
import type { Letterhead } from './letterhead';

const t = fr.certification.results;

export interface Attestation {
	certifier: Letterhead['certifier'];
	/** The attestation's reference, printed at the foot of each page. */
	reference: string;
	certification: string;
	sessionName: string;
	candidateName: string;
	outcome: string;
	validatedBlocks: string[];
	issuedOn: string;
	/** The decision's time: the document's creation date, so the same decision gives the same file. */
	decidedAt: Date;
}

/** The candidate's attestation of results: the title decision and the validated blocks. */
export function attestationPdf(attestation: Attestation): Promise<Buffer> {
	return renderPdf(
		{
			title: `${t.attestationTitle} · ${attestation.candidateName}`,
			subject: attestation.sessionName,
			createdAt: attestation.decidedAt,
			letterhead: { certifier: attestation.certifier, reference: attestation.reference }
		},
		(document) => {
			document.font('Helvetica-Bold').fontSize(20).text(t.attestationTitle);
			document.moveDown(0.3).font('Helvetica').fontSize(11).fillColor('#444444').text(attestation.certification).fillColor('#000000');
			document
				.moveDown(1)
				.text(t.attestationBody(attestation.certifier.name, attestation.candidateName, attestation.certification, attestation.sessionName));
			document.moveDown(0.5);
			field(document, t.attestationOutcome, attestation.outcome);
			heading(document, t.attestationBlocks, 12);
			if (attestation.validatedBlocks.length === 0) document.text(t.attestationNone);
			for (const block of attestation.validatedBlocks) document.text(`•  ${block}`, { indent: 8 });
			document.moveDown(1.5).text(t.attestationIssued(attestation.issuedOn));
			document.moveDown(0.3).text(attestation.certifier.name);
		}
	);
}
