/**
 * Independent checker of docs/planning-v1.md schedules for the benchmark. It deliberately shares no
 * code with src/lib/domain/planning: its own minimal types, and its own time handling on
 * Intl (wall-clock → instant by fixed-point iteration on the zone offset).
 */

export interface BenchProblem {
	timezone: string;
	durations: { presentation: number; questions: number; deliberation: number; changeover: number; extraPerTeamMember: number };
	days: { date: string; start: string; end: string; breaks: { start: string; end: string }[] }[];
	rooms: { id: string; unavailable?: { start: string; end: string }[] }[];
	jurors: { id: string; company?: string | null; expertise?: string[]; unavailable?: { start: string; end: string }[] }[];
	juries: { id: string; members: string[]; room: string }[];
	candidates: {
		id: string;
		company?: string | null;
		team?: string | null;
		tags?: string[];
		extraTimePercent?: number;
		unavailable?: { start: string; end: string }[];
		conflicts?: string[];
	}[];
	pinned?: { candidates: string[]; jury: string; start: string }[];
}

export interface BenchSchedule {
	defenses: { candidates: string[]; jury: string; room: string; start: string; end: string }[];
	unplaced: { candidates: string[]; reasons: string[] }[];
	stats: Record<string, number>;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function offsetMs(zone: string, utcMs: number): number {
	let formatter = formatters.get(zone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-GB', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		formatters.set(zone, formatter);
	}
	const parts = Object.fromEntries(formatter.formatToParts(new Date(utcMs)).map((part) => [part.type, part.value]));
	const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
	return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** Epoch milliseconds of a wall-clock date and `HH:MM` in `zone`. */
export function wallClockToMs(date: string, time: string, zone: string): number {
	const [y, mo, d] = date.split('-').map(Number);
	const [h, mi] = time.split(':').map(Number);
	const naive = Date.UTC(y, mo - 1, d, h, mi);
	let guess = naive - offsetMs(zone, naive);
	guess = naive - offsetMs(zone, guess);
	return guess;
}

/** Offset suffix (`+01:00`) the zone has at an instant. */
export function offsetSuffix(zone: string, utcMs: number): string {
	const minutes = offsetMs(zone, utcMs) / 60000;
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const MINUTE = 60000;
const overlap = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1;
const normalised = (company: string | null | undefined) => (company ?? '').trim().toLowerCase();

export interface BenchMetrics {
	placed: number;
	juryDays: number;
	idleMinutes: number;
	expertiseMatches: number;
}

export function checkBenchSchedule(problem: BenchProblem, schedule: BenchSchedule): { violations: string[]; metrics: BenchMetrics } {
	const violations: string[] = [];
	const zone = problem.timezone;
	const jurors = new Map(problem.jurors.map((j) => [j.id, j]));
	const rooms = new Map(problem.rooms.map((r) => [r.id, r]));
	const juries = new Map(problem.juries.map((j) => [j.id, j]));
	const candidates = new Map(problem.candidates.map((c) => [c.id, c]));
	const team = (id: string) => candidates.get(id)?.team ?? null;
	const intervalsOf = (list?: { start: string; end: string }[]) => (list ?? []).map((i) => [Date.parse(i.start), Date.parse(i.end)]);

	// Rule 1: each candidate exactly once; teams whole and together.
	const count = new Map<string, number>();
	for (const group of [...schedule.defenses, ...schedule.unplaced]) {
		for (const id of group.candidates) count.set(id, (count.get(id) ?? 0) + 1);
		const teams = new Set(group.candidates.map(team));
		const first = team(group.candidates[0]);
		const expectedSize = first === null ? 1 : problem.candidates.filter((c) => c.team === first).length;
		if (teams.size !== 1 || group.candidates.length !== expectedSize)
			violations.push(`rule 1: group ${group.candidates} is not one whole team or one candidate`);
	}
	for (const c of problem.candidates) if (count.get(c.id) !== 1) violations.push(`rule 1: ${c.id} appears ${count.get(c.id) ?? 0} times`);

	const days = problem.days.map((day) => ({
		date: day.date,
		open: wallClockToMs(day.date, day.start, zone),
		close: wallClockToMs(day.date, day.end, zone),
		breaks: day.breaks.map((b) => [wallClockToMs(day.date, b.start, zone), wallClockToMs(day.date, b.end, zone)])
	}));
	const uses = new Map<string, [number, number][]>();
	const juryDays = new Map<string, { spans: [number, number][]; breaks: number[][] }>();
	let expertiseMatches = 0;
	let placed = 0;
	const d = problem.durations;

	for (const defense of schedule.defenses) {
		const label = defense.candidates.join('+');
		const start = Date.parse(defense.start);
		const end = Date.parse(defense.end);
		const jury = juries.get(defense.jury);
		const members = defense.candidates.map((id) => candidates.get(id));
		if (!jury || members.some((m) => !m)) {
			violations.push(`unknown jury or candidate in ${label}`);
			continue;
		}
		placed += members.length;
		// Rule 2: length and room.
		const extra = Math.max(0, ...members.map((m) => m!.extraTimePercent ?? 0));
		const spoken = Math.ceil(((d.presentation + d.questions) * (100 + extra)) / 100 - 1e-9);
		const expected = spoken + (members.length - 1) * d.extraPerTeamMember + d.deliberation;
		if ((end - start) / MINUTE !== expected) violations.push(`rule 2: ${label} lasts ${(end - start) / MINUTE} instead of ${expected}`);
		if (defense.room !== jury.room) violations.push(`rule 2: ${label} in room ${defense.room}, jury room is ${jury.room}`);
		// Rule 3: inside one day's hours, off breaks.
		const day = days.find((x) => start >= x.open && end <= x.close);
		if (!day) violations.push(`rule 3: ${label} outside opening hours`);
		else {
			if (day.breaks.some(([b0, b1]) => overlap(start, end, b0, b1))) violations.push(`rule 3: ${label} over a break`);
			const key = `${jury.id}@${day.date}`;
			const entry = juryDays.get(key) ?? { spans: [], breaks: day.breaks };
			entry.spans.push([start, end]);
			juryDays.set(key, entry);
		}
		// Rule 4: unavailability of room, jurors and candidates.
		const busy = [
			...intervalsOf(rooms.get(jury.room)?.unavailable),
			...jury.members.flatMap((id) => intervalsOf(jurors.get(id)?.unavailable)),
			...members.flatMap((m) => intervalsOf(m!.unavailable))
		];
		if (busy.some(([b0, b1]) => overlap(start, end, b0, b1))) violations.push(`rule 4: ${label} during an unavailability`);
		// Rule 6: conflicts.
		for (const id of jury.members) {
			const juror = jurors.get(id)!;
			for (const m of members) {
				if ((m!.conflicts ?? []).includes(id)) violations.push(`rule 6: ${m!.id} declared a conflict with ${id}`);
				if (normalised(m!.company) !== '' && normalised(m!.company) === normalised(juror.company))
					violations.push(`rule 6: ${m!.id} and ${id} share a company`);
			}
		}
		const tags = new Set(members.flatMap((m) => m!.tags ?? []).map((t) => t.trim().toLowerCase()));
		if (jury.members.some((id) => (jurors.get(id)?.expertise ?? []).some((e) => tags.has(e.trim().toLowerCase())))) expertiseMatches++;
		for (const key of [...jury.members.map((id) => `juror ${id}`), `room ${jury.room}`]) {
			const list = uses.get(key) ?? [];
			list.push([start, end]);
			uses.set(key, list);
		}
	}
	// Rule 5: changeover between any two uses of the same juror or room.
	for (const [key, list] of uses) {
		list.sort((a, b) => a[0] - b[0]);
		let latestEnd = -Infinity;
		for (const [start, end] of list) {
			if (start < latestEnd + d.changeover * MINUTE)
				violations.push(`rule 5: ${key} has no ${d.changeover} min changeover at ${new Date(start).toISOString()}`);
			latestEnd = Math.max(latestEnd, end);
		}
	}
	// Rule 7: pins kept.
	for (const pin of problem.pinned ?? []) {
		const kept = schedule.defenses.find((x) => x.candidates.includes(pin.candidates[0]));
		if (!kept || kept.jury !== pin.jury || Date.parse(kept.start) !== Date.parse(pin.start))
			violations.push(`rule 7: pin of ${pin.candidates} not kept`);
	}
	// Offsets: every instant written with the problem zone's offset.
	for (const defense of schedule.defenses)
		if (!defense.start.endsWith(offsetSuffix(zone, Date.parse(defense.start))))
			violations.push(`offset: ${defense.start} is not in ${zone}`);

	let idleMinutes = 0;
	for (const { spans, breaks } of juryDays.values()) {
		spans.sort((a, b) => a[0] - b[0]);
		for (let i = 1; i < spans.length; i++) {
			const [g0, g1] = [spans[i - 1][1], spans[i][0]];
			const inBreaks = breaks.reduce((sum, [b0, b1]) => sum + Math.max(0, Math.min(g1, b1) - Math.max(g0, b0)), 0);
			idleMinutes += Math.max(0, (g1 - g0 - inBreaks) / MINUTE - d.changeover);
		}
	}
	return { violations, metrics: { placed, juryDays: juryDays.size, idleMinutes, expertiseMatches } };
}
