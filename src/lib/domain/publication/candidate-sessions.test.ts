import { describe, expect, it } from 'vitest';
import { sessionsByDay } from './candidate-sessions';

const zone = 'Europe/Paris';
const at = (iso: string) => new Date(iso).getTime();

describe("the candidate's sessions, today first", () => {
	it('puts today before the sessions to come, and the past ones last, latest first', () => {
		const now = new Date('2026-12-03T22:30:00Z'); // 23:30 in Paris
		const sessions = [
			{ name: 'novembre', state: 'convoked', start: at('2026-11-12T09:00:00Z'), timezone: zone },
			{ name: 'octobre', state: 'convoked', start: at('2026-10-01T09:00:00Z'), timezone: zone },
			{ name: 'pas encore publiée', state: 'unpublished' },
			{ name: 'décembre', state: 'convoked', start: at('2026-12-17T09:00:00Z'), timezone: zone },
			// 23:40 in Paris on the 3rd: today, although already the 4th in UTC's calendar a little later.
			{ name: "aujourd'hui", state: 'convoked', start: at('2026-12-03T22:40:00Z'), timezone: zone }
		];
		expect(sessionsByDay(sessions, now).map((session) => [session.name, session.when])).toEqual([
			["aujourd'hui", 'today'],
			['décembre', 'upcoming'],
			['pas encore publiée', 'upcoming'],
			['novembre', 'past'],
			['octobre', 'past']
		]);
	});
});
