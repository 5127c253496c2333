import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectPglite } from './connect';
import { dataDirOwner, LOCK_FILE, lockDataDir } from './data-dir-lock';

// Two processes on one PGlite folder corrupt it: whoever opens DATA_DIR takes its lock first.
describe('the lock of the embedded database’s folder', () => {
	const folders: string[] = [];
	const freshFolder = () => {
		const folder = mkdtempSync(path.join(tmpdir(), `soutenance-verrou-${process.pid}-`));
		folders.push(folder);
		return folder;
	};
	const lockNaming = (folder: string, pid: number) => writeFileSync(path.join(folder, LOCK_FILE), JSON.stringify({ pid }));
	afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

	it('refuses a second open from this process until the first is released, and leaves no lock behind', async () => {
		const folder = freshFolder();
		const lock = await lockDataDir(folder);
		expect(statSync(path.join(folder, LOCK_FILE)).mode & 0o777).toBe(0o600);
		await expect(lockDataDir(folder)).rejects.toThrow(`déjà ouverte par le processus ${process.pid}`);
		await lock.release();
		expect(existsSync(path.join(folder, LOCK_FILE))).toBe(false);
		await (await lockDataDir(folder)).release();
	});

	it('refuses a folder another live process holds, before PGlite touches it', async () => {
		const folder = freshFolder();
		// The parent of this test process is alive for as long as the test runs.
		lockNaming(folder, process.ppid);
		expect(await dataDirOwner(folder)).toEqual({ pid: process.ppid, channel: null });
		await expect(connectPglite({ dataDir: folder })).rejects.toThrow(`déjà ouverte par le processus ${process.ppid}`);
		expect(existsSync(path.join(folder, 'PG_VERSION'))).toBe(false);
	});

	it('takes over a lock left by a process that is gone (a crash)', async () => {
		const folder = freshFolder();
		const gone = spawnSync(process.execPath, ['-e', '']).pid!;
		lockNaming(folder, gone);
		expect(await dataDirOwner(folder)).toBeNull();
		const lock = await lockDataDir(folder);
		expect(await dataDirOwner(folder)).toEqual({ pid: process.pid, channel: null });
		await lock.release();
	});
});
