import { RESULTS_IMPORT_JOB, RESULTS_PUBLICATION_JOB, resultsImportJob, resultsPublicationJob } from '../certification/results-service';
import type { Database, DatabaseHandle } from '../db/connect';
import { CANDIDATE_IMPORT_JOB, candidateImportJob } from '../people/candidate-import-service';
import { PLAN_PUBLICATION_JOB, planPublicationJob } from '../publication/publication-service';
import { runJobNow, runPendingJobs, startJobRunner, type JobHandlers, type RunOptions } from './job-runner';

/** Every kind of job, and the use case that runs it. */
export const JOB_HANDLERS: JobHandlers = {
	[CANDIDATE_IMPORT_JOB]: candidateImportJob,
	[RESULTS_IMPORT_JOB]: resultsImportJob,
	[PLAN_PUBLICATION_JOB]: planPublicationJob as JobHandlers[string],
	[RESULTS_PUBLICATION_JOB]: resultsPublicationJob
};

export const JOB_KINDS = Object.keys(JOB_HANDLERS);

/** The server's runner (one per process). */
export const startJobs = (handle: DatabaseHandle, options?: Parameters<typeof startJobRunner>[2]) =>
	startJobRunner(handle, JOB_HANDLERS, options);

/** Runs a queued job to its end now: the demo's seed, and tests. */
export const runJob = (db: Database, id: string) => runJobNow(db, JOB_HANDLERS, id);

/** Runs every pending job (tests: as a runner of `instanceId`, stopping after `maxBatches`). */
export const runJobs = (db: Database, options?: RunOptions) => runPendingJobs(db, JOB_HANDLERS, options);
