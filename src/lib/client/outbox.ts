import { openDB, type IDBPDatabase } from 'idb';
import { fieldKey, type ScoreChange } from '$lib/domain/scoring/changes';

/** A change waiting on this device until the server says it holds it. */
export interface QueuedChange extends ScoreChange {
	jurorId: string;
	defenseId: string;
	key: string;
}

export interface OutboxStatus {
	pending: number;
	/** False when the browser says so or the last send could not reach the server. */
	reachable: boolean;
	/** A refusal the juror must know about (locked grid, expired session). */
	problem: string | null;
}

export function statusText(status: OutboxStatus): string {
	if (!status.reachable) return status.pending > 0 ? `Hors ligne · ${status.pending} en attente` : 'Hors ligne';
	if (status.pending > 0) return `${status.pending} en attente`;
	return 'Enregistré';
}

const STORE = 'changes';
const MAX_BACKOFF_MS = 4000;
const POLL_MS = 3000;
const BATCH = 100;

interface Storage {
	list(jurorId: string, defenseId: string): Promise<QueuedChange[]>;
	put(change: QueuedChange): Promise<void>;
	remove(changeIds: string[]): Promise<void>;
}

function openStorage(): Promise<Storage> {
	return openDB('soutenance-outbox', 1, {
		upgrade(db) {
			db.createObjectStore(STORE, { keyPath: 'changeId' }).createIndex('owner', ['jurorId', 'defenseId']);
		}
	}).then(
		(db: IDBPDatabase) => ({
			list: (jurorId, defenseId) => db.getAllFromIndex(STORE, 'owner', [jurorId, defenseId]),
			put: async (change) => void (await db.put(STORE, change)),
			remove: async (changeIds) => {
				const transaction = db.transaction(STORE, 'readwrite');
				await Promise.all([...changeIds.map((id) => transaction.store.delete(id)), transaction.done]);
			}
		}),
		// No IndexedDB (some private modes): keep the outbox in memory, the page still autosaves.
		() => {
			const memory = new Map<string, QueuedChange>();
			return {
				list: async (jurorId, defenseId) =>
					[...memory.values()].filter((change) => change.jurorId === jurorId && change.defenseId === defenseId),
				put: async (change) => void memory.set(change.changeId, change),
				remove: async (changeIds) => changeIds.forEach((id) => memory.delete(id))
			};
		}
	);
}

/**
 * The tablet's outbox for one juror and one defense: every change is written to IndexedDB before
 * anything is sent, then sent in batches from the page (on each change, when the browser comes
 * back online, when the page becomes visible, and every few seconds while something waits), and
 * removed only once the server answers that it holds it.
 */
export class Outbox {
	private storage = openStorage();
	private sending: Promise<void> | null = null;
	private again = false;
	private failures = 0;
	private retryTimer: ReturnType<typeof setTimeout> | null = null;
	status: OutboxStatus = { pending: 0, reachable: true, problem: null };
	// Changes handed to add() and not yet in IndexedDB count as waiting: the status never says
	// "Enregistré" while a change exists only in memory.
	private adding = 0;

	constructor(
		private readonly jurorId: string,
		private readonly defenseId: string,
		private readonly onStatus: (status: OutboxStatus) => void,
		private readonly onStored: () => void = () => {}
	) {}

	private get endpoint() {
		return `/api/soutenances/${this.defenseId}/grille`;
	}

	async pending(): Promise<QueuedChange[]> {
		const changes = await (await this.storage).list(this.jurorId, this.defenseId);
		return changes.sort((a, b) => a.clientTime - b.clientTime);
	}

	private setStatus(update: Partial<OutboxStatus>) {
		this.status = { ...this.status, ...update };
		this.onStatus(this.status);
	}

	/** Queues a change (replacing an older unsent one of the same field), then sends. */
	async add(change: ScoreChange): Promise<void> {
		this.adding++;
		this.setStatus({ pending: this.status.pending + 1 });
		try {
			const storage = await this.storage;
			const key = fieldKey(change);
			const superseded = (await storage.list(this.jurorId, this.defenseId)).filter(
				(queued) => queued.key === key && queued.clientTime <= change.clientTime
			);
			await storage.put({ ...change, jurorId: this.jurorId, defenseId: this.defenseId, key });
			await storage.remove(superseded.map((queued) => queued.changeId));
		} finally {
			this.adding--;
		}
		await this.refreshCount();
		void this.drain();
	}

