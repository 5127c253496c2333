import type { DatabaseHandle } from './connect';
import { listenToChannel } from './listen';

export interface BackgroundLoop {
	/** Runs a pass now (or right after the one running). */
	wake(): void;
	/** Ends the loop once the pass in progress has finished. */
	stop(): Promise<void>;
}

/**
 * A process's background worker on a queue table: runs `pass` when a committed transaction
 * announced work (NOTIFY on `channel`, from any instance), and every `pollMs` for retries, expired
 * leases of a crashed instance and a missed notification. A pass that throws is reported and tried
 * again on the next wake. The pass gets a signal that aborts when the loop stops.
 */
export async function startBackgroundLoop(
	handle: DatabaseHandle,
	channel: string,
	pass: (signal: AbortSignal) => Promise<void>,
	options: { pollMs: number; interrupted: (message: string) => string }
): Promise<BackgroundLoop> {
	const stopping = new AbortController();
	let woken = false;
	let nap: { timer: NodeJS.Timeout; resolve: () => void } | null = null;
	const wake = () => {
		woken = true;
		if (nap) {
			clearTimeout(nap.timer);
			nap.resolve();
		}
	};
	const unlisten = await listenToChannel(handle, channel, { payload: wake, reconnected: wake });

	const loop = (async () => {
		while (!stopping.signal.aborted) {
			woken = false;
			try {
				await pass(stopping.signal);
			} catch (error) {
				console.error(options.interrupted(error instanceof Error ? error.message : String(error)));
			}
			if (stopping.signal.aborted || woken) continue;
			await new Promise<void>((resolve) => {
				nap = { timer: setTimeout(resolve, options.pollMs), resolve };
			});
			nap = null;
		}
	})();

	return {
		wake,
		async stop() {
			stopping.abort();
			wake();
			await loop;
			await unlisten();
		}
	};
}
