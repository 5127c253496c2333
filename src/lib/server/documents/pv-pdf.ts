import PDFDocument from 'pdfkit';
import type { RecordContent, RecordSignature } from '$lib/domain/certification/record';
import { fr } from '$lib/i18n/fr';
import type { AuditAnchor } from '../audit/audit-repository';

const t = fr.certification;
type Pdf = InstanceType<typeof PDFDocument>;

/**
 * Renders an A4 PDF (standard Helvetica, whose encoding covers French accents). The creation date
 * is given, not "now": pdfkit derives the file identifier from it, so the same input gives the
 * same bytes.
 */
export function renderPdf(info: { title: string; subject: string; createdAt: Date }, draw: (document: Pdf) => void): Promise<Buffer> {
	const document = new PDFDocument({
		size: 'A4',
		margin: 56,
		info: { Title: info.title, Author: fr.app.name, Subject: info.subject, CreationDate: info.createdAt }
	});
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		document.on('data', (chunk: Buffer) => chunks.push(chunk));
		document.on('end', () => resolve(Buffer.concat(chunks)));
		document.on('error', reject);
	});
	draw(document);
	document.end();
	return done;
}

export function heading(document: Pdf, text: string, size = 13): void {
	document.moveDown(0.8).font('Helvetica-Bold').fontSize(size).fillColor('#000000').text(text);
	document.font('Helvetica').fontSize(10);
}

export function field(document: Pdf, label: string, value: string): void {
	document.font('Helvetica-Bold').fontSize(10).text(`${label} : `, { continued: true }).font('Helvetica').text(value);
}

function bullets(document: Pdf, lines: string[]): void {
	for (const line of lines) document.text(`•  ${line}`, { indent: 8 });
}

const decisionLabel = (validated: boolean) => (validated ? t.pv.validated : t.pv.notValidated);

/** The body of one jury's record: header facts, members, rule, then each candidate. */
function drawRecord(document: Pdf, content: RecordContent): void {
	field(document, t.pv.certifier, content.certifier);
	field(
		document,
		t.pv.certification,
		`${content.certification.title} (${t.pv.rncp(content.certification.rncpCode, content.certification.level)})`
	);
	field(document, t.pv.session, content.session.name);
	field(document, t.pv.dates, content.session.dates.join(' ; ') || '—');
	field(document, t.pv.places, content.session.places.join(' ; ') || '—');
	field(document, t.pv.mode, t.pv.modes[content.session.mode]);
	field(document, t.pv.jury, content.jury.label);

	heading(document, t.pv.members, 11);
	bullets(
		document,
		content.jury.members.map(
			(member) =>
				`${member.name} : ${member.president ? t.pv.president : t.pv.member}, ${member.external === false ? t.pv.internal : t.pv.external}`
		)
	);

	heading(document, t.pv.rule, 11);
	document.text(content.rule);

	heading(document, t.pv.candidates, 11);
	for (const candidate of content.candidates) {
		document.moveDown(0.6).font('Helvetica-Bold').fontSize(11).text(candidate.name);
		document.font('Helvetica').fontSize(10);
		if (candidate.projectTitle) document.fillColor('#444444').text(candidate.projectTitle).fillColor('#000000');
		if (candidate.competencies.length > 0) {
			document.text(
				candidate.competencies
					.map(
						(competency) =>
							`${competency.code} : ${competency.acquired ? 'acquise' : 'non acquise'}` +
							(competency.consolidated === null ? '' : ` (niveau consolidé ${competency.consolidated})`)
					)
					.join(' ; ')
			);
		}
		field(
			document,
			t.pv.blocks,
			candidate.blocks.map((block) => `${block.blockCode} ${block.known ? decisionLabel(block.validated) : t.pv.unknown}`).join(', ')
		);
		field(document, t.pv.finalDecision, t.outcomes[candidate.outcome]);
		field(document, t.pv.reasons, candidate.reasons.length ? candidate.reasons.join(' ; ') : '—');
		field(document, t.pv.incidents, candidate.incidents.length ? candidate.incidents.join(' ; ') : t.pv.noIncident);
	}
}

