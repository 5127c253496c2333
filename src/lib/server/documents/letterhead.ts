import PDFDocument from 'pdfkit';
import { initials } from '$lib/domain/certifier';
import { fr } from '$lib/i18n/fr';

type Pdf = InstanceType<typeof PDFDocument>;

/** Who issues a document: the certifier's name and logo (PNG or JPEG bytes), drawn at the top of every page. */
export interface Letterhead {
	certifier: { name: string; logo: { bytes: Buffer; type: string } | null };
	/** The document's reference, printed with the page numbers at the foot of every page. */
	reference: string;
}

const BRAND = '#1d3b6f';
const MARK = 34;
const LETTERHEAD_TOP = 30;
/** The page margins of a document with a letterhead: the content starts below it and ends above the footer. */
export const LETTERHEAD_MARGINS = { top: 96, bottom: 60, left: 56, right: 56 };

/** Whether pdfkit can draw these bytes as an image (a PNG or JPEG that is not truncated or forged). */
export function isDrawableImage(bytes: Buffer): boolean {
	try {
		const probe = new PDFDocument({ autoFirstPage: false });
		(probe as unknown as { openImage(src: Buffer): unknown }).openImage(bytes);
		return true;
	} catch {
		return false;
	}
}

/** The certifier's logo (or its initials in a drawn mark) and name, above a rule, at the top of the current page. */
function drawLetterhead(document: Pdf, letterhead: Letterhead): void {
	const { left } = document.page.margins;
	const x = left;
	const y = LETTERHEAD_TOP;
	const { logo, name } = letterhead.certifier;
	if (logo) {
		document.image(logo.bytes, x, y, { fit: [MARK * 2.5, MARK], valign: 'center' });
	} else {
		document.save().roundedRect(x, y, MARK, MARK, 6).fill(BRAND).restore();
		document
			.font('Helvetica-Bold')
			.fontSize(14)
			.fillColor('#ffffff')
			.text(initials(name), x, y + MARK / 2 - 8, { width: MARK, align: 'center', lineBreak: false });
	}
	const textX = x + (logo ? MARK * 2.5 : MARK) + 10;
	document
		.font('Helvetica-Bold')
		.fontSize(12)
		.fillColor(BRAND)
		.text(name, textX, y + 4, { lineBreak: false })
		.font('Helvetica')
		.fontSize(8.5)
		.fillColor('#444444')
		.text(fr.certifier.documents.issuer, textX, y + 20, { lineBreak: false });
	const ruleY = y + MARK + 8;
	document
		.save()
		.moveTo(left, ruleY)
		.lineTo(document.page.width - document.page.margins.right, ruleY)
		.lineWidth(0.75)
		.strokeColor(BRAND)
		.stroke()
		.restore();
}

/**
 * The letterhead at the top and « Réf. … Page 1 / 2 » at the foot of every page, once the document
 * is laid out (its pages buffered), so the count is known and no text flow is cut by them.
 */
export function drawLetterheads(document: Pdf, letterhead: Letterhead): void {
	const range = document.bufferedPageRange();
	for (let index = range.start; index < range.start + range.count; index++) {
		document.switchToPage(index);
		drawLetterhead(document, letterhead);
		const { left, right, bottom } = document.page.margins;
		const width = document.page.width - left - right;
		const y = document.page.height - bottom + 18;
		// Writing below the bottom margin would open a new page: the margin is lifted while the footer is drawn.
		document.page.margins.bottom = 0;
		document
			.font('Helvetica')
			.fontSize(8.5)
			.fillColor('#444444')
			.text(fr.certifier.documents.reference(letterhead.reference), left, y, { width, align: 'left', lineBreak: false })
			.text(fr.certifier.documents.page(index - range.start + 1, range.count), left, y, { width, align: 'right', lineBreak: false });
		document.page.margins.bottom = bottom;
	}
	document.fillColor('#000000');
}
