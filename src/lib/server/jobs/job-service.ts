import { fr } from '$lib/i18n/fr';
import { isUuid } from '../../domain/ids';
import type { Database } from '../db/connect';
import { UserFacingError } from '../errors';
import { mailIsDelivered } from '../notifications/mailer';
import { findSessionJob, type JobFailure } from './job-repository';

/** Where a job's page sends the coordinator once it is over. */
function nextPage(sessionId: string, kind: string, result: Record<string, number> | null): string {
	const base = `/coordination/sessions/${sessionId}`;
	if (kind === 'candidate.import') return `${base}/candidats?importe=${result?.imported ?? 0}`;
	if (kind === 'results.import') return `${base}/resultats/import?importe=${result?.imported ?? 0}`;
	if (kind === 'results.publish') return `${base}/resultats`;
	return `${base}/publication`;
}

/** A job of the session as its page shows it: progress, failures, and its messages once queued. */
export async function sessionJobView(db: Database, sessionId: string, jobId: string) {
	const job = isUuid(jobId) ? await findSessionJob(db, sessionId, jobId) : undefined;
	if (!job) throw new UserFacingError('jobs.not-found', 404, fr.jobs.notFound);
	const result = job.result as Record<string, number> | null;
	const messages = { queued: Number(job.messages ?? 0), sent: Number(job.messagesSent ?? 0), failed: Number(job.messagesFailed ?? 0) };
	const delivered = mailIsDelivered();
	return {
		id: job.id,
		kind: job.kind,
		status: job.status as 'pending' | 'done' | 'failed',
		total: job.total,
		done: job.done,
		failures: job.failures as unknown as JobFailure[],
		error: job.error,
		messages,
		delivered,
		/** Still moving: the job runs, or its messages are being sent. */
		active: job.status === 'pending' || (delivered && messages.sent + messages.failed < messages.queued),
		next: nextPage(sessionId, job.kind, result)
	};
}
