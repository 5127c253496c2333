import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import pLimit from 'p-limit';
import { workerBootstrap } from '../worker-bootstrap';
import { parseImportFile, type ParseLimits, type ParseOutcome, type ParseRefusal } from './import-file-parse';

/*
 * Reads an import file in a worker thread with a memory cap and a deadline, so that no file, however
 * crafted, holds the server's event loop or its memory. The worker loads THIS module again (see
 * workerBootstrap) and the block below parses there.
 */
const WORKER_TAG = 'soutenance-import/1';

type WorkerInput = { tag: typeof WORKER_TAG; bytes: Uint8Array; kind: 'xlsx' | 'text'; limits: ParseLimits };

if (!isMainThread && parentPort && workerData?.tag === WORKER_TAG) {
	const port = parentPort;
	const { bytes, kind, limits } = workerData as WorkerInput;
	// A failure other than a refusal is left uncaught: the parent sees it as the worker's error.
	void parseImportFile(bytes, kind, limits).then((outcome) => port.postMessage(outcome));
}

export interface WorkerLimits {
	/** V8's old generation, where a workbook's cells live. */
	maxOldGenerationSizeMb: number;
	timeoutMs: number;
}

export type WorkerRefusal = ParseRefusal | 'too-heavy';
type WorkerOutcome = ParseOutcome | { ok: false; reason: 'too-heavy' };

// Each worker may use its whole memory cap: a few uploads at once must not add up to the server's.
const slots = pLimit(2);

/** Parses off the calling thread; a worker that runs out of memory or time gives 'too-heavy'. */
export function parseInWorker(bytes: Uint8Array, kind: 'xlsx' | 'text', limits: ParseLimits, worker: WorkerLimits): Promise<WorkerOutcome> {
	return slots(() => runWorker({ tag: WORKER_TAG, bytes, kind, limits }, worker));
}

function runWorker(input: WorkerInput, limits: WorkerLimits): Promise<WorkerOutcome> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(workerBootstrap(import.meta.url), {
			eval: true,
			workerData: input,
			resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb }
		});
		let settled = false;
		const finish = (outcome: () => void) => {
			if (settled) return;
			settled = true;
			clearTimeout(deadline);
			outcome();
			void worker.terminate();
		};
		const deadline = setTimeout(() => finish(() => resolve({ ok: false, reason: 'too-heavy' })), limits.timeoutMs);
		worker.on('message', (outcome: ParseOutcome) => finish(() => resolve(outcome)));
		worker.on('error', (error: Error & { code?: string }) =>
			finish(() => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolve({ ok: false, reason: 'too-heavy' }) : reject(error)))
		);
		worker.on('exit', (code) => finish(() => reject(new Error(`la lecture du fichier s'est arrêtée (code ${code})`))));
	});
}
