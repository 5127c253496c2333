/** Seeded pseudo-random generator (mulberry32): same seed, same sequence, on every platform. */
export type Random = () => number;

export function seededRandom(seed: number): Random {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let mixed = state;
		mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
		mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
		return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
	};
}

export function randomInt(random: Random, bound: number): number {
	return Math.floor(random() * bound);
}

export function shuffle<T>(random: Random, items: T[]): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = randomInt(random, i + 1);
		[items[i], items[j]] = [items[j], items[i]];
	}
	return items;
}
