/** The most a logo may weigh: it is drawn on every page of every document. */
export const LOGO_MAX_BYTES = 500 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether the bytes open with the PNG signature (a logo, a drawn signature). */
export function startsAsPng(bytes: Uint8Array): boolean {
	return PNG_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

/** The image type of a logo, read from its bytes (not from its name or declared type), or null. */
export function logoType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
	if (bytes.length > 24 && startsAsPng(bytes)) return 'image/png';
	if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
	return null;
}

/** The initials drawn in place of a logo: « Jedha » → « J », « École des Mines » → « ÉM ». */
export function initials(name: string): string {
	const words = name.split(/[\s'’-]+/).filter((word) => word.length > 0 && !/^(de|des|du|la|le|les|et|d|l)$/i.test(word));
	return (words.length > 0 ? words : [name])
		.slice(0, 2)
		.map((word) => word[0].toLocaleUpperCase('fr-FR'))
		.join('');
}

/** « que » before a name, elided before a vowel or a mute h: « qu'Amélie », « que Moussa ». */
export function queBefore(name: string): string {
	return /^[aeiouyhàâäéèêëîïôöùûüœæ]/i.test(name.trim()) ? `qu'${name}` : `que ${name}`;
}
