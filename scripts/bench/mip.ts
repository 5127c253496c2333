/**
 * Exact time-indexed MIP of a small planning problem, solved with HiGHS (CPLEX LP format).
 * Objective: maximise placed candidates, then minimise jury-days (lexicographic through a
 * weight larger than the number of jury-days). Idle time, expertise and balance are not
 * modelled. Starts lie on a 5-minute grid, which loses nothing when every duration and time of
 * the problem is a multiple of 5 minutes (any schedule left-shifts onto that grid).
 */
import highsLoader from 'highs';
import { wallClockToMs, type BenchProblem } from './checker';

export const MIP_OBJECTIVE = 'max W·placed − jury-days (W > number of jury-days), 5-min grid';

export interface MipResult {
	status: string;
	placed: number;
	juryDays: number;
	objective: number;
	weight: number;
	seconds: number;
}

const MIN = 60000;
const GRID = 5 * MIN;

export async function solveMip(problem: BenchProblem, timeLimitSeconds: number): Promise<MipResult> {
	const startedAt = performance.now();
	const zone = problem.timezone;
	const d = problem.durations;
	const jurors = new Map(problem.jurors.map((j) => [j.id, j]));
	const rooms = new Map(problem.rooms.map((r) => [r.id, r]));
	const groups = new Map<string, typeof problem.candidates>();
	for (const c of problem.candidates) {
		const key = c.team ? `team:${c.team}` : `solo:${c.id}`;
		groups.set(key, [...(groups.get(key) ?? []), c]);
	}
	const units = [...groups.values()].map((members) => {
		const extra = Math.max(0, ...members.map((m) => m.extraTimePercent ?? 0));
		const length =
			Math.ceil(((d.presentation + d.questions) * (100 + extra)) / 100 - 1e-9) +
			(members.length - 1) * d.extraPerTeamMember +
			d.deliberation;
		const companies = new Set(members.map((m) => (m.company ?? '').trim().toLowerCase()).filter(Boolean));
		const conflicts = new Set(members.flatMap((m) => m.conflicts ?? []));
		const busy = members.flatMap((m) => (m.unavailable ?? []).map((i) => [Date.parse(i.start), Date.parse(i.end)]));
		return { ids: members.map((m) => m.id), size: members.length, length, companies, conflicts, busy };
	});
	const days = problem.days.map((day) => ({
		open: wallClockToMs(day.date, day.start, zone),
		close: wallClockToMs(day.date, day.end, zone),
		breaks: day.breaks.map((b) => [wallClockToMs(day.date, b.start, zone), wallClockToMs(day.date, b.end, zone)])
	}));
	const pinStart = new Map((problem.pinned ?? []).map((p) => [p.candidates[0], { jury: p.jury, start: Date.parse(p.start) }]));

	type Column = { name: string; unit: number; jury: number; day: number; start: number; end: number };
	const columns: Column[] = [];
	const overlaps = (a0: number, a1: number, list: number[][]) => list.some(([b0, b1]) => a0 < b1 && b0 < a1);
	problem.juries.forEach((jury, j) => {
		const busy = [...(rooms.get(jury.room)?.unavailable ?? []), ...jury.members.flatMap((id) => jurors.get(id)?.unavailable ?? [])].map(
			(i) => [Date.parse(i.start), Date.parse(i.end)]
		);
		units.forEach((unit, u) => {
			if (jury.members.some((id) => unit.conflicts.has(id) || unit.companies.has((jurors.get(id)?.company ?? '').trim().toLowerCase())))
				return;
			days.forEach((day, k) => {
				for (let start = day.open; start + unit.length * MIN <= day.close; start += GRID) {
					const end = start + unit.length * MIN;
					if (overlaps(start, end, day.breaks) || overlaps(start, end, busy) || overlaps(start, end, unit.busy)) continue;
					columns.push({ name: `x_${u}_${j}_${k}_${(start - day.open) / GRID}`, unit: u, jury: j, day: k, start, end });
				}
			});
		});
	});

	const weight = problem.juries.length * problem.days.length + 1;
	const juryDayName = (j: number, k: number) => `y_${j}_${k}`;
	const usedJuryDays = new Set(columns.map((c) => juryDayName(c.jury, c.day)));
	const rows: string[] = [];
	units.forEach((unit, u) => {
		const own = columns.filter((c) => c.unit === u);
		if (own.length) rows.push(`${own.map((c) => c.name).join(' + ')} <= 1`);
		const pin = pinStart.get(unit.ids[0]);
		if (pin) {
			const pinned = own.find((c) => problem.juries[c.jury].id === pin.jury && c.start === pin.start);
			if (pinned) rows.push(`${pinned.name} = 1`);
		}
	});
	for (const c of columns) rows.push(`${c.name} - ${juryDayName(c.jury, c.day)} <= 0`);
	// One defense at a time per juror and room, changeover included, at every grid instant.
	const resourceColumns = new Map<string, Column[]>();
	for (const c of columns) {
		const jury = problem.juries[c.jury];
		for (const key of [...jury.members, `room:${jury.room}`]) resourceColumns.set(key, [...(resourceColumns.get(key) ?? []), c]);
	}
	for (const list of resourceColumns.values())
		days.forEach((day, k) => {
			const today = list.filter((c) => c.day === k);
			for (let t = day.open; t < day.close; t += GRID) {
				const covering = today.filter((c) => c.start <= t && t < c.end + d.changeover * MIN);
				if (covering.length > 1) rows.push(`${covering.map((c) => c.name).join(' + ')} <= 1`);
			}
		});

	const objective = [...columns.map((c) => `${weight * units[c.unit].size} ${c.name}`), ...[...usedJuryDays].map((name) => `- ${name}`)]
		.join(' + ')
		.replace(/\+ -/g, '-');
	const lp = [
		'Maximize',
		` obj: ${objective || '0'}`,
		'Subject To',
		...rows.map((row, i) => ` c${i}: ${row}`),
		'Binary',
		...columns.map((c) => ` ${c.name}`),
		...[...usedJuryDays].map((name) => ` ${name}`),
		'End'
	].join('\n');

	const highs = await highsLoader();
	const solution = highs.solve(lp, { time_limit: timeLimitSeconds, mip_rel_gap: 0 });
	const value = (name: string) => {
		const column = solution.Columns[name] as { Primal?: number } | undefined;
		return Math.round(column?.Primal ?? 0);
	};
	const placed = columns.filter((c) => value(c.name) === 1).reduce((sum, c) => sum + units[c.unit].size, 0);
	const juryDays = [...usedJuryDays].filter((name) => value(name) === 1).length;
	return {
		status: solution.Status,
		placed,
		juryDays,
		objective: weight * placed - juryDays,
		weight,
		seconds: (performance.now() - startedAt) / 1000
	};
}
