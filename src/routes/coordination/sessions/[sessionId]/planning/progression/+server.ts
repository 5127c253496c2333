import { json } from '@sveltejs/kit';
import { SESSION_MANAGER, guardEndpoint } from '$lib/server/access';
import { currentRun } from '$lib/server/planning/schedule-service';
import type { RequestHandler } from './$types';

/** Progress of the session's latest engine run, polled by the planning page while it runs. */
export const GET: RequestHandler = guardEndpoint(
	SESSION_MANAGER,
	async (_event, { db, checked }) => {
		const run = await currentRun(db, checked.id);
		return json(
			run ? { id: run.id, status: run.status, phase: run.phase, progress: run.progress, placed: run.placed, total: run.total } : null,
			{ headers: { 'cache-control': 'no-store' } }
		);
	},
	'json'
);
