import { SESSION_MANAGER, guard } from '$lib/server/access';
import { presentPlan } from '$lib/server/planning/schedule-presenter';
import { loadPlanView } from '$lib/server/planning/schedule-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = guard(SESSION_MANAGER, async (_event, { db, checked }) => {
	const view = await loadPlanView(db, checked.id);
	const plan = presentPlan(view);
	const jurors = view.context.rows.jurors.map((juror) => {
		const juries = view.context.problem.juries.filter((jury) => jury.members.includes(juror.id)).map((jury) => jury.id);
		return {
			id: juror.id,
			name: juror.name,
			company: juror.company,
			defenses: plan.defenses.filter((defense) => juries.includes(defense.juryId))
		};
	});
	return { sessionId: plan.sessionId, sessionName: plan.sessionName, timezone: plan.timezone, jurors };
});
