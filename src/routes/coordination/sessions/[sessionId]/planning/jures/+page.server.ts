import { requireRole } from '$lib/server/auth/guards';
import { planViewOr404, presentPlan } from '$lib/server/planning/schedule-presenter';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'coordinator');
	const view = await planViewOr404(event.locals.db, event.params.sessionId);
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
};
