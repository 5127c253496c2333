import { PNG } from 'pngjs';
import { inkedPixels, MIN_INKED_PIXELS, signatureHeaderRefusal, type SignatureRefusal } from '$lib/domain/attendance/signature-image';
import { isDrawableImage } from '../documents/letterhead';

/**
 * What is wrong with the bytes of a drawn signature, or null: the header checks of the domain,
 * then the whole PNG decoded (a forged or truncated file is refused), then some ink on it, and
 * last, that the sheet's PDF can draw it.
 */
export function signatureRefusal(bytes: Buffer): SignatureRefusal | null {
	const header = signatureHeaderRefusal(bytes);
	if (header) return header;
	let decoded: PNG;
	try {
		decoded = PNG.sync.read(bytes);
	} catch {
		return 'not-png';
	}
	if (inkedPixels(decoded.data) < MIN_INKED_PIXELS) return 'blank';
	return isDrawableImage(bytes) ? null : 'not-png';
}
