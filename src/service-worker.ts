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
		// Only a page the juror was allowed to see is kept (not a login redirect, not an error).
		if (response.ok && !response.redirected) await cache.put(request.url, response.clone());
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
	// Leaving the tablet (logging out): forget the pages cached for this juror.
	if (url.pathname === '/deconnexion') return event.waitUntil(caches.delete(PAGES));
	if (request.method !== 'GET') return;
	if (shellFiles.has(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((cached) => cached ?? fetch(request)));
	} else if (request.mode === 'navigate' && isDefensePage(url)) {
		event.respondWith(defensePage(request));
	}
});
