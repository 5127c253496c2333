/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';

// Serves the app shell (the built scripts and styles, the static files) from a cache, and the
// juror's defense pages network-first with the last copy as a fallback, so a tablet that loses
// its connection and reloads still gets its grid (the page then re-applies its outbox).
const worker = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `shell-${version}`;
const PAGES = 'jury-pages';
const shellFiles = new Set([...build, ...files]);
const isDefensePage = (url: URL) => /^\/jury\/soutenances\/[^/]+\/?$/.test(url.pathname) && url.search === '';

worker.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(SHELL)
			.then((cache) => cache.addAll([...shellFiles]))
			.then(() => worker.skipWaiting())
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((key) => key.startsWith('shell-') && key !== SHELL).map((key) => caches.delete(key))))
			.then(() => worker.clients.claim())
	);
});

async function defensePage(request: Request): Promise<Response> {
	const cache = await caches.open(PAGES);
	try {
		const response = await fetch(request);
		// Only a page the juror was allowed to see is kept (not a login redirect, not an error); a page
		// the server now refuses or sends to the login page is no longer offered offline either.
		if (response.ok && !response.redirected) await cache.put(request.url, response.clone());
		else if (response.type === 'opaqueredirect' || response.redirected || [401, 403, 404].includes(response.status))
			await cache.delete(request.url);
		return response;
	} catch (error) {
		const cached = await cache.match(request.url);
		if (cached) return cached;
		throw error;
	}
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (url.origin !== worker.location.origin) return;
	// Leaving the tablet (logging out), or someone about to log in on it (the login page, also where
	// an expired session lands): forget the pages cached for the previous juror.
	if (url.pathname === '/deconnexion' || (url.pathname === '/connexion' && request.mode === 'navigate'))
		return event.waitUntil(caches.delete(PAGES));
	if (request.method !== 'GET') return;
	if (shellFiles.has(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((cached) => cached ?? fetch(request)));
	} else if (request.mode === 'navigate' && isDefensePage(url)) {
		event.respondWith(defensePage(request));
	}
});
