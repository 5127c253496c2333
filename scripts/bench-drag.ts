// npm run bench:drag — what the planning grid asks when a block is dragged (planning/creneaux):
// every jury's allowed starts for one defense on its day, on generated plans (scripts/bench), the
// first defense of the plan dragged. It runs on the request's thread, so it is the pause a drag
// start gives the server. Target: ≤ 300 ms at 1000 candidates.
import { allowedStartsOnDay } from '../src/lib/domain/planning/move-check';
import type { Defense, PlanningProblem } from '../src/lib/domain/planning/types';
import { generateInstance } from './bench/generate';
import { mark, tableRow } from './bench/table';

const TARGET_MS = 300;
const SIZES = [
	{ candidates: 200, juries: 8, days: 2 },
	{ candidates: 1000, juries: 40, days: 4 },
	{ candidates: 2000, juries: 80, days: 4 }
];

console.log(tableRow('candidats', 'jurys', 'jours', 'durée (médiane de 5 essais)', 'plages permises', 'cible'));
console.log(tableRow('---:', '---:', '---:', '---:', '---:', '---'));
for (const size of SIZES) {
	const instance = generateInstance({ name: `drag-${size.candidates}`, ...size, firstDate: '2027-03-08', seed: 1 });
	const problem = instance.problem as unknown as PlanningProblem;
	const [dragged, ...others] = instance.plan.defenses as unknown as Defense[];
	const date = dragged.start.slice(0, 10);
	const times: number[] = [];
	let runs = 0;
	for (let attempt = 0; attempt < 5; attempt++) {
		const started = performance.now();
		runs = allowedStartsOnDay(problem, others, dragged.candidates, date, 5).length;
		times.push(performance.now() - started);
	}
	const median = times.sort((a, b) => a - b)[2];
	const target = size.candidates === 1000 ? `${mark(median <= TARGET_MS)} ≤ ${TARGET_MS} ms` : '';
	console.log(tableRow(size.candidates, size.juries, size.days, `${median.toFixed(0)} ms`, runs, target));
}
