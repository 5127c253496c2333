/** Rows per page of a long list (candidates, results, messages): a page stays light at 2000 candidates. */
export const PAGE_SIZE = 100;

export interface Pagination {
	/** The page shown, 1-based, within 1 … pageCount. */
	page: number;
	pageCount: number;
	total: number;
	size: number;
	/** Rows to skip, for the query's OFFSET. */
	offset: number;
}

/** The page number asked for in `?page=`: a positive integer, else the first page. */
export function askedPage(value: string | null): number {
	const asked = Number(value);
	return Number.isSafeInteger(asked) && asked > 0 ? asked : 1;
}

/** The page to show of `total` rows: a page past the last shows the last (a list that shrank keeps a page). */
export function paginate(asked: number, total: number, size = PAGE_SIZE): Pagination {
	const pageCount = Math.max(1, Math.ceil(total / size));
	const page = Math.min(Math.max(1, Math.floor(asked)), pageCount);
	return { page, pageCount, total, size, offset: (page - 1) * size };
}

/**
 * The page numbers a pager links to: the first, the last, and two either side of the current one;
 * `null` stands for the pages left out between them.
 */
export function pageLinks({ page, pageCount }: Pick<Pagination, 'page' | 'pageCount'>, around = 2): (number | null)[] {
	const shown = new Set([1, pageCount]);
	for (let n = page - around; n <= page + around; n++) if (n >= 1 && n <= pageCount) shown.add(n);
	const sorted = [...shown].sort((a, b) => a - b);
	return sorted.flatMap((n, index) => (index > 0 && n - sorted[index - 1] > 1 ? [null, n] : [n]));
}

/** The address of page `n` of the list at `url`, keeping its other parameters (a search, a filter). */
export function pageHref(url: URL, n: number): string {
	const params = new URLSearchParams(url.search);
	if (n > 1) params.set('page', String(n));
	else params.delete('page');
	const query = params.toString();
	return query ? `?${query}` : url.pathname;
}
