import { formatInTimeZone, zoneLabel } from '$lib/domain/time/format';
import { guard } from '$lib/server/access';
import { placeText } from '$lib/server/documents/convocation-text';
import { jurorSessions } from '$lib/server/publication/publication-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = guard({ roles: ['juror'] }, async (_event, { user, db }) => {
	// A session where the juror hears nobody (yet) has nothing to show: no empty heading.
	const sessions = (await jurorSessions(db, user.id)).filter((session) => session.defenses.length > 0);
	return {
		sessions: sessions.map((session) => {
			const days = new Map<string, { day: string; zone: string }>();
			const rows = session.defenses.map((defense) => {
				const day = formatInTimeZone(defense.start, session.timezone, 'EEEE d MMMM yyyy');
				if (!days.has(day)) days.set(day, { day, zone: zoneLabel(defense.start, session.timezone) });
				return {
					day,
					key: defense.key,
					defenseId: defense.defenseId,
					status: defense.status,
					time: `${formatInTimeZone(defense.start, session.timezone, 'HH:mm')}–${formatInTimeZone(defense.end, session.timezone, 'HH:mm')}`,
					jury: defense.juryLabel,
					place: placeText(defense.room, null),
					who: defense.team ? `Équipe ${defense.team} : ${defense.candidates.join(', ')}` : defense.candidates.join(', '),
					projectTitle: defense.projectTitle
				};
			});
			const juries = new Map(session.defenses.map((defense) => [defense.juryId, defense.juryLabel]));
			return {
				sessionId: session.sessionId,
				sessionName: session.sessionName,
				juries: [...juries].map(([id, label]) => ({ id, label })),
				days: [...days.values()].map((entry) => ({ ...entry, defenses: rows.filter((row) => row.day === entry.day) }))
			};
		})
	};
});
