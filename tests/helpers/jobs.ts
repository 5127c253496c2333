import type { Database } from '../../src/lib/server/db/connect';
import { findJob } from '../../src/lib/server/jobs/job-repository';
import { runJob } from '../../src/lib/server/jobs';

/**
 * A use case that queues a job, followed to its end as its page does: the job run here, its result
 * returned (a refusal before the job, say a file with errors, rejects as the use case does).
 */
export async function finishedJob<R = Record<string, number>>(db: Database, queued: Promise<{ jobId: string }>): Promise<R> {
	const { jobId } = await queued;
	await runJob(db, jobId);
	const job = await findJob(db, jobId);
	if (job?.status !== 'done') throw new Error(`job ${jobId} ${job?.status ?? 'missing'}: ${job?.error ?? ''}`);
	return job.result as R;
}
