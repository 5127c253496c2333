/**
 * A `text/event-stream` response. Every message carries `serverTime` (milliseconds since the
 * epoch, the app server's clock) so a browser can measure its own clock's offset; a heartbeat
 * keeps proxies from closing an idle stream and refreshes that measure. Whatever `open` sets up
 * is released once, whichever side ends the stream.
 */
export interface EventChannel {
	send(event: string, data: Record<string, unknown>): void;
	close(): void;
}

export function eventStream(
	request: Request,
	open: (channel: EventChannel) => Promise<() => void> | (() => void),
	options: { heartbeatMs?: number } = {}
): Response {
	const encoder = new TextEncoder();
	let finish = () => {};
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			let finished = false;
			let release: (() => void) | null = null;
			let heartbeat: NodeJS.Timeout | null = null;
			finish = () => {
				if (finished) return;
				finished = true;
				if (heartbeat) clearInterval(heartbeat);
				request.signal.removeEventListener('abort', finish);
				release?.();
				try {
					controller.close();
				} catch {
					// Already closed by the client.
				}
			};
			const write = (text: string) => {
				if (finished) return;
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					finish();
				}
			};
			const channel: EventChannel = {
				send: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify({ ...data, serverTime: Date.now() })}\n\n`),
				close: () => finish()
			};
			request.signal.addEventListener('abort', finish);
			// Reconnect quickly after a drop: the page is a live display.
			write('retry: 1000\n\n');
			channel.send('hello', {});
			heartbeat = setInterval(() => channel.send('ping', {}), options.heartbeatMs ?? 15_000);
			try {
				const cleanup = await open(channel);
				if (finished) cleanup();
				else release = cleanup;
			} catch (error) {
				console.error('Flux en direct en échec', error);
				finish();
			}
		},
		cancel() {
			finish();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-store, no-transform',
			'x-accel-buffering': 'no'
		}
	});
}

/** Browsers ask for a stream with this header; anything else gets the snapshot as JSON. */
export function wantsEventStream(request: Request): boolean {
	return (request.headers.get('accept') ?? '').includes('text/event-stream');
}
