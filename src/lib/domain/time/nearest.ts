import { formatInTimeZone } from './format';

/** When something happens: its first start and last end, in its own time zone. */
export interface Span {
	start: Date;
	end: Date;
	timeZone: string;
}

/**
 * Orders things by how near their days are to `now`: those with a day today first, then those
 * to come (soonest first), then those over (most recent first). Things with no span come last.
 */
export function nearestFirst<T>(items: readonly T[], spanOf: (item: T) => Span | null, now: Date): T[] {
	const rank = (item: T): [number, number] => {
		const span = spanOf(item);
		if (!span) return [3, 0];
		const day = (instant: Date) => formatInTimeZone(instant, span.timeZone, 'yyyy-MM-dd');
		const today = day(now);
		if (day(span.start) <= today && today <= day(span.end)) return [0, span.start.getTime()];
		if (span.start > now) return [1, span.start.getTime()];
		return [2, -span.end.getTime()];
	};
	const ranked = items.map((item) => ({ item, rank: rank(item) }));
	return ranked.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1]).map((entry) => entry.item);
}
