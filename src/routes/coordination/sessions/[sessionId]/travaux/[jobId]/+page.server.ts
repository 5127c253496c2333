import { SESSION_MANAGER, guard } from '$lib/server/access';
import { sessionJobView } from '$lib/server/jobs/job-service';
import type { PageServerLoad } from './$types';

// An import or a publication, followed while it runs: the request that started it answered at once.
export const load: PageServerLoad = guard(SESSION_MANAGER, async (event, { db, checked }) => ({
	job: await sessionJobView(db, checked.id, event.params.jobId)
}));
