import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './connect';
import { openBackupChannel } from './backup-channel';
import { backupEmbedded } from './backup';
import { LOCK_FILE, lockDataDir } from './data-dir-lock';

// How npm run backup reaches the running server that holds DATA_DIR, and what it says when it cannot.
describe('the backup channel of a running server', () => {
	const folders: string[] = [];
	const freshFolder = () => {
		const folder = mkdtempSync(path.join(tmpdir(), `soutenance-canal-${process.pid}-`));
		folders.push(folder);
		return folder;
	};
	afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

	const externalAddresses = () =>
		Object.values(networkInterfaces())
			.flat()
			.filter((entry) => entry && entry.family === 'IPv4' && !entry.internal)
			.map((entry) => entry!.address);

	async function freePort(): Promise<number> {
		const server = createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as { port: number };
		await new Promise((resolve) => server.close(resolve));
		return port;
	}

	it('listens on 127.0.0.1 only, and answers a wrong token with a French refusal, without dumping anything', async () => {
		const folder = freshFolder();
		const lock = await lockDataDir(folder);
		// Nothing reaches the database before the token is checked: a handle that cannot dump proves it.
		const close = await openBackupChannel({} as DatabaseHandle, folder);
		try {
			const { channel } = JSON.parse(readFileSync(path.join(folder, LOCK_FILE), 'utf8'));
			const response = await fetch(`http://127.0.0.1:${channel.port}/sauvegarde`, {
				method: 'POST',
				headers: { authorization: `Bearer ${'0'.repeat(64)}` }
			});
			expect(response.status).toBe(403);
			expect(await response.text()).toBe('Demande de sauvegarde refusée : jeton absent ou incorrect.');
			// Not on the machine's other addresses (where a proxy or another machine could reach it).
			for (const address of externalAddresses()) {
				await expect(fetch(`http://${address}:${channel.port}/sauvegarde`, { method: 'POST' })).rejects.toThrow();
			}
		} finally {
			await close();
			await lock.release();
		}
	});

	it('refuses, naming the process, when the holder of DATA_DIR does not answer or is not a server', async () => {
		const folder = freshFolder();
		// The parent of this test process is alive for as long as the test runs.
		writeFileSync(path.join(folder, LOCK_FILE), JSON.stringify({ pid: process.ppid, channel: { port: await freePort(), token: 'x' } }));
		await expect(backupEmbedded(folder)).rejects.toThrow(
			`Le serveur Soutenance (processus ${process.ppid}) tient la base intégrée mais ne répond pas à la demande de sauvegarde : ` +
				'ECONNREFUSED'
		);
		writeFileSync(path.join(folder, LOCK_FILE), JSON.stringify({ pid: process.ppid }));
		await expect(backupEmbedded(folder)).rejects.toThrow(
			`La base intégrée est ouverte par le processus ${process.ppid}, qui n’est pas un serveur`
		);
	});
});
