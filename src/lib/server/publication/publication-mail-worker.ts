import { availableParallelism } from 'node:os';
import type { CandidateChange, CandidateSlot, JurorChange } from '../../domain/publication/plan-diff';
import type { OutgoingMail } from '../notifications/outbox-repository';
import { serveInWorker, workerPool } from '../worker-pool';
import { candidateMail, jurorMail, type PublicationContext } from './publication-mail';
import type { Person } from './publication-repository';

/*
 * The publication's messages (each candidate's convocation PDF and calendar, each juror's
 * calendar) are built in worker threads: a thousand PDFs no longer hold the server's event loop.
 * The workers load THIS module again; the call below answers their tasks there.
 */
const TAG = 'soutenance-publication-mail/1';

export type MailItem =
	| { kind: 'candidate'; change: CandidateChange; email: string }
	| { kind: 'juror'; juror: Person; slots: CandidateSlot[]; change: JurorChange };

interface MailTask {
	context: PublicationContext;
	firstPublication: boolean;
	items: MailItem[];
}

export async function buildMails({ context, firstPublication, items }: MailTask): Promise<OutgoingMail[]> {
	const mails: OutgoingMail[] = [];
	for (const item of items) {
		mails.push(
			item.kind === 'candidate'
				? await candidateMail(context, item.change, item.email, firstPublication)
				: jurorMail(context, item.juror, item.slots, item.change, firstPublication)
		);
	}
	return mails;
}

serveInWorker(TAG, buildMails);

// One core stays with the server's requests (at least one worker).
const pool = workerPool<MailTask, OutgoingMail[]>(import.meta.url, TAG, Math.max(1, Math.min(4, availableParallelism() - 1)));

/** The messages of `items`, in their order, built over the pool's workers a few at a time. */
export async function buildMailsInWorkers(task: MailTask, chunk = 25): Promise<OutgoingMail[]> {
	const chunks: MailItem[][] = [];
	for (let index = 0; index < task.items.length; index += chunk) chunks.push(task.items.slice(index, index + chunk));
	return (await Promise.all(chunks.map((items) => pool.run({ ...task, items })))).flat();
}

/** Ends the workers when the server stops. */
export const closeMailWorkers = () => pool.close();
