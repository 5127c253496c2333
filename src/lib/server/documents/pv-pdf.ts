import PDFDocument from 'pdfkit';
import { durationText, type RecordCandidate, type RecordContent, type RecordSignature } from '$lib/domain/certification/record';
import { fr } from '$lib/i18n/fr';
import type { AuditAnchor } from '../audit/audit-repository';
import { drawLetterheads, LETTERHEAD_MARGINS, type Letterhead } from './letterhead';
import { juryName } from '$lib/i18n/fr/common';

const t = fr.certification;
type Pdf = InstanceType<typeof PDFDocument>;

/**
 * Renders an A4 PDF (standard Helvetica, whose encoding covers French accents). The creation date
 * is given, not "now": pdfkit derives the file identifier from it, so the same input gives the
 * same bytes.
 */
export function renderPdf(
	info: { title: string; subject: string; createdAt: Date; letterhead?: Letterhead },
	draw: (document: Pdf) => void
): Promise<Buffer> {
	const { letterhead } = info;
	const document = new PDFDocument({
		size: 'A4',
		margins: letterhead ? LETTERHEAD_MARGINS : { top: 56, bottom: 56, left: 56, right: 56 },
		bufferPages: Boolean(letterhead),
		info: { Title: info.title, Author: letterhead?.certifier.name ?? fr.app.name, Subject: info.subject, CreationDate: info.createdAt }
	});
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		document.on('data', (chunk: Buffer) => chunks.push(chunk));
		document.on('end', () => resolve(Buffer.concat(chunks)));
		document.on('error', reject);
	});
	draw(document);
	// Once laid out, each (buffered) page gets the letterhead above its top margin and its footer below the bottom one.
	if (letterhead) drawLetterheads(document, letterhead);
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

/** The accommodations granted, the durations the timer recorded and the jurors present (records of format 2 only). */
function drawAccommodations(document: Pdf, candidate: RecordCandidate): void {
	const { accommodations, jurors } = candidate;
	if (!accommodations) return;
	const granted = [
		...(accommodations.extraTimePercent > 0 ? [t.pv.extraTime(accommodations.extraTimePercent)] : []),
		...(accommodations.other ? [t.pv.otherArrangements(accommodations.other.replace(/\n/g, ' ; '))] : [])
	];
	field(document, t.pv.accommodationsGranted, granted.length ? granted.join(' ; ') : t.pv.noAccommodation);
	const delivered = accommodations.delivered.map((phase) =>
		t.pv.phaseDelivered(t.phases[phase.phase] ?? phase.phase, durationText(phase.actualSeconds), durationText(phase.plannedSeconds))
	);
	field(
		document,
		accommodations.extraTimePercent > 0 ? t.pv.durationsWithExtraTime : t.pv.durations,
		candidate.absent ? '—' : delivered.length ? delivered.join(' ; ') : t.pv.notTimed
	);
	if (jurors) field(document, t.pv.jurorsPresent, jurors.length ? jurors.join(', ') : '—');
}

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

	if (content.juryIncidents) {
		heading(document, t.pv.juryIncidents, 11);
		if (content.juryIncidents.length) bullets(document, content.juryIncidents);
		else document.text(t.pv.noJuryIncident);
	}

	heading(document, t.pv.rule, 11);
	document.text(content.rule);

	heading(document, t.pv.candidates, 11);
	for (const candidate of content.candidates) {
		document
			.moveDown(0.6)
			.font('Helvetica-Bold')
			.fontSize(11)
			.text(candidate.number === undefined ? candidate.name : t.pv.candidateWithNumber(candidate.name, candidate.number));
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
		drawAccommodations(document, candidate);
		field(document, t.pv.incidents, candidate.incidents.length ? candidate.incidents.join(' ; ') : t.pv.noIncident);
	}
}

/**
 * The signatures, the content's hash and the journal's head when the last member signed: a reader
 * holding this document finds out whether the journal was later shortened or rewritten. Records
 * signed before the journal was anchored have none.
 */
