import { describe, expect, it } from 'vitest';
import { distinctHalfDays, halfDayOf, halfDaySlug, parseHalfDaySlug, signingRefusal } from './half-day';
import { inkedPixels, pngDimensions, SIGNATURE_MAX_BYTES, signatureHeaderRefusal } from './signature-image';

const paris = 'Europe/Paris';

describe('half-days of an attendance sheet', () => {
	it('splits the day at 13:00 in the session’s zone, not in UTC', () => {
		expect(halfDayOf(new Date('2026-12-07T11:59:00Z'), paris)).toEqual({ date: '2026-12-07', part: 'morning' }); // 12:59 Paris
		expect(halfDayOf(new Date('2026-12-07T12:00:00Z'), paris)).toEqual({ date: '2026-12-07', part: 'afternoon' }); // 13:00 Paris
		expect(halfDayOf(new Date('2026-12-07T12:30:00Z'), 'America/Montreal')).toEqual({ date: '2026-12-07', part: 'morning' });
		// 23:30 UTC is already the next morning in Paris.
		expect(halfDayOf(new Date('2026-12-07T23:30:00Z'), paris)).toEqual({ date: '2026-12-08', part: 'morning' });
	});

	it('keeps 13:00 across a DST change (summer time: UTC+2)', () => {
		expect(halfDayOf(new Date('2027-03-29T10:59:00Z'), paris).part).toBe('morning');
		expect(halfDayOf(new Date('2027-03-29T11:00:00Z'), paris).part).toBe('afternoon');
	});

	it('names a half-day in a URL and reads it back, refusing anything else', () => {
		expect(halfDaySlug({ date: '2026-12-07', part: 'afternoon' })).toBe('2026-12-07-apres-midi');
		expect(parseHalfDaySlug('2026-12-07-matin')).toEqual({ date: '2026-12-07', part: 'morning' });
		expect(parseHalfDaySlug('2026-12-07-apres-midi')).toEqual({ date: '2026-12-07', part: 'afternoon' });
		for (const wrong of ['2026-02-30-matin', '2026-12-07-soir', '2026-12-07', '', '2026-12-07-matin\n', '../2026-12-07-matin'])
			expect(parseHalfDaySlug(wrong)).toBeNull();
	});

	it('lists half-days once each, in time order', () => {
		const list = distinctHalfDays([
			{ date: '2026-12-08', part: 'morning' },
			{ date: '2026-12-07', part: 'afternoon' },
			{ date: '2026-12-07', part: 'morning' },
			{ date: '2026-12-07', part: 'afternoon' }
		]);
		expect(list.map(halfDaySlug)).toEqual(['2026-12-07-matin', '2026-12-07-apres-midi', '2026-12-08-matin']);
	});

	it('takes a signature on the half-day’s own date only, never ahead of the half-day', () => {
		const morning = { date: '2026-12-07', part: 'morning' as const };
		const afternoon = { date: '2026-12-07', part: 'afternoon' as const };
		expect(signingRefusal(morning, new Date('2026-12-07T08:00:00Z'), paris)).toBeNull();
		expect(signingRefusal(afternoon, new Date('2026-12-07T08:00:00Z'), paris)).toBe('not-yet');
		// The morning's signature, late, in the afternoon: taken (the sheet prints its time).
		expect(signingRefusal(morning, new Date('2026-12-07T14:00:00Z'), paris)).toBeNull();
		expect(signingRefusal(afternoon, new Date('2026-12-07T14:00:00Z'), paris)).toBeNull();
		expect(signingRefusal(morning, new Date('2026-12-08T08:00:00Z'), paris)).toBe('not-today');
		expect(signingRefusal(morning, new Date('2026-12-06T08:00:00Z'), paris)).toBe('not-today');
	});
});

/** The first bytes of a PNG: signature and IHDR header (the rest is not read by these checks). */
function pngHeader(width: number, height: number, type = 'IHDR'): Uint8Array {
	const bytes = new Uint8Array(64);
	bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	const view = new DataView(bytes.buffer);
	view.setUint32(8, 13);
	bytes.set(
		[...type].map((char) => char.charCodeAt(0)),
		12
	);
	view.setUint32(16, width);
	view.setUint32(20, height);
	return bytes;
}

describe('the PNG of a drawn signature', () => {
	it('reads the dimensions from the header', () => {
		expect(pngDimensions(pngHeader(900, 360))).toEqual({ width: 900, height: 360 });
		expect(pngDimensions(pngHeader(900, 360, 'IDAT'))).toBeNull();
		expect(pngDimensions(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'.padEnd(64)))).toBeNull();
		expect(pngDimensions(pngHeader(900, 360).subarray(0, 20))).toBeNull();
	});

	it('refuses nothing, a non-PNG, a file over the cap and odd dimensions', () => {
		expect(signatureHeaderRefusal(new Uint8Array(0))).toBe('missing');
		expect(signatureHeaderRefusal(new Uint8Array([0xff, 0xd8, 0xff, ...new Uint8Array(60)]))).toBe('not-png');
		const huge = new Uint8Array(SIGNATURE_MAX_BYTES + 1);
		huge.set(pngHeader(900, 360));
		expect(signatureHeaderRefusal(huge)).toBe('too-large');
		expect(signatureHeaderRefusal(pngHeader(900, 360))).toBeNull();
		expect(signatureHeaderRefusal(pngHeader(20_000, 360))).toBe('dimensions');
		expect(signatureHeaderRefusal(pngHeader(900, 10))).toBe('dimensions');
		expect(signatureHeaderRefusal(pngHeader(1, 1))).toBe('dimensions');
	});

	it('counts the inked pixels: dark and opaque, not white, not transparent', () => {
		const pixel = (r: number, g: number, b: number, a: number) => [r, g, b, a];
		const rgba = new Uint8Array([
			...pixel(20, 30, 60, 255), // ink
			...pixel(0, 0, 0, 0), // transparent background
			...pixel(255, 255, 255, 255), // white background
			...pixel(0, 0, 0, 60), // a faint smudge
			...pixel(40, 40, 40, 200) // ink
		]);
		expect(inkedPixels(rgba)).toBe(2);
	});
});
