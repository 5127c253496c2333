import { describe, expect, it } from 'vitest';
import { nearestFirst, type Span } from './nearest';

const zone = 'Europe/Paris';
const span = (start: string, end = start): Span => ({ start: new Date(start), end: new Date(end), timeZone: zone });

describe('nearest first', () => {
	it('puts today first, then the soonest to come, then the most recent past, then the undated', () => {
		const now = new Date('2026-12-03T13:00:00+01:00');
		const items = [
			{ name: 'mars', span: span('2027-03-10T09:00:00+01:00') },
			{ name: 'vide', span: null },
			{ name: 'juin dernier', span: span('2026-06-10T09:00:00+02:00') },
			{ name: 'janvier', span: span('2027-01-12T09:00:00+01:00') },
			{ name: 'aujourd’hui', span: span('2026-12-03T08:00:00+01:00', '2026-12-03T18:00:00+01:00') },
			{ name: 'octobre dernier', span: span('2026-10-10T09:00:00+02:00') }
		];
		expect(nearestFirst(items, (item) => item.span, now).map((item) => item.name)).toEqual([
			'aujourd’hui',
			'janvier',
			'mars',
			'octobre dernier',
			'juin dernier',
			'vide'
		]);
	});
	it('reads "today" in the zone of the thing: late evening in Paris is already tomorrow in Tokyo', () => {
		const now = new Date('2026-12-03T23:30:00+01:00');
		const tokyo: Span = { ...span('2026-12-04T09:00:00+09:00'), timeZone: 'Asia/Tokyo' };
		expect(nearestFirst([{ span: span('2026-12-05T09:00:00+01:00') }, { span: tokyo }], (item) => item.span, now)[0].span).toBe(tokyo);
	});
});
