import type { Transaction } from 'kysely';
import type { Database } from './connect';
import type { DB } from './schema';

export type Executor = Database | Transaction<DB>;

/** Work each transaction of inTransaction runs just before it commits, in the order it was given. */
const beforeCommit = new WeakMap<Transaction<DB>, (() => Promise<void>)[]>();

/**
 * Has `task` run at the end of the use case, just before the transaction commits (and not at all if
 * it rolls back). False when `trx` was not opened by inTransaction: the caller then does it at once.
 */
export function runBeforeCommit(trx: Transaction<DB>, task: () => Promise<void>): boolean {
	const tasks = beforeCommit.get(trx);
	tasks?.push(task);
	return tasks !== undefined;
}

const RETRYABLE = new Set(['40001', '40P01']);
const UNIQUE_VIOLATION = '23505';

/**
 * Runs a use case in one transaction. Writes that race (scores, decisions) ask for serializable
 * isolation and are retried when PostgreSQL reports a serialization failure or a deadlock.
 * A use case that creates what it first looked up (an account by e-mail) asks for uniqueRace: a
 * unique violation then means that a concurrent one created it first, and the retry finds it.
 */
export async function inTransaction<T>(
	db: Database,
	work: (trx: Transaction<DB>) => Promise<T>,
	options: { serializable?: boolean; uniqueRace?: boolean; attempts?: number } = {}
): Promise<T> {
	const attempts = options.attempts ?? 5;
	for (let attempt = 1; ; attempt++) {
		try {
			const builder = options.serializable ? db.transaction().setIsolationLevel('serializable') : db.transaction();
			return await builder.execute(async (trx) => {
				const tasks: (() => Promise<void>)[] = [];
				beforeCommit.set(trx, tasks);
				const result = await work(trx);
				for (const task of tasks) await task();
				return result;
			});
		} catch (error) {
			const code = (error as { code?: string }).code;
			const retryable = code !== undefined && (RETRYABLE.has(code) || (options.uniqueRace === true && code === UNIQUE_VIOLATION));
			if (!retryable || attempt >= attempts) throw error;
			await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
		}
	}
}
