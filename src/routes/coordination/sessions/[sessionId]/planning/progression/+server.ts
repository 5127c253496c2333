import { error, json } from '@sveltejs/kit';
import { fr } from '$lib/i18n/fr';
import { requireRole } from '$lib/server/auth/guards';
import { sessionExists } from '$lib/server/planning/problem-repository';
import { currentRun } from '$lib/server/planning/schedule-service';
import type { RequestHandler } from './$types';

/** Progress of the session's latest engine run, polled by the planning page while it runs. */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'coordinator');
	if (!(await sessionExists(event.locals.db, event.params.sessionId))) error(404, fr.planning.sessionNotFound);
	const run = await currentRun(event.locals.db, event.params.sessionId);
	return json(run ? { id: run.id, status: run.status, phase: run.phase, progress: run.progress, placed: run.placed, total: run.total } : null, {
		headers: { 'cache-control': 'no-store' }
	});
};
