import { error } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { requireRole } from '$lib/server/auth/guards';
import { roomDisplay } from '$lib/server/live/board-service';
import { isUuid, juryRole } from '$lib/server/live/timer-service';
import { findJury } from '$lib/server/live/timer-repository';
import type { PageServerLoad } from './$types';

// The screen the candidate faces: opened from a jury member's or the coordination's session
// (candidates have no account on that machine), it shows only the timer and the candidate's name.
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'juror', 'coordinator');
	const db = event.locals.db;
	const jury = isUuid(event.params.juryId) ? await findJury(db, event.params.juryId) : undefined;
	const role = jury ? await juryRole(db, user, jury) : null;
	if (!jury || !role) error(404, fr.live.juryNotFound);
	const display = await roomDisplay(db, jury);
	return {
		juryId: jury.id,
		juryLabel: jury.label,
		view: display.current ? { snapshot: display.current, role, canControl: false, serverTime: Date.now() } : null
	};
};
