import { fail } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { requireRole } from '$lib/server/auth/guards';
import { UserFacingError } from '$lib/server/errors';
import { planViewOr404, presentPlan } from '$lib/server/planning/schedule-presenter';
import { PlanningRefusal, importSchedule, moveDefense, setDefensePinned, startPlanningRun, waitForRun } from '$lib/server/planning/schedule-service';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The engine answers in seconds: the action waits that long so the page shows the result. */
const WAIT_FOR_RUN_MS = 15_000;
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'coordinator');
	const view = await planViewOr404(event.locals.db, event.params.sessionId);
	const { run, metrics, problemErrors } = view;
	return {
		plan: presentPlan(view),
		metrics,
		problemErrors,
		run: run && {
			id: run.id,
			mode: run.mode,
			status: run.status,
			phase: run.phase,
			progress: run.progress,
			placed: run.placed,
			total: run.total,
			error: run.error,
			finishedAt: run.finishedAt?.toISOString() ?? null
		},
		moving: event.url.searchParams.get('deplacer')
	};
};

function refusal(caught: unknown, values: Record<string, string> = {}) {
	if (caught instanceof UserFacingError)
		return fail(caught.status, { message: caught.message, details: caught instanceof PlanningRefusal ? caught.details : [], field: caught.field, values });
	throw caught;
}

async function runEngine(event: RequestEvent, mode: 'plan' | 'reoptimise') {
	const actor = requireRole(event, 'coordinator');
	try {
		const { runId, finished } = await startPlanningRun(event.locals.db, actor.id, event.params.sessionId, mode);
		await waitForRun(finished, WAIT_FOR_RUN_MS);
		return { ran: runId };
	} catch (caught) {
		return refusal(caught);
	}
}

export const actions: Actions = {
	plan: (event) => runEngine(event, 'plan'),
	reoptimise: (event) => runEngine(event, 'reoptimise'),
	move: async (event) => {
		const actor = requireRole(event, 'coordinator');
		const form = await event.request.formData();
		const values = { defenseId: String(form.get('defenseId') ?? ''), juryId: String(form.get('juryId') ?? ''), date: String(form.get('date') ?? ''), time: String(form.get('time') ?? '') };
		try {
			await moveDefense(event.locals.db, actor.id, event.params.sessionId, values.defenseId, { juryId: values.juryId, date: values.date, time: values.time });
			return { moved: values.defenseId };
		} catch (caught) {
			return refusal(caught, values);
		}
	},
	pin: async (event) => {
		const actor = requireRole(event, 'coordinator');
		const form = await event.request.formData();
		try {
			await setDefensePinned(event.locals.db, actor.id, event.params.sessionId, String(form.get('defenseId') ?? ''), form.get('pinned') === 'true');
			return { pinned: true };
		} catch (caught) {
			return refusal(caught);
		}
	},
	importSchedule: async (event) => {
		const actor = requireRole(event, 'coordinator');
		const form = await event.request.formData();
		const file = form.get('schedule');
		try {
			if (!(file instanceof File) || file.size === 0) throw new UserFacingError(fr.planning.importMissingFile, 'schedule');
			if (file.size > MAX_IMPORT_BYTES) throw new UserFacingError(fr.planning.importTooLarge, 'schedule');
			const { defenses } = await importSchedule(event.locals.db, actor.id, event.params.sessionId, await file.text());
			return { imported: defenses };
		} catch (caught) {
			return refusal(caught);
		}
	}
};
