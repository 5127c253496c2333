import { formatInTimeZone } from '../time/format';
import { defenseKey, type CandidateSlot, type PlanDiff } from './plan-diff';

/** A defense as the coordinator reads it in the confirmation: local date and times, jury, room. */
export interface SlotView {
	date: string;
	start: string;
	end: string;
	jury: string;
	room: string | null;
	/** The candidates of the defense, by name. */
	candidates: string[];
}

export type ChangeEntry =
	| { kind: 'placed'; after: SlotView }
	| { kind: 'moved'; before: SlotView; after: SlotView }
	| { kind: 'unplaced'; before: SlotView }
	| { kind: 'added'; slot: SlotView }
	| { kind: 'removed'; slot: SlotView }
	/** A juror's whole day on a first publication: how many defenses, from the first to the last. */
	| { kind: 'schedule'; count: number; first: SlotView; last: SlotView };

export interface Recipient {
	id: string;
	name: string;
	role: 'candidate' | 'juror';
	entries: ChangeEntry[];
}

export interface SummaryContext {
	zone: string;
	name: (personId: string) => string;
	jury: (juryId: string) => string;
	firstPublication: boolean;
}

/**
 * Who a publication tells, and what changed for each of them, in words the coordinator checks
 * before sending: a candidate's old and new slot; a juror's defenses added, removed or moved (a
 * defense removed and added again with the same candidates is one move).
 */
export function summarizeChanges(diff: PlanDiff, context: SummaryContext): Recipient[] {
	const view = (slot: CandidateSlot): SlotView => ({
		date: formatInTimeZone(slot.start, context.zone, 'dd/MM'),
		start: formatInTimeZone(slot.start, context.zone, 'HH:mm'),
		end: formatInTimeZone(slot.end, context.zone, 'HH:mm'),
		jury: context.jury(slot.juryId),
		room: slot.room?.name ?? null,
		candidates: slot.candidates.map(context.name).sort((a, b) => a.localeCompare(b, 'fr'))
	});
	const byName = (a: Recipient, b: Recipient) => a.name.localeCompare(b.name, 'fr');
	const candidates: Recipient[] = diff.candidates.map((change) => ({
		id: change.candidateId,
		name: context.name(change.candidateId),
		role: 'candidate',
		entries: [
			change.kind === 'placed'
				? { kind: 'placed', after: view(change.after!) }
				: change.kind === 'unplaced'
					? { kind: 'unplaced', before: view(change.before!) }
					: { kind: 'moved', before: view(change.before!), after: view(change.after!) }
		]
	}));
	const jurors: Recipient[] = diff.jurors.map((change) => {
		const removed = new Map(change.removed.map((slot) => [defenseKey(slot.candidates), slot]));
		const entries: ChangeEntry[] = [];
		const added = [...change.added].sort((a, b) => a.start.getTime() - b.start.getTime());
		if (context.firstPublication && added.length > 1 && removed.size === 0) {
			entries.push({ kind: 'schedule', count: added.length, first: view(added[0]), last: view(added[added.length - 1]) });
		} else {
			for (const slot of added) {
				const was = removed.get(defenseKey(slot.candidates));
				if (was) removed.delete(defenseKey(slot.candidates));
				entries.push(was ? { kind: 'moved', before: view(was), after: view(slot) } : { kind: 'added', slot: view(slot) });
			}
			for (const slot of removed.values()) entries.push({ kind: 'removed', slot: view(slot) });
		}
		return { id: change.jurorId, name: context.name(change.jurorId), role: 'juror', entries };
	});
	return [...candidates.sort(byName), ...jurors.sort(byName)];
}
