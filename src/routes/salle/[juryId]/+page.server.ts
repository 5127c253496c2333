import { guard } from '$lib/server/access';
import { roomDisplay } from '$lib/server/live/board-service';
import type { PageServerLoad } from './$types';

// The screen the candidate faces: opened from a jury member's or the coordination's session
// (candidates have no account on that machine), it shows only the timer and the candidate's name.
export const load: PageServerLoad = guard(
	{ roles: ['juror', 'coordinator'], permission: 'jury.view', param: 'juryId' },
	async (_event, { db, checked: jury }) => {
		const display = await roomDisplay(db, jury);
		return {
			juryId: jury.id,
			juryLabel: jury.label,
			view: display.current ? { snapshot: display.current, role: jury.place!, canControl: false, serverTime: Date.now() } : null
		};
	}
);
