import { formatInTimeZone, zoneLabel } from '$lib/domain/time/format';
import { guard } from '$lib/server/access';
import { jurorDeliberations } from '$lib/server/certification/deliberation-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = guard({ roles: ['juror'] }, async (_event, { user, db }) => {
	const juries = await jurorDeliberations(db, user.id);
	return {
		juries: juries.map((jury) => ({
			id: jury.id,
			label: jury.label,
			sessionName: jury.sessionName,
			isPresident: jury.isPresident,
			signed: jury.signed,
			defenses: jury.defenses.map((defense) => ({
				id: defense.id,
				when: `${formatInTimeZone(defense.start, jury.timezone, 'EEEE d MMMM yyyy, HH:mm')} (${zoneLabel(defense.start, jury.timezone)})`,
				candidates: defense.candidates.join(', '),
				status: defense.status,
				decided: defense.decided
			}))
		}))
	};
});
