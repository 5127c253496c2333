import { describe, expect, it } from 'vitest';
import { jurorProfileFromForm, parseTags } from './juror-profile';

describe('juror profile input', () => {
	it('splits expertise on commas, trims, drops empty and repeated tags', () => {
		expect(parseTags(' NLP, vision ,, nlp,deep  learning ')).toEqual(['NLP', 'vision', 'deep learning']);
		expect(parseTags('')).toEqual([]);
	});

	it('reads unticked checkboxes as false and an empty company as none', () => {
		expect(jurorProfileFromForm({ company: '  ', expertise: 'finance', presidentEligible: 'on' })).toEqual({
			company: null,
			expertise: ['finance'],
			external: false,
			presidentEligible: true
		});
	});
});
