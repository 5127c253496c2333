import { startsAsPng } from '../certifier';
// A signature drawn on the tablet arrives as a PNG. Its bytes are checked, not its declared type:
// the PNG signature and header, a size cap (it is kept in the database and drawn on the sheet),
// dimensions within those of the signing pad, and some ink (a blank pad is no signature).

/** The signing pad's drawing surface, in pixels (the canvas scales it to the screen). */
export const SIGNATURE_PAD = { width: 900, height: 360 };
export const SIGNATURE_MAX_BYTES = 200 * 1024;
const SIGNATURE_LIMITS = { minWidth: 300, maxWidth: 1800, minHeight: 120, maxHeight: 900 };
/** Fewer inked pixels than this is a tap or a slip, not a signature. */
export const MIN_INKED_PIXELS = 40;

export type SignatureRefusal = 'missing' | 'too-large' | 'not-png' | 'dimensions' | 'blank';

/** The width and height a PNG's header declares, or null when the bytes do not start as a PNG does. */
export function pngDimensions(bytes: Uint8Array): { width: number; height: number } | null {
	if (bytes.length < 33 || !startsAsPng(bytes)) return null;
	// The first chunk must be IHDR, 13 bytes long: width and height as big-endian 32-bit numbers.
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const type = String.fromCharCode(...bytes.subarray(12, 16));
	if (view.getUint32(8) !== 13 || type !== 'IHDR') return null;
	return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** What is wrong with an uploaded signature before its pixels are read, or null. */
export function signatureHeaderRefusal(bytes: Uint8Array): SignatureRefusal | null {
	if (bytes.length === 0) return 'missing';
	if (bytes.length > SIGNATURE_MAX_BYTES) return 'too-large';
	const size = pngDimensions(bytes);
	if (!size) return 'not-png';
	const { minWidth, maxWidth, minHeight, maxHeight } = SIGNATURE_LIMITS;
	if (size.width < minWidth || size.width > maxWidth || size.height < minHeight || size.height > maxHeight) return 'dimensions';
	return null;
}

/** The pixels that carry ink in RGBA data: mostly opaque and dark enough to be seen on paper. */
export function inkedPixels(rgba: Uint8Array): number {
	let count = 0;
	for (let index = 0; index + 3 < rgba.length; index += 4) {
		const luminance = 0.299 * rgba[index] + 0.587 * rgba[index + 1] + 0.114 * rgba[index + 2];
		if (rgba[index + 3] >= 128 && luminance < 160) count++;
	}
	return count;
}
