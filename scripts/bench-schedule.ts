/**
 * Scheduling benchmark: `npm run bench:schedule`. Generates problems around a known feasible
 * plan, solves them with the engine, validates every result with the independent checker of
 * scripts/bench/checker.ts, compares small instances with an exact HiGHS MIP, and measures a
 * re-planning after a juror drops out for a day. Prints markdown on stdout, progress on stderr.
 */
import { generateInstance, type GenerateOptions } from './bench/generate';
import { checkBenchSchedule, type BenchSchedule } from './bench/checker';
import { MIP_OBJECTIVE, solveMip } from './bench/mip';
import { tableRow } from './bench/table';
import { solve } from '../src/lib/domain/planning/solve';
import { validateProblem } from '../src/lib/domain/planning/validate';
import type { PlanningProblem, Schedule } from '../src/lib/domain/planning/types';

const SEED = 1;
const small = { days: 2, juries: 3, firstDate: '2026-12-07', fiveMinuteGrid: true, breaks: [] };
const instances: (GenerateOptions & { timeLimitSeconds: number })[] = [
	{ name: 'mip-12', candidates: 12, dayEnd: '11:00', seed: 11, timeLimitSeconds: 5, ...small },
	{ name: 'mip-30', candidates: 30, dayEnd: '13:00', seed: 12, timeLimitSeconds: 5, ...small },
	{ name: 'n50', candidates: 50, juries: 4, days: 2, firstDate: '2026-12-07', seed: 50, timeLimitSeconds: 5 },
	{ name: 'n300', candidates: 300, juries: 12, days: 3, firstDate: '2026-12-07', seed: 300, timeLimitSeconds: 5 },
	{ name: 'tight-300 (95 %)', juries: 10, days: 2, fill: 0.95, firstDate: '2026-12-07', seed: 301, timeLimitSeconds: 5 },
	{ name: 'dst-300 (26–30 mars 2027)', candidates: 300, juries: 12, days: 5, firstDate: '2027-03-26', seed: 302, timeLimitSeconds: 5 },
	{ name: 'n1000', candidates: 1000, juries: 40, days: 4, firstDate: '2026-12-07', seed: 1000, timeLimitSeconds: 2 },
	{ name: 'tight-1000 (95 %)', juries: 34, days: 2, fill: 0.95, firstDate: '2026-12-07', seed: 1001, timeLimitSeconds: 5 },
	{ name: 'n2000', candidates: 2000, juries: 60, days: 5, firstDate: '2026-12-07', seed: 2000, timeLimitSeconds: 10 }
];

/**
 * Fewest jury-days any schedule can use: total defense minutes, each followed by a changeover,
 * over the longest working time of a jury-day (where each break may absorb one changeover).
 */
function juryDayLowerBound(problem: PlanningProblem): number {
	const d = problem.durations;
	const teams = new Map<string, PlanningProblem['candidates']>();
	for (const c of problem.candidates) teams.set(c.team ?? `solo:${c.id}`, [...(teams.get(c.team ?? `solo:${c.id}`) ?? []), c]);
	const minutes = [...teams.values()].reduce((sum, members) => {
		const extra = Math.max(0, ...members.map((m) => m.extraTimePercent ?? 0));
		const spoken = Math.ceil(((d.presentation + d.questions) * (100 + extra)) / 100 - 1e-9);
		return sum + spoken + (members.length - 1) * d.extraPerTeamMember + d.deliberation + d.changeover;
	}, 0);
	const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
	const capacity = Math.max(
		...problem.days.map(
			(day) =>
				toMinutes(day.end) -
				toMinutes(day.start) -
				day.breaks.reduce((s, b) => s + toMinutes(b.end) - toMinutes(b.start), 0) +
				d.changeover * (day.breaks.length + 1)
		)
	);
	return Math.ceil(minutes / capacity);
}

function solveTimed(problem: PlanningProblem, timeLimitSeconds: number, previous?: Schedule) {
	const startedAt = performance.now();
	const schedule = solve(problem, { seed: SEED, timeLimitMs: timeLimitSeconds * 1000, previous });
	return { schedule, seconds: (performance.now() - startedAt) / 1000 };
}

function valid(problem: unknown, name: string): PlanningProblem {
	const validation = validateProblem(problem);
	if (!validation.ok) throw new Error(`${name}: generated problem rejected: ${validation.errors.slice(0, 5).join('; ')}`);
	return validation.problem;
}

