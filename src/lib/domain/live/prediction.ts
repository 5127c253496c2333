import { TIMED_PHASES, predictedEnd, type PhaseDurations, type TimerState } from './timer';

export interface PlannedDefense {
	id: string;
	plannedStart: number;
	status: string;
	durations: PhaseDurations;
	timer: TimerState | null;
}

export interface DefenseForecast {
	/** 'actual': it has started (or ended); 'predicted': not yet; 'absent': it will not take place. */
	kind: 'actual' | 'predicted' | 'absent';
	start: number | null;
	end: number | null;
	/** Whole minutes after the planned start (negative when it started early); null if absent. */
	delayMinutes: number | null;
}

const total = (durations: PhaseDurations) => TIMED_PHASES.reduce((sum, phase) => sum + durations[phase] * 1000, 0);

/**
 * Forecasts each defense of one jury's day from the live state: a defense that has not started
 * begins at its planned time at the earliest (candidates are convoked for it), and otherwise when
 * the previous one ends plus the changeover, or now if it is already late. Absences free their slot.
 */
export function forecastJuryDay(defenses: PlannedDefense[], changeoverMinutes: number, now: number): Map<string, DefenseForecast> {
	const forecasts = new Map<string, DefenseForecast>();
	const changeover = changeoverMinutes * 60_000;
	let freeFrom = Number.NEGATIVE_INFINITY;
	for (const defense of [...defenses].sort((a, b) => a.plannedStart - b.plannedStart)) {
		if (defense.status === 'absent') {
			forecasts.set(defense.id, { kind: 'absent', start: null, end: null, delayMinutes: null });
			continue;
		}
		const timer = defense.timer;
		let forecast: DefenseForecast;
		if (timer?.startedAt != null) {
			const end = predictedEnd(timer, defense.durations, now) ?? now;
			forecast = { kind: 'actual', start: timer.startedAt, end, delayMinutes: minutesBetween(defense.plannedStart, timer.startedAt) };
		} else if (defense.status === 'done') {
			// Closed without the timer: it took its planned place.
			forecast = { kind: 'actual', start: defense.plannedStart, end: defense.plannedStart + total(defense.durations), delayMinutes: 0 };
		} else {
			const start = Math.max(defense.plannedStart, freeFrom, now);
			forecast = {
				kind: 'predicted',
				start,
				end: start + total(defense.durations),
				delayMinutes: minutesBetween(defense.plannedStart, start)
			};
		}
		forecasts.set(defense.id, forecast);
		freeFrom = forecast.end! + changeover;
	}
	return forecasts;
}

function minutesBetween(planned: number, actual: number): number {
	return Math.round((actual - planned) / 60_000);
}
