import { describe, expect, it } from 'vitest';
import { hasControlCharacter } from './text';

describe('hasControlCharacter', () => {
	it('finds NUL and the other control characters, not tabs, line breaks nor any letter', () => {
		for (const text of ['a\u0000b', '\u0007', 'x\u001b[31m', '\u007f', '\u000b'])
			expect(hasControlCharacter(text), JSON.stringify(text)).toBe(true);
		for (const text of ['', 'Première ligne\r\nSeconde\tligne\n', 'Łódź — « é » 😀']) expect(hasControlCharacter(text), text).toBe(false);
	});
});
