import { SCHEDULE_FORMAT, type Defense, type Schedule } from '../planning/types';

/** A jury as it was published: its members decide who hears which defense. */
export interface JurySnapshot {
	id: string;
	label: string;
	members: string[];
	roomId: string | null;
}

/** A room as it was published: a changed name or video link changes what candidates were told. */
export interface RoomSnapshot {
	id: string;
	name: string;
	remote: boolean;
	videoUrl: string | null;
}

/** A plan as published (or about to be): a `soutenance.schedule/1` document whose ids are database uuids. */
export interface PublishedPlan {
	schedule: Schedule;
	juries: JurySnapshot[];
	rooms: RoomSnapshot[];
}

/** What one candidate was told: their defense, or null when they are not placed. */
export interface CandidateSlot {
	candidates: string[];
	juryId: string;
	start: Date;
	end: Date;
	room: RoomSnapshot | null;
}

export interface CandidateChange {
	candidateId: string;
	kind: 'placed' | 'moved' | 'unplaced';
	before: CandidateSlot | null;
	after: CandidateSlot | null;
}

export interface JurorChange {
	jurorId: string;
	/** Defenses the juror now hears that they did not hear, or heard at another time or place. */
	added: CandidateSlot[];
	/** Defenses the juror no longer hears, or heard at another time or place. */
	removed: CandidateSlot[];
}

export interface PlanDiff {
	/** Defenses (identified by their candidates) whose time, jury or room changed, or that appeared or vanished. */
	changedDefenses: number;
	candidates: CandidateChange[];
	jurors: JurorChange[];
}

/** Builds the schedule document of a plan; candidates without a defense are listed as unplaced, teams together. */
export function scheduleDocument(
	defenses: { candidates: string[]; juryId: string; roomId: string | null; start: Date; end: Date }[],
	registered: { candidateId: string; team: string | null }[]
): Schedule {
	const placed = new Set(defenses.flatMap((defense) => defense.candidates));
	const unplacedGroups = new Map<string, string[]>();
	for (const registration of registered) {
		if (placed.has(registration.candidateId)) continue;
		const key = registration.team ? `team:${registration.team}` : `candidate:${registration.candidateId}`;
		unplacedGroups.set(key, [...(unplacedGroups.get(key) ?? []), registration.candidateId]);
	}
	return {
		format: SCHEDULE_FORMAT,
		defenses: defenses
			.map((defense) => ({
				candidates: [...defense.candidates].sort(),
				jury: defense.juryId,
				room: defense.roomId ?? '',
				start: defense.start.toISOString(),
				end: defense.end.toISOString()
			}))
			.sort((a, b) => a.start.localeCompare(b.start) || a.jury.localeCompare(b.jury)),
		unplaced: [...unplacedGroups.values()]
			.map((candidates) => ({ candidates: candidates.sort(), reasons: ['non placé dans le plan publié'] }))
			.sort((a, b) => a.candidates[0].localeCompare(b.candidates[0])),
		stats: { elapsedMs: 0 }
	};
}

function slotOf(plan: PublishedPlan, defense: Defense): CandidateSlot {
	return {
		candidates: [...defense.candidates].sort(),
		juryId: defense.jury,
		start: new Date(defense.start),
		end: new Date(defense.end),
		room: plan.rooms.find((room) => room.id === defense.room) ?? null
	};
}

/** A defense is keyed by its candidates: a team always defends together, so the key survives a move. */
export function defenseKey(candidates: string[]): string {
	return [...candidates].sort().join('+');
}

function sameSlot(a: CandidateSlot | null, b: CandidateSlot | null): boolean {
	if (!a || !b) return a === b;
	return (
		defenseKey(a.candidates) === defenseKey(b.candidates) &&
		a.juryId === b.juryId &&
		a.start.getTime() === b.start.getTime() &&
		a.end.getTime() === b.end.getTime() &&
		JSON.stringify(a.room) === JSON.stringify(b.room)
	);
}

export function candidateSlots(plan: PublishedPlan): Map<string, CandidateSlot> {
	const slots = new Map<string, CandidateSlot>();
	for (const defense of plan.schedule.defenses) {
		const slot = slotOf(plan, defense);
		for (const candidate of defense.candidates) slots.set(candidate, slot);
	}
	return slots;
}

/** Every juror's defenses, in time order. */
export function jurorSlots(plan: PublishedPlan): Map<string, CandidateSlot[]> {
	const slots = new Map<string, CandidateSlot[]>();
	for (const defense of plan.schedule.defenses) {
		const jury = plan.juries.find((candidate) => candidate.id === defense.jury);
		for (const member of jury?.members ?? []) slots.set(member, [...(slots.get(member) ?? []), slotOf(plan, defense)]);
	}
	for (const list of slots.values()) list.sort((a, b) => a.start.getTime() - b.start.getTime());
	return slots;
}

/**
 * Who must be told what between two publications: a candidate whose defense moved (time, jury or
 * room), was newly placed or is no longer placed; a juror whose own list of defenses changed —
 * which covers the members of both the old and the new jury of a moved defense. Without a
 * previous publication, everyone with a place in the plan is "placed".
 */
export function diffPlans(previous: PublishedPlan | null, current: PublishedPlan): PlanDiff {
	const emptyPlan: PublishedPlan = {
		schedule: { format: SCHEDULE_FORMAT, defenses: [], unplaced: [], stats: { elapsedMs: 0 } },
		juries: [],
		rooms: []
	};
	const before = previous ?? emptyPlan;
	const beforeCandidates = candidateSlots(before);
	const afterCandidates = candidateSlots(current);
	const candidates: CandidateChange[] = [];
	for (const candidateId of new Set([...beforeCandidates.keys(), ...afterCandidates.keys()])) {
		const was = beforeCandidates.get(candidateId) ?? null;
		const now = afterCandidates.get(candidateId) ?? null;
		if (sameSlot(was, now)) continue;
		candidates.push({ candidateId, kind: !was ? 'placed' : !now ? 'unplaced' : 'moved', before: was, after: now });
	}

	const beforeJurors = jurorSlots(before);
	const afterJurors = jurorSlots(current);
	const jurors: JurorChange[] = [];
	for (const jurorId of new Set([...beforeJurors.keys(), ...afterJurors.keys()])) {
		const was = beforeJurors.get(jurorId) ?? [];
		const now = afterJurors.get(jurorId) ?? [];
		const added = now.filter((slot) => !was.some((old) => sameSlot(old, slot)));
		const removed = was.filter((slot) => !now.some((kept) => sameSlot(kept, slot)));
		if (added.length || removed.length) jurors.push({ jurorId, added, removed });
	}

	const beforeDefenses = new Map(before.schedule.defenses.map((defense) => [defenseKey(defense.candidates), slotOf(before, defense)]));
	const afterDefenses = new Map(current.schedule.defenses.map((defense) => [defenseKey(defense.candidates), slotOf(current, defense)]));
	let changedDefenses = 0;
	for (const key of new Set([...beforeDefenses.keys(), ...afterDefenses.keys()])) {
		if (!sameSlot(beforeDefenses.get(key) ?? null, afterDefenses.get(key) ?? null)) changedDefenses++;
	}
	return { changedDefenses, candidates, jurors };
}
