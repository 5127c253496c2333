import { krippendorffAlpha, readAlpha } from '$lib/domain/certification/krippendorff';
import { consolidatedLevel, jurorSeverity, type BlockStatus } from '$lib/domain/certification/rules';
import { fr } from '$lib/i18n/fr';
import type { Database } from '../db/connect';
import { UserFacingError } from '../errors';
import { decisionsOf, defensesOfJuries, phaseDurations, submittedLevels } from './deliberation-repository';
import { referentielOf } from './certification-service';
import { certificationHistory, displayNames, findSessionForResults, sessionJuries } from './results-repository';
import { isUuid } from '../../domain/ids';

const t = fr.certification;
export interface Rate {
	label: string;
	passed: number;
	total: number;
}

/** Statistics of a session, or of one of its juries: pass rates, levels, severity, agreement, durations. */
export async function sessionStatistics(db: Database, sessionId: string, juryId: string | null) {
	const session = isUuid(sessionId) ? await findSessionForResults(db, sessionId) : undefined;
	if (!session) throw new UserFacingError('certification.session-not-found', 404, t.results.sessionNotFound);
	const referentiel = await referentielOf(db, session.referentielId);
	const block = referentiel.blocks.find((entry) => entry.code === session.blockCode)!;
	const juries = await sessionJuries(db, sessionId);
	if (juryId !== null && !juries.some((jury) => jury.id === juryId))
		throw new UserFacingError('certification.jury-not-found', 404, t.juryNotFound);
	const chosen = juryId ? juries.filter((jury) => jury.id === juryId) : juries;
	const defenses = await defensesOfJuries(
		db,
		chosen.map((jury) => jury.id)
	);
	const defenseIds = defenses.map((defense) => defense.id);
	const candidateIds = new Set(defenses.flatMap((defense) => defense.candidates.map((candidate) => candidate.id)));
	const [levels, decisions, durations, history] = await Promise.all([
		submittedLevels(db, defenseIds),
		decisionsOf(db, defenseIds),
		phaseDurations(db, defenseIds),
		certificationHistory(db, sessionId, [...candidateIds])
	]);

	// Pass rate per block, from each candidate's latest certification decision.
	const latest = new Map(history.map((row) => [row.candidateId, row]));
	const blockRates: Rate[] = referentiel.blocks.map((entry) => {
		const decided = [...latest.values()].filter((row) => row.outcome !== 'absent');
		return {
			label: entry.code,
			passed: decided.filter((row) => (row.blocks as BlockStatus[]).some((status) => status.blockCode === entry.code && status.validated))
				.length,
			total: decided.length
		};
	});
	// Pass rate per competency of the defended block, from the jury's decisions.
	const competencyRates: Rate[] = block.competencies.map((competency) => {
		const mine = decisions.filter((decision) => decision.code === competency.code);
		return { label: competency.code, passed: mine.filter((decision) => decision.decided).length, total: mine.length };
	});
	const scale = [...referentiel.scale.levels].sort((a, b) => a.value - b.value);
	const distribution = block.competencies.map((competency) => ({
		code: competency.code,
		counts: scale.map((level) => levels.filter((entry) => entry.code === competency.code && entry.level === level.value).length)
	}));

	// One unit per (defense, candidate, competency): the levels its jurors gave.
	const units = new Map<string, { jurorId: string; level: number }[]>();
	for (const entry of levels) {
		const key = `${entry.defenseId}|${entry.candidateId}|${entry.code}`;
		units.set(key, [...(units.get(key) ?? []), { jurorId: entry.jurorId, level: entry.level }]);
	}
	const consolidatedOf = new Map([...units].map(([key, given]) => [key, consolidatedLevel(given.map((entry) => entry.level))!]));
	const names = await displayNames(db, [...new Set(levels.map((entry) => entry.jurorId))]);
	const severity = jurorSeverity(
		levels.map((entry) => ({
			jurorId: entry.jurorId,
			level: entry.level,
			consolidated: consolidatedOf.get(`${entry.defenseId}|${entry.candidateId}|${entry.code}`)!
		}))
	)
		.map((row) => ({ ...row, name: names.get(row.jurorId) ?? '?' }))
		.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
	const alpha = krippendorffAlpha(
		[...units.values()].map((given) => given.map((entry) => entry.level)),
		'ordinal'
	);

	// Planned against actual length of each phase, in minutes (from the timer's log).
	const phases = ['presentation', 'questions', 'deliberation'].map((phase) => {
		const rows = durations.filter((row) => row.phase === phase);
		const mean = (values: number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length / 60 : 0);
		return {
			label: t.phases[phase],
			planned: mean(rows.map((row) => row.plannedSeconds)),
			actual: mean(rows.map((row) => row.actualSeconds)),
			count: rows.length
		};
	});

	return {
		session,
		juries,
		juryId,
		defended: defenses.filter((defense) => defense.status !== 'absent').length,
		absent: defenses.filter((defense) => defense.status === 'absent').length,
		blockRates,
		competencyRates,
		scale,
		distribution,
		severity,
		alpha,
		alphaReading: readAlpha(alpha),
		phases
	};
}
