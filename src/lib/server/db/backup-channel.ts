import { createServer } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fr } from '$lib/i18n/fr';
import { dumpEmbedded } from './backup';
import type { DatabaseHandle } from './connect';
import { publishBackupChannel } from './data-dir-lock';

/*
 * While the server runs it alone may open DATA_DIR, so `npm run backup` asks it for the dump. The
 * channel is a separate HTTP listener on 127.0.0.1 and an ephemeral port, outside the app's routes, so
 * neither the reverse proxy nor any other machine reaches it. Its port and a random token are written
 * in DATA_DIR's lock file, mode 0600: a caller proves it may have the dump by reading that file, which
 * only the server's system user (and root) can, and they could read the database's files anyway. A
 * coordinator's download in the app was set aside: a nightly cron job has no coordinator's session,
 * and the dump (password hashes included) should not pass through a browser.
 */
export async function openBackupChannel(handle: DatabaseHandle, dataDir: string): Promise<() => Promise<void>> {
	const token = randomBytes(32).toString('hex');
	const expected = Buffer.from(`Bearer ${token}`);
	const server = createServer((request, response) => {
		const given = Buffer.from(request.headers.authorization ?? '');
		if (
			request.method !== 'POST' ||
			request.url !== '/sauvegarde' ||
			given.length !== expected.length ||
			!timingSafeEqual(given, expected)
		) {
			response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end(fr.backup.channelRefused);
			return;
		}
		dumpEmbedded(handle).then(
			(dump) => response.writeHead(200, { 'content-type': 'application/gzip', 'content-length': dump.length }).end(dump),
			(caught: Error) => {
				console.error('Sauvegarde demandée par npm run backup :', caught);
				response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(fr.backup.channelFailed(caught.message));
			}
		);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	// The channel never keeps the process alive by itself: the server's shutdown decides.
	server.unref();
	await publishBackupChannel(dataDir, { port: (server.address() as AddressInfo).port, token });
	return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
