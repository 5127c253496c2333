// What a database that is away (restarting, failing over, unreachable) looks like to pg and to
// Node: these become a 503 the user can retry, never a crash nor a 500.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
// SQLSTATE class 08 (connection exception) and the server shutting down or starting up.
const SERVER_CODES = /^(08...|57P01|57P02|57P03)$/;

export function isDatabaseUnavailable(caught: unknown): boolean {
	if (!(caught instanceof Error)) return false;
	if (caught instanceof AggregateError && caught.errors.some(isDatabaseUnavailable)) return true;
	const code = (caught as { code?: unknown }).code;
	if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.test(code))) return true;
	// pg's own words when the server closes the socket under a query or a connection attempt.
	return /^Connection terminated/.test(caught.message);
}
