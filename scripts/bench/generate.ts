/**
 * Benchmark problems with a KNOWN feasible plan: the plan is built first (defenses packed
 * into jury-days), then conflicts, companies and unavailability are derived around it so that
 * the plan stays valid. Time handling comes from the bench checker, not from the engine.
 */
import { wallClockToMs, offsetSuffix, type BenchSchedule } from './checker';

export interface GenerateOptions {
	name: string;
	/** Candidates to plan; ignored when `fill` is set (then every jury-day is filled to it). */
	candidates?: number;
	juries: number;
	days: number;
	firstDate: string;
	/** Fraction of each jury-day's open time to fill (tight variants). */
	fill?: number;
	seed: number;
	/** Lengths, hours and changeover in multiples of 5 min, for the time-indexed MIP. */
	fiveMinuteGrid?: boolean;
	dayEnd?: string;
	breaks?: { start: string; end: string }[];
}

export interface GeneratedInstance {
	name: string;
	problem: Record<string, unknown> & import('./checker').BenchProblem;
	plan: BenchSchedule;
}

function random(seed: number): () => number {
	let s = seed >>> 0 || 1;
	return () => {
		s ^= s << 13;
		s >>>= 0;
		s ^= s >>> 17;
		s ^= s << 5;
		s >>>= 0;
		return s / 4294967296;
	};
}

const TAGS = ['nlp', 'vision', 'web', 'data', 'cloud', 'security', 'mobile', 'devops'];
const DURATIONS = { presentation: 10, questions: 10, deliberation: 5, changeover: 5, extraPerTeamMember: 10 };

