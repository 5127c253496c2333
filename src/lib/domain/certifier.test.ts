import { describe, expect, it } from 'vitest';
import { initials, logoType, queBefore } from './certifier';

describe('the certifier on documents', () => {
	it('elides « que » before a vowel or a mute h, not before a consonant', () => {
		expect(queBefore('Amélie Lefèvre')).toBe("qu'Amélie Lefèvre");
		expect(queBefore('Étienne Bouchard')).toBe("qu'Étienne Bouchard");
		expect(queBefore('Hugo Lambert')).toBe("qu'Hugo Lambert");
		expect(queBefore('Inès Garcia')).toBe("qu'Inès Garcia");
		expect(queBefore('Moussa N’Diaye')).toBe('que Moussa N’Diaye');
	});

	it('reads the type of a logo from its bytes, whatever its name says', () => {
		expect(logoType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(20).fill(0)]))).toBe('image/png');
		expect(logoType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
		expect(logoType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
	});

	it('draws initials in place of a missing logo', () => {
		expect(initials('Jedha')).toBe('J');
		expect(initials('École des Mines')).toBe('ÉM');
	});
});
