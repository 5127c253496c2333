import { describe, expect, it } from 'vitest';
import { isUuid, UUIDS_IN_TEXT } from './ids';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('isUuid', () => {
	it('accepts a uuid in either case and nothing else', () => {
		expect(isUuid(ID)).toBe(true);
		expect(isUuid(ID.toUpperCase())).toBe(true);
		for (const value of ['pas-un-uuid', `${ID}x`, ` ${ID}`, '', null, undefined, 42]) expect(isUuid(value)).toBe(false);
	});

	it('finds every uuid inside a text, call after call', () => {
		const text = `le juré ${ID} et la salle ${ID.toUpperCase()}`;
		expect(text.replace(UUIDS_IN_TEXT, 'X')).toBe('le juré X et la salle X');
		expect(text.replace(UUIDS_IN_TEXT, 'Y')).toBe('le juré Y et la salle Y');
	});
});
