import { describe, expect, it } from 'vitest';
import { defaultReferentiel, referentiels } from '$lib/domain/referentiel/referentiel';
import { checkDay, checkHalfDay, checkLocalRange, checkRoom, checkSessionSettings, defaultSettings } from './session-rules';

const settings = (overrides: Record<string, string> = {}) => {
	const defaults = defaultSettings(defaultReferentiel);
	const raw: Record<string, string> = Object.fromEntries(
		Object.entries({ ...defaults, name: 'Session de décembre' }).map(([key, value]) => [key, String(value ?? '')])
	);
	return checkSessionSettings({ ...raw, ...overrides }, referentiels);
};

describe('checkSessionSettings', () => {
	it('takes the épreuve durations of the référentiel as defaults', () => {
		const checked = settings();
		expect(checked).toEqual({
			ok: true,
			value: expect.objectContaining({
				presentationMinutes: 10,
				questionsMinutes: 10,
				deliberationMinutes: 5,
				changeoverMinutes: 5,
				timezone: 'Europe/Paris',
				place: null
			})
		});
	});

	it('deliberates on anonymised files only when the box is ticked', () => {
		expect(settings()).toMatchObject({ ok: true, value: { anonymousDeliberation: false } });
		expect(settings({ anonymousDeliberation: 'on' })).toMatchObject({ ok: true, value: { anonymousDeliberation: true } });
	});

	it('keeps the questions between 5 and 10 minutes', () => {
		expect(settings({ questionsMinutes: '5' }).ok).toBe(true);
		expect(settings({ questionsMinutes: '4' })).toEqual({
			ok: false,
			problem: { field: 'questionsMinutes', message: 'Questions : entre 5 et 10 minutes.' }
		});
		expect(settings({ questionsMinutes: '11' })).toMatchObject({ ok: false, problem: { field: 'questionsMinutes' } });
		expect(settings({ questionsMinutes: '7.5' })).toMatchObject({
			ok: false,
			problem: { field: 'questionsMinutes', message: 'Questions : indiquez un nombre entier de minutes.' }
		});
	});

	it('refuses an unknown time zone, an unknown référentiel and an empty name', () => {
		expect(settings({ timezone: 'Europe/Lutece' })).toMatchObject({ ok: false, problem: { field: 'timezone' } });
		expect(settings({ timezone: 'America/Montreal' }).ok).toBe(true);
		expect(settings({ referentielId: 'rncp-0' })).toMatchObject({ ok: false, problem: { field: 'referentielId' } });
		expect(settings({ name: '   ' })).toMatchObject({ ok: false, problem: { field: 'name' } });
	});
});

describe('checkDay', () => {
	const day = { date: '2026-12-07', opensAt: '09:00', closesAt: '18:00' };

	it('sorts breaks and ignores an empty break row', () => {
		const checked = checkDay({ ...day, breakStarts: ['15:00', '', '12:30'], breakEnds: ['15:15', '', '13:30'] });
		expect(checked).toEqual({
			ok: true,
			value: {
				...day,
				breaks: [
					{ start: '12:30', end: '13:30' },
					{ start: '15:00', end: '15:15' }
				]
			}
		});
	});

	it('refuses bad times, a day that closes before it opens and an impossible date', () => {
		expect(checkDay({ ...day, opensAt: '9h' })).toMatchObject({ ok: false, problem: { field: 'opensAt' } });
		expect(checkDay({ ...day, closesAt: '24:00' })).toMatchObject({ ok: false, problem: { field: 'closesAt' } });
		expect(checkDay({ ...day, closesAt: '09:00' })).toMatchObject({
			ok: false,
			problem: { field: 'closesAt', message: 'L’heure de fermeture doit être après l’heure d’ouverture.' }
		});
		expect(checkDay({ ...day, date: '2026-02-30' })).toMatchObject({ ok: false, problem: { field: 'date' } });
	});

	it('refuses breaks outside the day, overlapping, reversed or half filled', () => {
		expect(checkDay({ ...day, breakStarts: ['08:30'], breakEnds: ['09:30'] })).toMatchObject({
			ok: false,
			problem: { field: 'breakStart-0' }
		});
		expect(checkDay({ ...day, breakStarts: ['12:00', '12:30'], breakEnds: ['13:00', '13:30'] })).toMatchObject({
			ok: false,
			problem: { field: 'breakStart-1', message: 'Deux pauses se chevauchent.' }
		});
		expect(checkDay({ ...day, breakStarts: ['13:00'], breakEnds: ['12:00'] })).toMatchObject({
			ok: false,
			problem: { field: 'breakEnd-0' }
		});
		expect(checkDay({ ...day, breakStarts: ['13:00'], breakEnds: [''] })).toMatchObject({ ok: false, problem: { field: 'breakEnd-0' } });
		expect(checkDay({ ...day, breakStarts: ['12:00', '13:00'], breakEnds: ['13:00', '14:00'] }).ok).toBe(true);
	});
});

