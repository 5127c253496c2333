import { Duplex } from 'node:stream';
import zlib from 'node:zlib';
import Negotiator from 'negotiator';

/** Text worth compressing; never an event stream (it must flow as written), nor PDF, XLSX, ZIP or images (already compressed). */
const COMPRESSIBLE = /^\s*(text\/(?!event-stream)|application\/(json|javascript|xml|[\w.-]+\+(json|xml))|image\/svg\+xml)/i;

/** Below this a body gains less than the header costs. */
export const MIN_COMPRESSED_BYTES = 1024;

/** Brotli's default quality (11) takes seconds on a 1.5 MB page; 5 is about gzip's speed and a fifth smaller. */
const BROTLI_QUALITY = 5;

/** negotiator 1.x takes the server's preference for equal weights; its types predate that. */
type PickEncoding = (available: string[], options: { preferred: string[] }) => string | undefined;

function chosenEncoding(request: Request): 'br' | 'gzip' | null {
	const negotiator = new Negotiator({ headers: { 'accept-encoding': request.headers.get('accept-encoding') ?? undefined } });
	const encoding = (negotiator.encoding.bind(negotiator) as PickEncoding)(['br', 'gzip', 'identity'], { preferred: ['br', 'gzip'] });
	return encoding === 'br' || encoding === 'gzip' ? encoding : null;
}

function addVary(headers: Headers) {
	const vary = headers.get('vary');
	if (!vary) headers.set('vary', 'Accept-Encoding');
	else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) headers.set('vary', `${vary}, Accept-Encoding`);
}

/**
 * The response compressed with brotli or gzip, as the request's Accept-Encoding prefers, when its
 * type is text and its body is not tiny; otherwise the response as it is. Every write is flushed
 * through the compressor, so a body streamed in parts (SvelteKit's streamed promises) still arrives
 * part by part. The ETag is kept, as Express's compression does: SvelteKit answers 304 on it.
 */
export function compressedResponse(request: Request, response: Response): Response {
	const { headers } = response;
	if (!response.body || request.method === 'HEAD' || response.status === 204 || response.status === 206) return response;
	if (headers.has('content-encoding') || /\bno-transform\b/i.test(headers.get('cache-control') ?? '')) return response;
	if (!COMPRESSIBLE.test(headers.get('content-type') ?? '')) return response;
	const length = headers.get('content-length');
	if (length !== null && Number(length) < MIN_COMPRESSED_BYTES) return response;
	addVary(headers);
	const encoding = chosenEncoding(request);
	if (!encoding) return response;
	const compressor =
		encoding === 'br'
			? zlib.createBrotliCompress({
					flush: zlib.constants.BROTLI_OPERATION_FLUSH,
					params: {
						[zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
						[zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
						...(length !== null ? { [zlib.constants.BROTLI_PARAM_SIZE_HINT]: Number(length) } : {})
					}
				})
			: zlib.createGzip({ flush: zlib.constants.Z_SYNC_FLUSH });
	headers.delete('content-length');
	headers.set('content-encoding', encoding);
	const body = response.body.pipeThrough(Duplex.toWeb(compressor) as unknown as TransformStream<Uint8Array, Uint8Array>);
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
