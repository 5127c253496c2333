// Browser side of the live streams: the server's clock as seen from here, and an EventSource that
// feeds it. Every message carries `serverTime`; the offset is the largest recent
// `serverTime − Date.now()` (a message can only arrive late, never early, so the largest sample is
// the least delayed one).

const SAMPLES = 12;

export class ServerClock {
	/** The server's time now, in milliseconds, refreshed while ticking. */
	now = $state(0);
	#samples: number[] = [];

	/** `serverTime`: the server's time written into the page, its first sample. */
	constructor(serverTime: number) {
		this.sample(serverTime);
	}

	get offset(): number {
		return this.#samples.length ? Math.max(...this.#samples) : 0;
	}

	sample(serverTime: unknown) {
		if (typeof serverTime !== 'number') return;
		this.#samples = [...this.#samples.slice(-(SAMPLES - 1)), serverTime - Date.now()];
		this.now = Date.now() + this.offset;
	}

	/** Ticks four times a second; returns the function that stops it. */
	tick(): () => void {
		const timer = setInterval(() => (this.now = Date.now() + this.offset), 250);
		return () => clearInterval(timer);
	}
}

type Handlers = Record<string, (data: Record<string, unknown>) => void>;

/** Opens an event stream and dispatches its named events; the browser reconnects by itself. */
export function openLiveStream(url: string, handlers: Handlers, clock?: ServerClock): () => void {
	const source = new EventSource(url);
	// A plain Set: the names are read once here, nothing renders from them.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	for (const name of new Set(['hello', 'ping', ...Object.keys(handlers)])) {
		source.addEventListener(name, (event) => {
			let data: Record<string, unknown>;
			try {
				data = JSON.parse((event as MessageEvent<string>).data);
			} catch {
				return;
			}
			clock?.sample(data.serverTime);
			handlers[name]?.(data);
		});
	}
	return () => source.close();
}