describe('checkRoom', () => {
	it('needs an https link for a remote room', () => {
		expect(checkRoom({ name: 'Visio', remote: true })).toMatchObject({ ok: false, problem: { field: 'videoUrl' } });
		expect(checkRoom({ name: 'Visio', remote: true, videoUrl: 'http://visio.test/a' })).toMatchObject({
			ok: false,
			problem: { field: 'videoUrl' }
		});
		expect(checkRoom({ name: 'Visio', remote: true, videoUrl: 'javascript:alert(1)' })).toMatchObject({
			ok: false,
			problem: { field: 'videoUrl' }
		});
		for (const videoUrl of ['https://visio.test/a\r\nBcc: x@evil.example', 'https://visio.test/a\rb', 'https://visio.test/a b'])
			expect(checkRoom({ name: 'Visio', remote: true, videoUrl }), JSON.stringify(videoUrl)).toMatchObject({
				ok: false,
				problem: { field: 'videoUrl' }
			});
		expect(checkRoom({ name: ' Visio  Hopper ', remote: true, videoUrl: 'https://visio.test/hopper' })).toEqual({
			ok: true,
			value: { name: 'Visio Hopper', remote: true, videoUrl: 'https://visio.test/hopper' }
		});
		expect(checkRoom({ name: 'Turing', remote: false, videoUrl: '' })).toEqual({
			ok: true,
			value: { name: 'Turing', remote: false, videoUrl: null }
		});
	});
});

describe('local ranges and half-days', () => {
	it('turns local times into instants on both sides of a daylight-saving change', () => {
		expect(checkLocalRange({ date: '2027-03-28', start: '02:00', end: '03:00' }, 'Europe/Paris')).toMatchObject({
			ok: false,
			problem: { field: 'end', message: expect.stringContaining("heure d'été") }
		});
		expect(checkLocalRange({ date: '2027-03-28', start: '02:00', end: '04:00' }, 'Europe/Paris')).toMatchObject({ ok: true });
		expect(checkLocalRange({ date: '2027-03-27', start: '09:00', end: '10:00' }, 'Europe/Paris')).toEqual({
			ok: true,
			value: { start: '2027-03-27T08:00:00.000Z', end: '2027-03-27T09:00:00.000Z' }
		});
		expect(checkLocalRange({ date: '2027-03-29', start: '09:00', end: '10:00' }, 'Europe/Paris')).toEqual({
			ok: true,
			value: { start: '2027-03-29T07:00:00.000Z', end: '2027-03-29T08:00:00.000Z' }
		});
		expect(checkLocalRange({ date: '2027-03-29', start: '10:00', end: '10:00' }, 'Europe/Paris')).toMatchObject({
			ok: false,
			problem: { field: 'end' }
		});
	});

	it('maps a half-day of a session day to that whole part of the day in the session zone, as for candidates', () => {
		expect(checkHalfDay('2026-12-07/afternoon', ['2026-12-07'], 'Europe/Paris')).toEqual({
			ok: true,
			value: { start: '2026-12-07T12:00:00.000Z', end: '2026-12-07T23:00:00.000Z', label: 'Après-midi du 07/12/2026' }
		});
		expect(checkHalfDay('2026-12-07/morning', ['2026-12-07'], 'America/Montreal')).toMatchObject({
			ok: true,
			value: { start: '2026-12-07T05:00:00.000Z', end: '2026-12-07T18:00:00.000Z' }
		});
		expect(checkHalfDay('2026-12-08/morning', ['2026-12-07'], 'Europe/Paris')).toMatchObject({ ok: false, problem: { field: 'halfDay' } });
		expect(checkHalfDay('2026-12-07/evening', ['2026-12-07'], 'Europe/Paris')).toMatchObject({ ok: false, problem: { field: 'halfDay' } });
	});
});
