import { json, text, type Handle, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { fr } from '$lib/i18n/fr';
import { closeDatabase, dataDirFromEnvironment, isDatabaseUnavailable, openDatabase } from '$lib/server/db';
import { openBackupChannel } from '$lib/server/db/backup-channel';
import { SESSION_COOKIE, deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookies';
import { validateSessionToken } from '$lib/server/auth/session-service';
import { proxyWithoutAddressHeader } from '$lib/server/auth/client-address';
import { seedDemoOnFirstStart } from '$lib/server/demo/demo-service';
import { closeSmtpConnections, startOutboxWorker } from '$lib/server/notifications/mailer';
import { startJobs } from '$lib/server/jobs';
import { closeMailWorkers } from '$lib/server/publication/publication-mail-worker';
import { startScoreJournalChainer } from '$lib/server/audit/journal-service';
import { startDeclarationReminders } from '$lib/server/accrochage/declaration-service';
import { compressedResponse } from '$lib/server/http/compression';

export const init: ServerInit = async () => {
	const handle = await openDatabase();
	let closeBackupChannel = async () => {};
	if (handle.kind === 'pglite') {
		await seedDemoOnFirstStart(handle.db);
		closeBackupChannel = await openBackupChannel(handle, dataDirFromEnvironment());
	}
	// One outbox worker per server process: requests only queue mail, this sends it.
	const worker = await startOutboxWorker(handle, { smtpUrl: process.env.SMTP_URL });
	// One job runner per process: imports and publications run there, in batches, off the request.
	const jobs = await startJobs(handle);
	const chainer = startScoreJournalChainer(handle.db);
	// The CDC declaration's deadline reminders: checked at start, then every hour.
	const reminders = startDeclarationReminders(handle.db);
	process.once('sveltekit:shutdown', async () => {
		await jobs.stop();
		await worker.stop();
		await closeMailWorkers();
		await chainer.stop();
		await reminders.stop();
		closeSmtpConnections();
		await closeBackupChannel();
		await closeDatabase();
	});
};

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A refusal given before any route runs (the guard gives the others): JSON with its code to the API
 * and to JSON requests, the French message as text to a page.
 */
function earlyRefusal(event: RequestEvent, status: number, code: string, message: string, headers: Record<string, string> = {}) {
	const wantsJson = event.route.id?.startsWith('/api/') || event.request.headers.get('content-type')?.includes('json');
	return wantsJson ? json({ code, message }, { status, headers }) : text(message, { status, headers });
}

// SvelteKit checks the origin of form posts only; every other request that changes state gets the
// same check. On every path, not only /api/: the raw path is not the route ("/%61pi/…" is /api/…).
const rejectCrossOriginRequests: Handle = async ({ event, resolve }) => {
	if (STATE_CHANGING.has(event.request.method)) {
		const origin = event.request.headers.get('origin');
		const site = event.request.headers.get('sec-fetch-site');
		if ((origin !== null && origin !== event.url.origin) || (site !== null && site !== 'same-origin' && site !== 'none')) {
			return earlyRefusal(event, 403, 'auth.cross-origin', fr.auth.crossOrigin);
		}
	}
	return resolve(event);
};

// Said once per process, on the first request that shows it: the setting is the operator's to fix.
let proxyWarningGiven = false;
const warnProxyWithoutAddressHeader: Handle = async ({ event, resolve }) => {
	if (!proxyWarningGiven) {
		const warning = proxyWithoutAddressHeader(event.request.headers);
		if (warning) {
			proxyWarningGiven = true;
			console.warn(warning);
		}
	}
	return resolve(event);
};

// No route takes a NUL in its address, and PostgreSQL refuses it in text: refused before any route runs.
const rejectNulInAddress: Handle = async ({ event, resolve }) => {
	if (/%00/.test(event.url.pathname + event.url.search)) return earlyRefusal(event, 400, 'form.control-character', fr.controlCharacter);
	return resolve(event);
};

// The tablet's autosave, the hottest request by far, checks the session inside its own write
// statement (saveChangesWithSession): validating it here first would double its round trips.
const AUTOSAVE_ROUTE = '/api/soutenances/[defenseId]/grille';

/** Before any route runs: a database that is away answers 503 with a French message, and the server stays up. */
const answerWhileDatabaseAway: Handle = async ({ event, resolve }) => {
	try {
		return await resolve(event);
	} catch (caught) {
		if (!isDatabaseUnavailable(caught)) throw caught;
		return earlyRefusal(event, 503, 'db.unavailable', fr.databaseUnavailable, { 'retry-after': '5' });
	}
};

const authenticate: Handle = async ({ event, resolve }) => {
	const handle = await openDatabase();
	event.locals.db = handle.db;
	event.locals.databaseKind = handle.kind;
	event.locals.user = null;
	event.locals.sessionId = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token && !(event.request.method === 'POST' && event.route.id === AUTOSAVE_ROUTE)) {
		const validated = await validateSessionToken(handle.db, token);
		if (validated) {
			event.locals.user = validated.user;
			event.locals.sessionId = validated.session.id;
			// Only when the expiry moved: a long-lived stream or a late request must not re-create a cookie the user just dropped.
			if (validated.session.extended) setSessionCookie(event.cookies, event.url, token, validated.session.expiresAt);
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	if (!response.headers.has('Content-Security-Policy'))
		response.headers.set('Content-Security-Policy', "frame-ancestors 'none'; default-src 'self'");
	return response;
};

// Outermost: every answer a route or an earlier refusal gives, pages and JSON, goes out compressed when
// the browser takes it (`node build` has no proxy in front by default). Static files are precompressed by the adapter.
const compressResponses: Handle = async ({ event, resolve }) => compressedResponse(event.request, await resolve(event));

export const handle = sequence(
	compressResponses,
	rejectCrossOriginRequests,
	warnProxyWithoutAddressHeader,
	rejectNulInAddress,
	answerWhileDatabaseAway,
	authenticate,
	securityHeaders
);
