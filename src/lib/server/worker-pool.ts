import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { workerBootstrap } from './worker-bootstrap';

type Task<O> = { resolve: (output: O) => void; reject: (error: Error) => void };
type Reply<O> = { id: number; ok: true; output: O } | { id: number; ok: false; message: string };

export interface WorkerPool<I, O> {
	/** Runs one task on the first free worker (tasks queue while all are busy). */
	run(input: I): Promise<O>;
	close(): Promise<void>;
}

/**
 * A few long-lived worker threads that each load `moduleUrl` again (see workerBootstrap) and
 * answer tasks tagged `tag` (the module calls serveInWorker with the same tag): CPU-heavy work
 * (PDFs) leaves the server's event loop free. Workers start on the first task and do not keep the
 * process alive; one that dies fails its task and is replaced by the next.
 */
export function workerPool<I, O>(moduleUrl: string, tag: string, size: number): WorkerPool<I, O> {
	const idle: Worker[] = [];
	const all = new Set<Worker>();
	const waiting: { input: I; task: Task<O> }[] = [];
	let nextId = 0;

	const spawn = () => {
		const worker = new Worker(workerBootstrap(moduleUrl), { eval: true, workerData: { tag } });
		worker.unref();
		// Between tasks too: a worker that dies idle leaves the pool (its error is the exit's cause).
		worker.on('error', () => undefined);
		worker.on('exit', () => {
			all.delete(worker);
			if (idle.includes(worker)) idle.splice(idle.indexOf(worker), 1);
		});
		all.add(worker);
		return worker;
	};

	const dispatch = (worker: Worker) => {
		const next = waiting.shift();
		if (!next) {
			idle.push(worker);
			return;
		}
		const id = nextId++;
		const onMessage = (reply: Reply<O>) => {
			if (reply.id !== id) return;
			cleanup();
			if (reply.ok) next.task.resolve(reply.output);
			else next.task.reject(new Error(reply.message));
			dispatch(worker);
		};
		const onGone = (error: Error | number) => {
			cleanup();
			all.delete(worker);
			next.task.reject(error instanceof Error ? error : new Error(`le calcul s’est arrêté (code ${error})`));
			void worker.terminate();
			if (waiting.length) dispatch(spawn());
		};
		const cleanup = () => {
			worker.off('message', onMessage);
			worker.off('error', onGone);
			worker.off('exit', onGone);
		};
		worker.on('message', onMessage);
		worker.on('error', onGone);
		worker.on('exit', onGone);
		worker.postMessage({ id, input: next.input });
	};

	return {
		run(input) {
			return new Promise<O>((resolve, reject) => {
				waiting.push({ input, task: { resolve, reject } });
				const worker = idle.pop() ?? (all.size < size ? spawn() : undefined);
				if (worker) dispatch(worker);
			});
		},
		async close() {
			idle.length = 0;
			await Promise.all([...all].map((worker) => worker.terminate()));
			all.clear();
		}
	};
}

/** In a pool's worker thread (workerData tagged `tag`), answers each task with `work`; elsewhere does nothing. */
export function serveInWorker<I, O>(tag: string, work: (input: I) => Promise<O>): void {
	if (isMainThread || !parentPort || workerData?.tag !== tag) return;
	const port = parentPort;
	port.on('message', ({ id, input }: { id: number; input: I }) => {
		work(input).then(
			(output) => port.postMessage({ id, ok: true, output } satisfies Reply<O>),
			(error: unknown) =>
				port.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies Reply<O>)
		);
	});
}
