import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { solve } from '../../domain/planning/solve';
import type { PlanningProblem, Schedule, SolveOptions, SolveProgress } from '../../domain/planning/types';
import { workerBootstrap } from '../worker-bootstrap';

/*
 * Runs the engine in a worker thread so that the server keeps answering while it solves.
 * The worker loads THIS module again (see workerBootstrap) and the block below runs the solve there.
 */
const WORKER_TAG = 'soutenance-solver/1';

type WorkerOptions = Omit<SolveOptions, 'onProgress' | 'now'>;
type WorkerMessage = { type: 'progress'; progress: SolveProgress } | { type: 'done'; schedule: Schedule };

if (!isMainThread && parentPort && workerData?.tag === WORKER_TAG) {
	const port = parentPort;
	const { problem, options } = workerData as { problem: PlanningProblem; options: WorkerOptions };
	const schedule = solve(problem, {
		...options,
		onProgress: (progress) => port.postMessage({ type: 'progress', progress } satisfies WorkerMessage)
	});
	port.postMessage({ type: 'done', schedule } satisfies WorkerMessage);
}

/** Solves `problem` off the calling thread; `onProgress` receives the engine's progress reports. */
export function solveInWorker(
	problem: PlanningProblem,
	options: WorkerOptions,
	onProgress: (progress: SolveProgress) => void = () => {}
): Promise<Schedule> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(workerBootstrap(import.meta.url), { eval: true, workerData: { tag: WORKER_TAG, problem, options } });
		let settled = false;
		const finish = (outcome: () => void) => {
			if (settled) return;
			settled = true;
			clearTimeout(watchdog);
			outcome();
			void worker.terminate();
		};
		// The engine stops on its own time limit; this only guards against a worker that hangs.
		const watchdog = setTimeout(
			() => finish(() => reject(new Error('le calcul du planning a dépassé le temps imparti'))),
			(options.timeLimitMs ?? 60_000) + 30_000
		);
		worker.on('message', (message: WorkerMessage) => {
			if (message.type === 'progress') onProgress(message.progress);
			else finish(() => resolve(message.schedule));
		});
		worker.on('error', (error) => finish(() => reject(error)));
		worker.on('exit', (code) => finish(() => reject(new Error(`le calcul du planning s'est arrêté (code ${code})`))));
	});
}
