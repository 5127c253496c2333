export type AlphaMetric = 'nominal' | 'ordinal' | 'interval';

/**
 * Krippendorff's alpha (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011).
 * `units` holds, for each rated unit (one competency of one candidate), the values the raters gave
 * (missing ratings simply absent). Units with fewer than two values are not pairable and are
 * dropped. Returns null when alpha is undefined: fewer than two pairable values, or a single value
 * used throughout (no expected disagreement).
 */
export function krippendorffAlpha(units: readonly (readonly number[])[], metric: AlphaMetric = 'ordinal'): number | null {
	const pairable = units.filter((unit) => unit.length >= 2);
	const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
	if (values.length === 0) return null;
	const index = new Map(values.map((value, position) => [value, position]));
	const size = values.length;
	// Coincidence matrix: each ordered pair of values within a unit, weighted 1 / (m_u - 1).
	const coincidences = Array.from({ length: size }, () => new Array<number>(size).fill(0));
	for (const unit of pairable) {
		const weight = 1 / (unit.length - 1);
		for (let i = 0; i < unit.length; i++) {
			for (let j = 0; j < unit.length; j++) {
				if (i !== j) coincidences[index.get(unit[i])!][index.get(unit[j])!] += weight;
			}
		}
	}
	const marginals = coincidences.map((row) => row.reduce((sum, value) => sum + value, 0));
	const total = marginals.reduce((sum, value) => sum + value, 0);
	if (total <= 1) return null;
	const delta = distance(metric, values, marginals);
	let observed = 0;
	let expected = 0;
	for (let c = 0; c < size; c++) {
		for (let k = 0; k < size; k++) {
			observed += coincidences[c][k] * delta(c, k);
			expected += marginals[c] * marginals[k] * delta(c, k);
		}
	}
	if (expected === 0) return null;
	return 1 - ((total - 1) * observed) / expected;
}

/** The squared difference function δ²(c, k) between the c-th and k-th values in ascending order. */
function distance(metric: AlphaMetric, values: number[], marginals: number[]): (c: number, k: number) => number {
	if (metric === 'nominal') return (c, k) => (c === k ? 0 : 1);
	if (metric === 'interval') return (c, k) => (values[c] - values[k]) ** 2;
	// Ordinal: the ranks between the two values count, each weighted by how often it was used.
	return (c, k) => {
		if (c === k) return 0;
		const [low, high] = c < k ? [c, k] : [k, c];
		let between = 0;
		for (let g = low; g <= high; g++) between += marginals[g];
		return (between - (marginals[low] + marginals[high]) / 2) ** 2;
	};
}

/** How to read alpha, in one French sentence (Krippendorff's usual thresholds: 0.800 and 0.667). */
export function readAlpha(alpha: number | null): string {
	if (alpha === null)
		return (
			"L'accord entre jurés ne peut pas être calculé : il faut au moins deux niveaux différents notés " +
			'par au moins deux jurés sur une même compétence.'
		);
	const shown = alpha.toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	if (alpha >= 0.8)
		return (
			`α = ${shown} : les jurés s'accordent bien (1 = accord parfait, 0 = pas plus d'accord que le hasard) ; ` +
			'les niveaux consolidés sont fiables.'
		);
	if (alpha >= 0.667)
		return (
			`α = ${shown} : accord acceptable mais fragile (1 = accord parfait, 0 = hasard) ; ` + 'à surveiller, en relisant les divergences.'
		);
	return (
		`α = ${shown} : accord insuffisant (1 = accord parfait, 0 = pas plus d'accord que le hasard) ; ` +
		"les jurés n'interprètent pas l'échelle de la même façon, un calibrage de la grille s'impose."
	);
}