async function main() {
	const lines: string[] = [];
	const out = (line = '') => {
		lines.push(line);
		process.stdout.write(`${line}\n`);
	};
	out(
		`Engine: seed ${SEED}, default iteration budget, time limit = target per size (safety cap). ` +
			'Checked by scripts/bench/checker.ts (independent of the engine).'
	);
	out();
	out(
		tableRow(
			'instance',
			'candidates',
			'juries × days',
			'placed',
			'hard violations',
			'jury-days (lower bound; known plan)',
			'idle minutes',
			'expertise matches',
			'iterations',
			'seconds'
		)
	);
	out('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
	const solved = new Map<string, { problem: PlanningProblem; schedule: Schedule }>();
	for (const options of instances) {
		process.stderr.write(`${options.name}…\n`);
		const instance = generateInstance(options);
		const planCheck = checkBenchSchedule(instance.problem, instance.plan);
		if (planCheck.violations.length) throw new Error(`${options.name}: the generated plan is invalid: ${planCheck.violations[0]}`);
		const problem = valid(instance.problem, options.name);
		const { schedule, seconds } = solveTimed(problem, options.timeLimitSeconds);
		const { violations, metrics } = checkBenchSchedule(problem, schedule as BenchSchedule);
		solved.set(options.name, { problem, schedule });
		out(
			tableRow(
				options.name,
				problem.candidates.length,
				`${options.juries} × ${options.days}`,
				metrics.placed,
				violations.length,
				`${metrics.juryDays} (${juryDayLowerBound(problem)}; ${planCheck.metrics.juryDays})`,
				metrics.idleMinutes,
				metrics.expertiseMatches,
				schedule.stats.iterations,
				seconds.toFixed(2)
			)
		);
		for (const violation of violations.slice(0, 5)) process.stderr.write(`  ${violation}\n`);
	}

	out();
	out(`Exact MIP (HiGHS ${'1.15'}): ${MIP_OBJECTIVE}.`);
	out();
	out('| instance | MIP status | MIP placed | MIP jury-days | engine placed | engine jury-days | gap to optimum | MIP seconds |');
	out('|---|---|---:|---:|---:|---:|---:|---:|');
	for (const [name, { problem, schedule }] of solved) {
		if (problem.candidates.length > 30) continue;
		process.stderr.write(`MIP ${name}…\n`);
		const mip = await solveMip(problem, 60);
		const { metrics } = checkBenchSchedule(problem, schedule as BenchSchedule);
		const engineObjective = mip.weight * metrics.placed - metrics.juryDays;
		const gap = mip.objective > 0 ? (100 * (mip.objective - engineObjective)) / mip.objective : 0;
		out(
			tableRow(name, mip.status, mip.placed, mip.juryDays, metrics.placed, metrics.juryDays, `${gap.toFixed(2)} %`, mip.seconds.toFixed(1))
		);
	}

	out();
	const published = solved.get('n1000')!;
	const problem = structuredClone(published.problem);
	const byJuryDay = new Map<string, Schedule['defenses']>();
	for (const defense of published.schedule.defenses) {
		const key = `${defense.jury}|${defense.start.slice(0, 10)}`;
		byJuryDay.set(key, [...(byJuryDay.get(key) ?? []), defense]);
	}
	const [busiestKey] = [...byJuryDay.entries()].sort((a, b) => b[1].length - a[1].length)[0];
	const [juryId, date] = busiestKey.split('|');
	const jurorId = problem.juries.find((jury) => jury.id === juryId)!.members[1];
	const juror = problem.jurors.find((j) => j.id === jurorId)!;
	juror.unavailable = [...(juror.unavailable ?? []), { start: `${date}T00:00:00+01:00`, end: `${date}T23:59:00+01:00` }];
	const hit = published.schedule.defenses.filter(
		(d) => d.start.startsWith(date) && problem.juries.find((jury) => jury.id === d.jury)!.members.includes(jurorId)
	).length;
	process.stderr.write('re-planning…\n');
	const { schedule, seconds } = solveTimed(valid(problem, 'replan'), 1, published.schedule);
	const { violations, metrics } = checkBenchSchedule(problem, schedule as BenchSchedule);
	out(`Re-planning n1000: juror ${jurorId} (jury ${juryId}) unavailable on ${date}, where that juror sat in ${hit} defenses.`);
	out();
	out('| defenses of the juror that day | defenses moved | placed | hard violations | seconds |');
	out('|---:|---:|---:|---:|---:|');
	out(
		`| ${hit} | ${schedule.stats.moved} | ${metrics.placed} / ${problem.candidates.length} | ${violations.length} | ${seconds.toFixed(2)} |`
	);
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? error}\n`);
	process.exit(1);
});