/**
 * The signatures, the content's hash and the journal's head when the last member signed: a reader
 * holding this document finds out whether the journal was later shortened or rewritten. Records
 * signed before the journal was anchored have none.
 */
function drawSignatures(document: Pdf, signatures: RecordSignature[], contentSha256: string, anchor: AuditAnchor | null): void {
	heading(document, t.pv.signatures, 11);
	bullets(
		document,
		signatures.map((signature) => t.pv.signedAt(signature.name, signature.signedAt))
	);
	document
		.moveDown(0.5)
		.font('Helvetica-Bold')
		.text(`${t.pv.contentHash} :`)
		.font('Courier')
		.fontSize(9)
		.text(contentSha256)
		.font('Helvetica')
		.fontSize(10);
	if (anchor)
		document
			.moveDown(0.5)
			.font('Helvetica-Bold')
			.text(`${t.pv.journal} :`)
			.font('Courier')
			.fontSize(9)
			.text(t.pv.journalAnchor(anchor.id, anchor.hash))
			.font('Helvetica')
			.fontSize(10);
}

/** One jury's procès-verbal, as its members signed it. */
export function recordPdf(
	content: RecordContent,
	signatures: RecordSignature[],
	contentSha256: string,
	anchor: AuditAnchor,
	lockedAt: Date
): Promise<Buffer> {
	return renderPdf(
		{ title: `${t.pv.title} · Jury ${content.jury.label}`, subject: content.session.name, createdAt: lockedAt },
		(document) => {
			document.font('Helvetica-Bold').fontSize(18).text(t.pv.title);
			document
				.font('Helvetica')
				.fontSize(10)
				.fillColor('#444444')
				.text(`${t.pv.version(content.version)} · Jury ${content.jury.label}`)
				.fillColor('#000000');
			if (content.previous)
				document
					.moveDown(0.3)
					.font('Courier')
					.fontSize(9)
					.text(t.pv.previous(content.previous.version, content.previous.sha256, content.previous.reason))
					.font('Helvetica')
					.fontSize(10);
			document.moveDown(0.5);
			drawRecord(document, content);
			drawSignatures(document, signatures, contentSha256, anchor);
		}
	);
}

export interface SignedRecord {
	content: RecordContent;
	signatures: RecordSignature[];
	contentSha256: string;
	sha256: string;
	anchor: AuditAnchor | null;
	lockedAt: Date;
}

/** The session's record: every jury's latest signed record, each with its signatures and the SHA-256 of its own file. */
export function sessionRecordPdf(sessionName: string, records: SignedRecord[], unsigned: string[]): Promise<Buffer> {
	const createdAt = new Date(Math.max(0, ...records.map((record) => record.lockedAt.getTime())));
	return renderPdf({ title: `${t.pv.sessionRecord} · ${sessionName}`, subject: sessionName, createdAt }, (document) => {
		document.font('Helvetica-Bold').fontSize(18).text(t.pv.sessionRecord);
		document.font('Helvetica').fontSize(11).text(sessionName);
		for (const label of unsigned) document.moveDown(0.3).fillColor('#8a1c1c').text(t.pv.juryNotSigned(label)).fillColor('#000000');
		for (const [index, record] of records.entries()) {
			if (index > 0) document.addPage();
			heading(document, `Jury ${record.content.jury.label} · ${t.pv.version(record.content.version)}`, 14);
			drawRecord(document, record.content);
			drawSignatures(document, record.signatures, record.contentSha256, record.anchor);
			document
				.moveDown(0.3)
				.font('Courier')
				.fontSize(9)
				.text(t.pv.juryRecordHash(record.content.jury.label, record.content.version, record.sha256))
				.font('Helvetica')
				.fontSize(10);
		}
	});
}