	private async refreshCount() {
		this.setStatus({ pending: (await this.pending()).length + this.adding });
	}

	/** Sends everything waiting; concurrent calls share one sending loop. */
	drain(): Promise<void> {
		if (this.sending) {
			this.again = true;
			return this.sending;
		}
		this.sending = this.sendAll().finally(() => {
			this.sending = null;
		});
		return this.sending;
	}

	private async sendAll(): Promise<void> {
		for (;;) {
			this.again = false;
			const queued = await this.pending();
			if (queued.length === 0) {
				this.setStatus({ pending: this.adding, reachable: this.status.reachable || navigator.onLine });
				return;
			}
			this.setStatus({ pending: queued.length + this.adding });
			if (!(await this.send(queued.slice(0, BATCH)))) return;
		}
	}

	/** One batch; true when the server answered it (so the loop may continue). */
	private async send(batch: QueuedChange[]): Promise<boolean> {
		let response: Response;
		try {
			response = await fetch(this.endpoint, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify({
					changes: batch.map(({ changeId, candidateId, field, competencyCode, value, clientTime }) => ({
						changeId,
						candidateId,
						field,
						competencyCode,
						value,
						clientTime
					}))
				})
			});
		} catch {
			this.retryLater({ reachable: false });
			return false;
		}
		if (response.ok) {
			const outcome = (await response.json()) as { stored: string[]; rejected: { changeId: string; reason: string }[] };
			await (await this.storage).remove([...outcome.stored, ...outcome.rejected.map((entry) => entry.changeId)]);
			this.failures = 0;
			this.setStatus({ reachable: true, problem: outcome.rejected[0]?.reason ?? null });
			this.onStored();
			return true;
		}
		const message = ((await response.json().catch(() => null)) as { message?: string } | null)?.message ?? `Erreur ${response.status}`;
		if (response.status === 400) {
			// The server refused the batch whole and wrote none of it: one by one, the good changes
			// are stored and only the one it can never accept is dropped (it would block the outbox for good), said so.
			if (batch.length > 1) {
				let refusal: string | null = null;
				for (const change of batch) {
					if (!(await this.send([change]))) return false;
					refusal = this.status.problem ?? refusal;
				}
				this.setStatus({ problem: refusal });
				return true;
			}
			await (await this.storage).remove(batch.map((change) => change.changeId));
			this.setStatus({ reachable: true, problem: message });
			return true;
		}
		// Server down, session expired, no longer a member: keep everything and try again later.
		this.retryLater({ reachable: response.status < 500, problem: response.status >= 500 ? null : message });
		return false;
	}

	private retryLater(update: Partial<OutboxStatus>) {
		this.failures++;
		this.setStatus(update);
		if (this.retryTimer) clearTimeout(this.retryTimer);
		const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** this.failures) * (0.75 + Math.random() * 0.5);
		this.retryTimer = setTimeout(() => void this.drain(), delay);
	}

	/** Starts the page's triggers; returns the function that stops them. */
	start(): () => void {
		const wake = () => {
			if (document.visibilityState === 'visible') void this.drain();
		};
		const online = () => {
			this.failures = 0;
			void this.drain();
		};
		const offline = () => this.setStatus({ reachable: false });
		const interval = setInterval(() => {
			if (this.status.pending > 0 || !this.status.reachable) void this.drain();
		}, POLL_MS);
		window.addEventListener('online', online);
		window.addEventListener('offline', offline);
		document.addEventListener('visibilitychange', wake);
		if (!navigator.onLine) this.setStatus({ reachable: false });
		void this.drain();
		return () => {
			clearInterval(interval);
			if (this.retryTimer) clearTimeout(this.retryTimer);
			window.removeEventListener('online', online);
			window.removeEventListener('offline', offline);
			document.removeEventListener('visibilitychange', wake);
		};
	}
}
