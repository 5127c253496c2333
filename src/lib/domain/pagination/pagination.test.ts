import { describe, expect, it } from 'vitest';
import { askedPage, pageHref, pageLinks, paginate } from './pagination';

describe('pagination', () => {
	it('reads ?page= as a positive integer, else the first page', () => {
		expect([null, '', '0', '-2', '1.5', 'abc', '3', '1e400'].map(askedPage)).toEqual([1, 1, 1, 1, 1, 1, 3, 1]);
	});

	it('gives the offset of the page, and shows the last page for one past it', () => {
		expect(paginate(1, 0)).toMatchObject({ page: 1, pageCount: 1, offset: 0 });
		expect(paginate(3, 1000, 100)).toMatchObject({ page: 3, pageCount: 10, offset: 200, total: 1000 });
		expect(paginate(12, 1000, 100)).toMatchObject({ page: 10, offset: 900 });
		expect(paginate(2, 201, 100)).toMatchObject({ page: 2, pageCount: 3, offset: 100 });
	});

	it('links the first, the last and the pages around the current one, with gaps', () => {
		expect(pageLinks({ page: 1, pageCount: 1 })).toEqual([1]);
		expect(pageLinks({ page: 1, pageCount: 4 })).toEqual([1, 2, 3, 4]);
		expect(pageLinks({ page: 6, pageCount: 20 })).toEqual([1, null, 4, 5, 6, 7, 8, null, 20]);
		expect(pageLinks({ page: 20, pageCount: 20 })).toEqual([1, null, 18, 19, 20]);
		expect(pageLinks({ page: 4, pageCount: 7 })).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});

	it('keeps the search and the other parameters in the links', () => {
		const url = new URL('http://localhost/coordination/sessions/s/candidats?q=caron%20%26%20fils&page=2');
		expect(pageHref(url, 3)).toBe('?q=caron+%26+fils&page=3');
		expect(pageHref(url, 1)).toBe('?q=caron+%26+fils');
		expect(pageHref(new URL('http://localhost/coordination/messages?page=4'), 1)).toBe('/coordination/messages');
	});
});
