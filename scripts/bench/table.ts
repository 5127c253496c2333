/** One row of a Markdown table, as the benchmarks print them. */
export function tableRow(...cells: unknown[]): string {
	return `| ${cells.join(' | ')} |`;
}

/** ✓ when a target is met, ✗ otherwise. */
export const mark = (met: boolean) => (met ? '✓' : '✗');