function drawSignatures(
	document: Pdf,
	content: RecordContent,
	signatures: RecordSignature[],
	contentSha256: string,
	anchor: AuditAnchor | null
): void {
	heading(document, t.pv.signatures, 11);
	// One line per signer: name, role in the jury, time of signature (the record keeps names; roles come from its members).
	const { left } = document.page.margins;
	const width = document.page.width - left - document.page.margins.right;
	const columns = [0, width * 0.36, width * 0.66];
	// The header row in bold, and in each signer's row their name, so it reads at a glance beside the role and the time.
	const row = (cells: string[], header: boolean) => {
		const fontOf = (index: number) => (header || index === 0 ? 'Helvetica-Bold' : 'Helvetica');
		const widthOf = (index: number) => (columns[index + 1] ?? width) - columns[index] - 8;
		document.fontSize(10);
		const height = Math.max(...cells.map((cell, index) => document.font(fontOf(index)).heightOfString(cell, { width: widthOf(index) })));
		if (document.y + height > document.page.height - document.page.margins.bottom) document.addPage();
		const y = document.y;
		cells.forEach((cell, index) => document.font(fontOf(index)).text(cell, left + columns[index], y, { width: widthOf(index) }));
		document.x = left;
		document.y = y + height + 6;
		rule(document, left, width, document.y - 3);
	};
	row([t.pv.signer, t.pv.role, t.pv.signedOn], true);
	for (const signature of signatures) {
		const member = content.jury.members.find((entry) => entry.name === signature.name);
		const role = member
			? `${member.president ? t.pv.presidentRole : t.pv.memberRole}, ${member.external === false ? t.pv.internal : t.pv.external}`
			: '—';
		row([signature.name, role, signature.signedAt], false);
	}
	document.font('Helvetica').fontSize(10);
	// A label and its fingerprint are read together: neither is left alone at the foot of a page.
	const keepTogether = () => {
		if (document.y + 4 * document.currentLineHeight(true) > document.page.height - document.page.margins.bottom) document.addPage();
	};
	keepTogether();
	document
		.moveDown(0.5)
		.font('Helvetica-Bold')
		.text(`${t.pv.contentHash} :`)
		.font('Courier')
		.fontSize(9)
		.text(contentSha256)
		.font('Helvetica')
		.fontSize(10);
	if (anchor) {
		keepTogether();
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
}

/** A thin grey line across a table, under a row. */
export function rule(document: Pdf, left: number, width: number, y: number): void {
	document
		.save()
		.moveTo(left, y)
		.lineTo(left + width, y)
		.lineWidth(0.5)
		.strokeColor('#c9d1dc')
		.stroke()
		.restore();
}

/**
 * A document's reference: « PV-<session>-A-V2 » for jury A's record version 2, « PV-<session> » for the
 * session's; another kind of document gives its own prefix (« EM » for an attendance sheet).
 */
export function recordReference(sessionId: string, juryLabel: string | null, version: number | null, prefix = 'PV'): string {
	const session = sessionId.replace(/-/g, '').slice(0, 8).toUpperCase();
	const jury = juryLabel
		? `-${
				juryLabel
					.normalize('NFD')
					.replace(/[^A-Za-z0-9]/g, '')
					.toUpperCase() || 'JURY'
			}`
		: '';
	return `${prefix}-${session}${jury}${version ? `-V${version}` : ''}`;
}

/** One jury's procès-verbal, as its members signed it. */
export function recordPdf(
	content: RecordContent,
	signatures: RecordSignature[],
	contentSha256: string,
	anchor: AuditAnchor,
	lockedAt: Date,
	certifier: Letterhead['certifier']
): Promise<Buffer> {
	return renderPdf(
		{
			title: `${t.pv.title} · ${juryName(content.jury.label)}`,
			subject: content.session.name,
			createdAt: lockedAt,
			letterhead: { certifier, reference: recordReference(content.session.id, content.jury.label, content.version) }
		},
		(document) => {
			document.font('Helvetica-Bold').fontSize(18).text(t.pv.title);
			document
				.font('Helvetica')
				.fontSize(10)
				.fillColor('#444444')
				.text(`${t.pv.version(content.version)} · ${juryName(content.jury.label)}`)
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
			drawSignatures(document, content, signatures, contentSha256, anchor);
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
export function sessionRecordPdf(
	session: { id: string; name: string },
	records: SignedRecord[],
	unsigned: string[],
	certifier: Letterhead['certifier']
): Promise<Buffer> {
	const sessionName = session.name;
	const createdAt = new Date(Math.max(0, ...records.map((record) => record.lockedAt.getTime())));
	const letterhead = { certifier, reference: recordReference(session.id, null, null) };
	return renderPdf({ title: `${t.pv.sessionRecord} · ${sessionName}`, subject: sessionName, createdAt, letterhead }, (document) => {
		document.font('Helvetica-Bold').fontSize(18).text(t.pv.sessionRecord);
		document.font('Helvetica').fontSize(11).text(sessionName);
		for (const label of unsigned) document.moveDown(0.3).fillColor('#8a1c1c').text(t.pv.juryNotSigned(label)).fillColor('#000000');
		for (const [index, record] of records.entries()) {
			if (index > 0) document.addPage();
			heading(document, `${juryName(record.content.jury.label)} · ${t.pv.version(record.content.version)}`, 14);
			drawRecord(document, record.content);
			drawSignatures(document, record.content, record.signatures, record.contentSha256, record.anchor);
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
