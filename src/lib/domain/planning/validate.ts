import { PLANNING_FORMAT, type PlanningProblem } from './types';
import { formatInstant, isIsoInstant, isLocalDate, isLocalTime, isTimeZone, minutesOfDay } from './time';
import { buildModel, groupUnits } from './model';
import { describeDefenseViolations } from './check';
import { juryCompositionBreaches, sameCandidates, type CompositionBreach } from './constraints';

export type ValidationResult = { ok: true; problem: PlanningProblem } | { ok: false; errors: string[] };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isOptional = (value: unknown, test: (v: unknown) => boolean) => value === undefined || value === null || test(value);
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Structural checks: shapes and types, so that the rule checks can trust the document. */
function checkShape(input: unknown, errors: string[]): input is PlanningProblem {
	if (!isObject(input)) {
		errors.push('le problème doit être un objet JSON');
		return false;
	}
	if (input.format !== PLANNING_FORMAT) errors.push(`format attendu "${PLANNING_FORMAT}", reçu ${JSON.stringify(input.format)}`);
	if (!isTimeZone(input.timezone)) errors.push(`fuseau horaire inconnu: ${JSON.stringify(input.timezone)}`);

	const durations = input.durations;
	if (!isObject(durations)) errors.push('durations manquant');
	else
		for (const key of ['presentation', 'questions', 'deliberation', 'changeover', 'extraPerTeamMember']) {
			const value = durations[key];
			if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
				errors.push(`durations.${key} doit être un nombre entier de minutes positif ou nul`);
		}

	const checkInstants = (intervals: unknown, owner: string) => {
		if (!isOptional(intervals, Array.isArray)) {
			errors.push(`${owner}: unavailable doit être une liste`);
			return;
		}
		((intervals as unknown[] | null) ?? []).forEach((interval, position) => {
			if (!isObject(interval) || !isIsoInstant(interval.start) || !isIsoInstant(interval.end))
				errors.push(`${owner}: indisponibilité n°${position + 1} invalide (instants ISO 8601 avec décalage attendus)`);
			else if (Date.parse(interval.end as string) <= Date.parse(interval.start as string))
				errors.push(`${owner}: indisponibilité n°${position + 1} se termine avant de commencer`);
		});
	};

	const listOf = (key: string): Json[] | null => {
		const list = input[key];
		if (!Array.isArray(list)) {
			errors.push(`${key} doit être une liste`);
			return null;
		}
		const objects: Json[] = [];
		list.forEach((item, position) => {
			if (!isObject(item)) errors.push(`${key}[${position}] doit être un objet`);
			else if (key !== 'days' && key !== 'pinned' && !isNonEmptyString(item.id)) errors.push(`${key}[${position}]: id manquant ou vide`);
			else objects.push(item);
		});
		return objects;
	};

	for (const day of listOf('days') ?? []) {
		const label = `jour ${JSON.stringify(day.date)}`;
		if (!isLocalDate(day.date)) errors.push(`${label}: date invalide (AAAA-MM-JJ attendu)`);
		if (!isLocalTime(day.start) || !isLocalTime(day.end)) errors.push(`${label}: heures d'ouverture invalides (HH:MM attendu)`);
		if (!Array.isArray(day.breaks)) errors.push(`${label}: breaks doit être une liste`);
		else
			day.breaks.forEach((pause: unknown, position: number) => {
				if (!isObject(pause) || !isLocalTime(pause.start) || !isLocalTime(pause.end))
					errors.push(`${label}: pause n°${position + 1} invalide (HH:MM attendu)`);
				else if (minutesOfDay(pause.end) <= minutesOfDay(pause.start))
					errors.push(`${label}: la pause ${pause.start}–${pause.end} se termine avant de commencer`);
			});
	}
	for (const room of listOf('rooms') ?? []) {
		if (typeof room.name !== 'string') errors.push(`salle ${room.id}: name doit être un texte`);
		if (typeof room.remote !== 'boolean') errors.push(`salle ${room.id}: remote doit être un booléen`);
		checkInstants(room.unavailable, `salle ${room.id}`);
	}
	for (const juror of listOf('jurors') ?? []) {
		if (typeof juror.name !== 'string') errors.push(`juré ${juror.id}: name doit être un texte`);
		if (!isOptional(juror.company, (v) => typeof v === 'string')) errors.push(`juré ${juror.id}: company doit être un texte`);
		if (typeof juror.external !== 'boolean') errors.push(`juré ${juror.id}: external doit être un booléen`);
		if (typeof juror.presidentEligible !== 'boolean') errors.push(`juré ${juror.id}: presidentEligible doit être un booléen`);
		if (!isOptional(juror.expertise, isStringArray)) errors.push(`juré ${juror.id}: expertise doit être une liste de textes`);
		checkInstants(juror.unavailable, `juré ${juror.id}`);
	}
	for (const jury of listOf('juries') ?? []) {
		if (!isStringArray(jury.members)) errors.push(`jury ${jury.id}: members doit être une liste d'identifiants`);
		if (typeof jury.president !== 'string') errors.push(`jury ${jury.id}: president doit être un identifiant`);
		if (typeof jury.room !== 'string') errors.push(`jury ${jury.id}: room doit être un identifiant`);
	}
	for (const candidate of listOf('candidates') ?? []) {
		const label = `candidat ${candidate.id}`;
		if (typeof candidate.name !== 'string') errors.push(`${label}: name doit être un texte`);
		if (!isOptional(candidate.company, (v) => typeof v === 'string')) errors.push(`${label}: company doit être un texte`);
		if (!isOptional(candidate.team, isNonEmptyString)) errors.push(`${label}: team doit être un identifiant ou null`);
		if (!isOptional(candidate.tags, isStringArray)) errors.push(`${label}: tags doit être une liste de textes`);
		if (!isOptional(candidate.timezone, isTimeZone)) errors.push(`${label}: fuseau horaire inconnu ${JSON.stringify(candidate.timezone)}`);
		if (!isOptional(candidate.extraTimePercent, (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0))
			errors.push(`${label}: extraTimePercent doit être un nombre positif ou nul`);
		if (!isOptional(candidate.conflicts, isStringArray)) errors.push(`${label}: conflicts doit être une liste d'identifiants`);
		checkInstants(candidate.unavailable, label);
	}
	if (input.pinned !== undefined && input.pinned !== null)
		listOf('pinned')?.forEach((pin, position) => {
			if (!isStringArray(pin.candidates) || pin.candidates.length === 0 || typeof pin.jury !== 'string' || !isIsoInstant(pin.start))
				errors.push(`épinglage n°${position + 1}: candidates (liste non vide), jury et start (instant ISO 8601 avec décalage) attendus`);
		});
	return errors.length === 0;
}

function duplicates(ids: string[]): string[] {
	const seen = new Set<string>();
	const repeated = new Set<string>();
	for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
	return [...repeated];
}

function compositionError(breach: CompositionBreach, president: string): string {
	switch (breach.rule) {
		case 'tooFewMembers':
			return `il faut au moins 2 membres (${breach.members})`;
		case 'presidentMissing':
		case 'presidentNotMember':
			return `le président ${president} n'est pas membre du jury`;
		case 'presidentNotEligible':
			return `le président ${president} ne peut pas présider (presidentEligible faux)`;
		case 'notEnoughExternal':
			return `moins de la moitié des membres sont extérieurs (${breach.external} sur ${breach.members})`;
	}
}

/** The "problem is invalid" rules of docs/planning-v1.md, on a structurally sound document. */
function checkRules(problem: PlanningProblem, errors: string[]): void {
	const collections: [string, { id: string }[]][] = [
		['salle', problem.rooms],
		['juré', problem.jurors],
		['jury', problem.juries],
		['candidat', problem.candidates]
	];
	for (const [noun, items] of collections)
		for (const id of duplicates(items.map((item) => item.id))) errors.push(`identifiant de ${noun} en double: ${id}`);
	for (const date of duplicates(problem.days.map((day) => day.date))) errors.push(`jour en double: ${date}`);

	const jurors = new Map(problem.jurors.map((juror) => [juror.id, juror]));
	const rooms = new Set(problem.rooms.map((room) => room.id));
	const juries = new Set(problem.juries.map((jury) => jury.id));
	const candidates = new Map(problem.candidates.map((candidate) => [candidate.id, candidate]));

	for (const day of problem.days)
		if (minutesOfDay(day.end) <= minutesOfDay(day.start))
			errors.push(`jour ${day.date}: la fin (${day.end}) n'est pas après le début (${day.start})`);

	for (const jury of problem.juries) {
		const unknown = jury.members.filter((id) => !jurors.has(id));
		if (unknown.length) errors.push(`jury ${jury.id}: membre(s) inconnu(s) ${unknown.join(', ')}`);
		for (const id of duplicates(jury.members)) errors.push(`jury ${jury.id}: le membre ${id} est listé deux fois`);
		if (!rooms.has(jury.room)) errors.push(`jury ${jury.id}: salle inconnue ${jury.room}`);
		// An unknown member (reported above) may preside nobody, and leaves the share of externals unknown.
		const members = [...new Set(jury.members)].map((id) => jurors.get(id) ?? { id, external: false, presidentEligible: false });
		for (const breach of juryCompositionBreaches(members, jury.president))
			if (breach.rule !== 'notEnoughExternal' || unknown.length === 0)
				errors.push(`jury ${jury.id}: ${compositionError(breach, jury.president)}`);
	}
	for (const candidate of problem.candidates) {
		const unknown = (candidate.conflicts ?? []).filter((id) => !jurors.has(id));
		if (unknown.length) errors.push(`candidat ${candidate.id}: conflit avec juré(s) inconnu(s) ${unknown.join(', ')}`);
	}

	const units = groupUnits(problem);
	const pinnedAlready = new Set<string>();
	(problem.pinned ?? []).forEach((pin, position) => {
		const label = `épinglage n°${position + 1} (${pin.candidates.join(', ')})`;
		if (!juries.has(pin.jury)) errors.push(`${label}: jury inconnu ${pin.jury}`);
		const unknown = pin.candidates.filter((id) => !candidates.has(id));
		if (unknown.length) {
			errors.push(`${label}: candidat(s) inconnu(s) ${unknown.join(', ')}`);
			return;
		}
		const unit = units.find((group) => group.includes(pin.candidates[0]))!;
		if (!sameCandidates(unit, pin.candidates)) {
			const team = candidates.get(pin.candidates[0])!.team;
			errors.push(
				team
					? `${label}: l'équipe ${team} doit être épinglée entière (${unit.join(', ')})`
					: `${label}: doit désigner une équipe entière ou un seul candidat sans équipe`
			);
		}
		for (const id of pin.candidates) {
			if (pinnedAlready.has(id)) errors.push(`${label}: le candidat ${id} est épinglé plusieurs fois`);
			pinnedAlready.add(id);
		}
	});
}

/**
 * A pinned defense that breaks a hard rule (outside opening hours, over a break, during an
 * unavailability, facing a conflicted juror, or overlapping another pin) can never be kept
 * exactly while satisfying every rule, so the problem is rejected rather than silently unpinned.
 */
function checkPinsAreFeasible(problem: PlanningProblem, errors: string[]): void {
	if (!problem.pinned?.length) return;
	const model = buildModel(problem);
	const defenses = model.pins.map((pin) => {
		const unit = model.units[pin.unit];
		const jury = problem.juries[pin.jury];
		return {
			candidates: unit.candidateIds,
			jury: jury.id,
			room: jury.room,
			start: formatInstant(pin.start, problem.timezone),
			end: formatInstant(pin.start + unit.length, problem.timezone)
		};
	});
	for (const violation of describeDefenseViolations(model, defenses)) errors.push(`épinglage impossible: ${violation}`);
}

export function validateProblem(input: unknown): ValidationResult {
	const errors: string[] = [];
	if (!checkShape(input, errors)) return { ok: false, errors };
	checkRules(input, errors);
	if (errors.length === 0) checkPinsAreFeasible(input, errors);
	return errors.length ? { ok: false, errors } : { ok: true, problem: input };
}
