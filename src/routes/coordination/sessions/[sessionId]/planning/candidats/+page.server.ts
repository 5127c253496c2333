import { SESSION_MANAGER, guard } from '$lib/server/access';
import { presentPlan } from '$lib/server/planning/schedule-presenter';
import { loadPlanView } from '$lib/server/planning/schedule-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = guard(SESSION_MANAGER, async (_event, { db, checked }) => {
	const view = await loadPlanView(db, checked.id);
	const plan = presentPlan(view);
	const reasons = new Map(view.schedule.unplaced.flatMap((group) => group.candidates.map((id) => [id, group.reasons] as const)));
	const candidates = view.context.rows.registrations.map((candidate) => {
		const defense = plan.defenses.find((item) => item.candidateIds.includes(candidate.id)) ?? null;
		return {
			id: candidate.id,
			name: candidate.name,
			team: candidate.team,
			timezone: candidate.timezone,
			defense,
			reasons: defense ? [] : (reasons.get(candidate.id) ?? [])
		};
	});
	return { sessionId: plan.sessionId, sessionName: plan.sessionName, timezone: plan.timezone, candidates };
});
