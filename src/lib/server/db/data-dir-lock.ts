import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fr } from '$lib/i18n/fr';
import { UserFacingError } from '../errors';

/*
 * PGlite is PostgreSQL in this process, without a postmaster: two processes opening one data folder
 * would both write its files and corrupt it. So whoever opens DATA_DIR (the server, migrate, the demo
 * scripts, backup, restore) first takes this lock, as PostgreSQL does with postmaster.pid: a file
 * created only if absent, naming the process; a file whose process is gone is a leftover of a crash
 * and is taken over. The running server also writes there how to reach its backup channel.
 */
export const LOCK_FILE = 'soutenance.lock';

export interface BackupChannelAddress {
	port: number;
	token: string;
}

interface LockContent {
	pid: number;
	channel?: BackupChannelAddress;
}

export interface DataDirOwner {
	pid: number;
	channel: BackupChannelAddress | null;
}

/** Folders this process holds: a second open from the same process is refused like one from another. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (caught) {
		// EPERM: the process exists, under another user.
		return (caught as NodeJS.ErrnoException).code === 'EPERM';
	}
}

const lockPath = (dataDir: string) => path.join(path.resolve(dataDir), LOCK_FILE);

/** The live process holding DATA_DIR open, or null when nobody does (no lock, or one left by a process that is gone). */
export async function dataDirOwner(dataDir: string): Promise<DataDirOwner | null> {
	let content: LockContent;
	try {
		content = JSON.parse(await readFile(lockPath(dataDir), 'utf8'));
	} catch (caught) {
		if ((caught as NodeJS.ErrnoException).code === 'ENOENT') return null;
		// The lock is written whole (link or rename of a complete file), so an unreadable one was not written by us.
		if (caught instanceof SyntaxError) return null;
		throw caught;
	}
	if (!Number.isInteger(content.pid)) return null;
	// Our own pid in a lock we do not hold: left by an earlier process that had the same pid (a restarted container).
	if (content.pid === process.pid && !heldHere.has(path.resolve(dataDir))) return null;
	if (!isAlive(content.pid)) return null;
	return { pid: content.pid, channel: content.channel ?? null };
}

async function writeWhole(file: string, content: LockContent): Promise<string> {
	const temporary = `${file}.${process.pid}`;
	await writeFile(temporary, JSON.stringify(content), { mode: 0o600 });
	return temporary;
}

export interface DataDirLock {
	release(): Promise<void>;
}

/** Takes DATA_DIR for this process, or refuses with the pid of the live process that holds it. */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
	const folder = path.resolve(dataDir);
	if (heldHere.has(folder)) throw new UserFacingError('db.data-dir-busy', 409, fr.backup.dataDirBusy(folder, process.pid));
	await mkdir(folder, { recursive: true, mode: 0o700 });
	const file = lockPath(folder);
	const temporary = await writeWhole(file, { pid: process.pid });
	try {
		// link() creates the lock only if it does not exist, already holding its content: no reader sees it empty.
		for (let attempt = 0; ; attempt++) {
			try {
				await link(temporary, file);
				break;
			} catch (caught) {
				if ((caught as NodeJS.ErrnoException).code !== 'EEXIST') throw caught;
				const owner = await dataDirOwner(folder);
				if (owner || attempt >= 2) throw new UserFacingError('db.data-dir-busy', 409, fr.backup.dataDirBusy(folder, owner?.pid ?? 0));
				await unlink(file).catch(() => {});
			}
		}
	} finally {
		await unlink(temporary).catch(() => {});
	}
	heldHere.add(folder);
	return {
		async release() {
			if (!heldHere.delete(folder)) return;
			const content = await readFile(file, 'utf8').then(JSON.parse, () => null);
			if (content?.pid === process.pid) await unlink(file).catch(() => {});
		}
	};
}

/** Writes, in the lock this process holds, where its backup channel listens (the file is the owner's only, mode 0600). */
export async function publishBackupChannel(dataDir: string, channel: BackupChannelAddress): Promise<void> {
	const file = lockPath(dataDir);
	if (!heldHere.has(path.resolve(dataDir))) throw new Error(`${file} n’est pas tenu par ce processus.`);
	await rename(await writeWhole(file, { pid: process.pid, channel }), file);
}
