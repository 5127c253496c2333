import { formatInTimeZone } from '$lib/domain/time/format';

/** When a candidate's session is, from the day of their defense in the session's zone. */
export type SessionWhen = 'today' | 'upcoming' | 'past';

/**
 * The candidate's sessions in the order their page shows them: today's defense first, then those
 * to come (the soonest first, sessions without a defense yet at the end), then the past ones (the
 * latest first), each tagged with when it is.
 */
export function sessionsByDay<T extends { state: string; start?: number; timezone?: string }>(
	sessions: T[],
	now: Date
): (T & { when: SessionWhen })[] {
	const tagged = sessions.map((session) => {
		if (session.start === undefined || session.timezone === undefined) return { ...session, when: 'upcoming' as SessionWhen };
		const day = formatInTimeZone(new Date(session.start), session.timezone, 'yyyy-MM-dd');
		const today = formatInTimeZone(now, session.timezone, 'yyyy-MM-dd');
		return { ...session, when: (day === today ? 'today' : day > today ? 'upcoming' : 'past') as SessionWhen };
	});
	const rank = { today: 0, upcoming: 1, past: 2 };
	const startOf = (session: { start?: number }) => session.start ?? Number.POSITIVE_INFINITY;
	return tagged.sort((a, b) => rank[a.when] - rank[b.when] || (a.when === 'past' ? startOf(b) - startOf(a) : startOf(a) - startOf(b)));
}
