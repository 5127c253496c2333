import { describe, expect, it } from 'vitest';
import { hasSubmitted, jurorsWhoSubmitted } from './submission';

const at = new Date('2026-12-07T10:00:00Z');

describe('submission', () => {
	it('needs every sheet of the juror submitted, and at least one sheet', () => {
		expect(hasSubmitted([{ submittedAt: at }, { submittedAt: at }])).toBe(true);
		expect(hasSubmitted([{ submittedAt: at }, { submittedAt: null }])).toBe(false);
		expect(hasSubmitted([])).toBe(false);
	});

	it('names the jurors whose every sheet is submitted', () => {
		const sheets = [
			{ jurorId: 'a', submittedAt: at },
			{ jurorId: 'a', submittedAt: at },
			{ jurorId: 'b', submittedAt: at },
			{ jurorId: 'b', submittedAt: null },
			{ jurorId: 'c', submittedAt: null }
		];
		expect(jurorsWhoSubmitted(sheets)).toEqual(new Set(['a']));
	});
});