function addDays(date: string, days: number): string {
	const d = new Date(`${date}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

export function generateInstance(options: GenerateOptions): GeneratedInstance {
	const rnd = random(options.seed);
	const pick = <T>(items: T[]): T => items[Math.floor(rnd() * items.length)];
	const zone = 'Europe/Paris';
	const MIN = 60000;
	const dayEnd = options.dayEnd ?? '18:00';
	const breaks = options.breaks ?? [{ start: '12:30', end: '13:30' }];
	const dates = Array.from({ length: options.days }, (_, i) => addDays(options.firstDate, i));
	const days = dates.map((date) => ({ date, start: '09:00', end: dayEnd, breaks }));
	const dayWindows = dates.map((date) => ({
		open: wallClockToMs(date, '09:00', zone),
		close: wallClockToMs(date, dayEnd, zone),
		breaks: breaks.map((b) => [wallClockToMs(date, b.start, zone), wallClockToMs(date, b.end, zone)])
	}));

	// Juries of 3 (2 external); every 8th jury lends its internal member to the next one.
	const jurors: {
		id: string;
		name: string;
		company: string;
		external: boolean;
		presidentEligible: boolean;
		expertise: string[];
		unavailable: { start: string; end: string }[];
	}[] = [];
	const juries: { id: string; members: string[]; president: string; room: string }[] = [];
	const rooms = Array.from({ length: options.juries }, (_, i) => ({
		id: `R${i + 1}`,
		name: `Salle ${i + 1}`,
		remote: i % 10 === 9,
		unavailable: [] as { start: string; end: string }[]
	}));
	const newJuror = (external: boolean) => {
		const juror = {
			id: `J${jurors.length + 1}`,
			name: `Juré ${jurors.length + 1}`,
			company: external ? `Entreprise ${1 + Math.floor(rnd() * 40)}` : 'École',
			external,
			presidentEligible: external,
			expertise: [pick(TAGS), pick(TAGS)],
			unavailable: []
		};
		jurors.push(juror);
		return juror.id;
	};
	for (let j = 0; j < options.juries; j++) {
		const lent = !options.fill && j > 0 && (j - 1) % 8 === 0 ? juries[j - 1].members[2] : null;
		const members = [newJuror(true), newJuror(true), lent ?? newJuror(false)];
		juries.push({ id: `JY${j + 1}`, members, president: members[0], room: rooms[j].id });
	}

	// Defense units and their lengths.
	const extraChoices = options.fiveMinuteGrid ? [25, 50] : [25, 33, 50];
	const spokenLength = (extra: number) => Math.ceil(((DURATIONS.presentation + DURATIONS.questions) * (100 + extra)) / 100 - 1e-9);
	const newUnit = (index: number) => {
		const size = rnd() < 0.05 ? 2 + Math.floor(rnd() * 2) : 1;
		const extra = rnd() < 0.08 ? pick(extraChoices) : 0;
		return { index, size, extra, length: spokenLength(extra) + (size - 1) * DURATIONS.extraPerTeamMember + DURATIONS.deliberation };
	};

	// Plan: pack jury-days from the opening, over breaks, respecting lent jurors' other jury.
	type Planned = { unit: ReturnType<typeof newUnit>; jury: number; day: number; start: number };
	const planned: Planned[] = [];
	const jurorBusy = new Map<string, [number, number][]>();
	const changeover = DURATIONS.changeover * MIN;
	const fitsAt = (jury: number, day: number, start: number, length: number) => {
		const end = start + length * MIN;
		const w = dayWindows[day];
		if (end > w.close) return false;
		if (w.breaks.some(([b0, b1]) => start < b1 && b0 < end)) return false;
		return juries[jury].members.every((id) =>
			(jurorBusy.get(id) ?? []).every(([s, e]) => end + changeover <= s || e + changeover <= start)
		);
	};
	const placeIn = (jury: number, day: number, cursor: number, unit: ReturnType<typeof newUnit>) => {
		let start = cursor;
		while (start + unit.length * MIN <= dayWindows[day].close) {
			if (fitsAt(jury, day, start, unit.length)) {
				planned.push({ unit, jury, day, start });
				for (const id of juries[jury].members) jurorBusy.set(id, [...(jurorBusy.get(id) ?? []), [start, start + unit.length * MIN]]);
				return start + unit.length * MIN + changeover;
			}
			start += 5 * MIN;
		}
		return -1;
	};
	let candidateCount = 0;
	const target = options.candidates ?? Infinity;
	const juryDayCount = options.juries * options.days;
	const openMinutes =
		(dayWindows[0].close - dayWindows[0].open) / MIN -
		breaks.reduce((s, b) => s + (wallClockToMs(dates[0], b.end, zone) - wallClockToMs(dates[0], b.start, zone)) / MIN, 0);
	// Spread the plan over every jury-day so that the engine's compaction has work to do.
	const perJuryDay = options.fill ? Infinity : Math.ceil((target * 1.02) / juryDayCount);
	let unitIndex = 0;
	for (let day = 0; day < options.days && candidateCount < target; day++)
		for (let jury = 0; jury < options.juries && candidateCount < target; jury++) {
			let cursor = dayWindows[day].open;
			let used = 0;
			let count = 0;
			for (;;) {
				if (candidateCount >= target || count >= perJuryDay) break;
				const unit = newUnit(unitIndex);
				if (options.fill && used + unit.length + DURATIONS.changeover > openMinutes * options.fill) break;
				const size = Math.min(unit.size, target - candidateCount);
				unit.size = size;
				unit.length = spokenLength(unit.extra) + (size - 1) * DURATIONS.extraPerTeamMember + DURATIONS.deliberation;
				const next = placeIn(jury, day, cursor, unit);
				if (next < 0) break;
				cursor = next;
				used += unit.length + DURATIONS.changeover;
				count++;
				unitIndex++;
				candidateCount += size;
			}
		}

	// Candidates, then constraints derived around the plan.
	const candidates: (GeneratedInstance['problem']['candidates'][number] & { name: string; timezone?: string })[] = [];
	const defenses: BenchSchedule['defenses'] = [];
	const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);
	const local = (ms: number) => {
		const suffix = offsetSuffix(zone, ms);
		const sign = suffix.startsWith('-') ? -1 : 1;
		const [h, m] = suffix.slice(1).split(':').map(Number);
		return `${iso(ms + sign * (h * 60 + m) * MIN)}:00${suffix}`;
	};
	for (const { unit, jury, day, start } of planned) {
		const members = new Set(juries[jury].members);
		const others = jurors.filter((j) => !members.has(j.id));
		const companiesInJury = new Set(juries[jury].members.map((id) => jurors.find((j) => j.id === id)!.company));
		const team = unit.size > 1 ? `T${unit.index}` : null;
		const ids: string[] = [];
		for (let k = 0; k < unit.size; k++) {
			const id = `C${candidates.length + 1}`;
			ids.push(id);
			const roll = rnd();
			const conflictCompany = pick(others).company;
			const unavailable: { start: string; end: string }[] = [];
			if (rnd() < 0.1) {
				const otherDay = (day + 1 + Math.floor(rnd() * Math.max(1, options.days - 1))) % options.days;
				if (otherDay !== day) unavailable.push({ start: local(dayWindows[otherDay].open), end: local(dayWindows[otherDay].close) });
				else if (start - dayWindows[day].open >= 60 * MIN) unavailable.push({ start: local(dayWindows[day].open), end: local(start) });
			}
			candidates.push({
				id,
				name: `Candidat ${candidates.length + 1}`,
				company:
					rnd() < 0.1 && !companiesInJury.has(conflictCompany) && conflictCompany !== 'École'
						? ` ${conflictCompany.toUpperCase()} `
						: `Employeur ${Math.floor(rnd() * 500)}`,
				team,
				tags: [pick(TAGS)],
				timezone: roll < 0.05 ? 'America/Montreal' : roll < 0.08 ? 'Asia/Tokyo' : undefined,
				extraTimePercent: k === 0 ? unit.extra : 0,
				unavailable,
				conflicts: rnd() < 0.1 ? [pick(others).id] : []
			});
		}
		const room = juries[jury].room;
		defenses.push({ candidates: ids, jury: juries[jury].id, room, start: local(start), end: local(start + unit.length * MIN) });
	}

	// Jurors and rooms unavailable on days or afternoons where the plan does not need them.
	for (const juror of jurors)
		for (let day = 0; day < options.days; day++) {
			const own = (jurorBusy.get(juror.id) ?? []).filter(([s]) => s >= dayWindows[day].open && s < dayWindows[day].close);
			const w = dayWindows[day];
			if (own.length === 0 && rnd() < 0.3) juror.unavailable.push({ start: local(w.open), end: local(w.close) });
			else if (own.length > 0 && rnd() < 0.15) {
				const lastEnd = Math.max(...own.map(([, e]) => e));
				if (w.close - lastEnd >= 60 * MIN) juror.unavailable.push({ start: local(lastEnd), end: local(w.close) });
			}
		}
	for (let j = 0; j < options.juries; j++)
		for (let day = 0; day < options.days; day++)
			if (!planned.some((p) => p.jury === j && p.day === day) && rnd() < 0.2)
				rooms[j].unavailable.push({ start: local(dayWindows[day].open), end: local(dayWindows[day].close) });

	const pinned = defenses.filter((_, i) => i % 97 === 13).map((d) => ({ candidates: d.candidates, jury: d.jury, start: d.start }));
	const problem = {
		format: 'soutenance.planning/1',
		timezone: zone,
		durations: DURATIONS,
		days,
		rooms,
		jurors,
		juries,
		candidates,
		pinned
	};
	return { name: options.name, problem, plan: { defenses, unplaced: [], stats: {} } };
}
