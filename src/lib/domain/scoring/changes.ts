import type { EntryValues, GridModel, SheetValues } from './grid';
import { isUuid } from '../ids';
import { hasControlCharacter } from '../text';

export const CHANGE_FIELDS = ['level', 'criteria', 'comment', 'notes'] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

/**
 * One edit made on a tablet. The client makes up the id (a uuid) so that sending the same change
 * twice is harmless, and stamps it with its clock so that the newest change per field wins.
 */
export interface ScoreChange {
	changeId: string;
	/** The candidate whose grid changed; null for the juror's private notes (one per defense). */
	candidateId: string | null;
	field: ChangeField;
	competencyCode: string | null;
	value: number | number[] | string;
	/** Milliseconds since the epoch on the client when the change was made. */
	clientTime: number;
}

/** A juror's whole state for one defense: one sheet per candidate, the private notes, and the clock of each field. */
export interface GridState {
	sheets: Record<string, SheetValues>;
	notes: string;
	clocks: Record<string, string>;
}

export const MAX_COMMENT_LENGTH = 4000;
export const MAX_NOTES_LENGTH = 20000;
export const MAX_BATCH = 200;

/**
 * The change's position in the last-writer-wins order: client time first, the change id breaking
 * ties, as a string that sorts byte-wise (the database compares the same strings with collation C).
 */
export function changeClock(change: Pick<ScoreChange, 'clientTime' | 'changeId'>): string {
	return `${String(Math.trunc(change.clientTime)).padStart(15, '0')}:${change.changeId.toLowerCase()}`;
}

/** Byte-wise order of two clocks (not the locale's): the same order as PostgreSQL's collation C. */
export function isNewerClock(candidate: string, current: string | undefined | null): boolean {
	return current == null || candidate > current;
}

/** The key under which a field's clock is kept. */
export function fieldKey(change: Pick<ScoreChange, 'field' | 'candidateId' | 'competencyCode'>): string {
	return change.field === 'notes' ? 'notes' : `${change.candidateId}|${change.competencyCode}|${change.field}`;
}

export interface ChangeRules {
	model: GridModel;
	candidateIds: string[];
	/** Server time: a client clock running far ahead is brought back to it, so it cannot pin a field forever. */
	now: number;
}

export type ParsedChanges = { ok: true; changes: ScoreChange[] } | { ok: false; message: string };

const MAX_CLOCK_LEAD_MS = 60_000;

/** Checks a batch received from a client; the first bad change refuses the whole batch with a French message. */
export function parseChanges(input: unknown, rules: ChangeRules): ParsedChanges {
	const list = (input as { changes?: unknown } | null)?.changes;
	if (!Array.isArray(list)) return { ok: false, message: 'Requête invalide : la liste des modifications est absente.' };
	if (list.length > MAX_BATCH) return { ok: false, message: `Trop de modifications à la fois (au plus ${MAX_BATCH}).` };
	const changes: ScoreChange[] = [];
	for (const [index, raw] of list.entries()) {
		const parsed = parseChange(raw, rules);
		if (typeof parsed === 'string') return { ok: false, message: `Modification n° ${index + 1} refusée : ${parsed}` };
		changes.push(parsed);
	}
	return { ok: true, changes: withinClockLead(changes, rules.now) };
}

/**
 * A batch from a clock running more than a minute ahead is moved back as a whole, so the changes keep
 * the order the juror made them in (each brought back to the limit alone, they would all tie).
 */
function withinClockLead(changes: ScoreChange[], now: number): ScoreChange[] {
	const lead = Math.max(0, ...changes.map((change) => change.clientTime)) - (now + MAX_CLOCK_LEAD_MS);
	if (lead <= 0) return changes;
	return changes.map((change) => ({ ...change, clientTime: Math.max(1, change.clientTime - lead) }));
}

function parseChange(raw: unknown, rules: ChangeRules): ScoreChange | string {
	if (!raw || typeof raw !== 'object') return 'ce n’est pas un objet.';
	const { changeId, candidateId, field, competencyCode, value, clientTime } = raw as Record<string, unknown>;
	if (typeof changeId !== 'string' || !isUuid(changeId)) return 'identifiant de modification invalide.';
	if (typeof clientTime !== 'number' || !Number.isFinite(clientTime) || clientTime <= 0) return 'horodatage invalide.';
	if (!CHANGE_FIELDS.includes(field as ChangeField)) return 'champ inconnu.';
	const base = { changeId: changeId.toLowerCase(), clientTime: Math.trunc(clientTime) };
	if (field === 'notes') {
		if (typeof value !== 'string') return 'les notes doivent être un texte.';
		if (value.length > MAX_NOTES_LENGTH) return `les notes dépassent ${MAX_NOTES_LENGTH} caractères.`;
		if (hasControlCharacter(value)) return 'les notes contiennent un caractère invisible (caractère de contrôle) : retirez-le.';
		return { ...base, field, candidateId: null, competencyCode: null, value };
	}
	if (typeof candidateId !== 'string' || !rules.candidateIds.includes(candidateId)) return 'ce candidat ne passe pas cette soutenance.';
	const competency = rules.model.competencies.find((entry) => entry.code === competencyCode);
	if (!competency) return 'compétence inconnue.';
	const target = { ...base, candidateId, competencyCode: competency.code };
	if (field === 'level') {
		if (!rules.model.levels.some((level) => level.value === value)) return 'niveau hors de l’échelle.';
		return { ...target, field, value: value as number };
	}
	if (field === 'criteria') {
		if (!Array.isArray(value) || value.some((item) => !Number.isInteger(item) || item < 0 || item >= competency.criteria.length))
			return 'critère inconnu.';
		return { ...target, field, value: [...new Set(value as number[])].sort((a, b) => a - b) };
	}
	if (typeof value !== 'string') return 'le commentaire doit être un texte.';
	if (value.length > MAX_COMMENT_LENGTH) return `le commentaire dépasse ${MAX_COMMENT_LENGTH} caractères.`;
	if (hasControlCharacter(value)) return 'le commentaire contient un caractère invisible (caractère de contrôle) : retirez-le.';
	return { ...target, field: 'comment', value };
}

/**
 * Applies one change to a state if it is newer than what the field holds (last writer wins per
 * field). Pure: returns the same state when the change loses. Applying a set of changes in any
 * order gives the same state.
 */
export function applyChange(state: GridState, change: ScoreChange): GridState {
	const key = fieldKey(change);
	const clock = changeClock(change);
	if (!isNewerClock(clock, state.clocks[key])) return state;
	const clocks = { ...state.clocks, [key]: clock };
	if (change.field === 'notes') return { ...state, notes: change.value as string, clocks };
	const candidateId = change.candidateId!;
	const code = change.competencyCode!;
	const sheet = state.sheets[candidateId] ?? {};
	const entry: EntryValues = sheet[code] ?? { level: null, criteria: [], comment: '' };
	const updated: EntryValues = { ...entry, [change.field]: change.value };
	return { ...state, sheets: { ...state.sheets, [candidateId]: { ...sheet, [code]: updated } }, clocks };
}

/** Takes from `incoming` every field whose clock is newer than the one `local` holds. */
export function mergeStates(local: GridState, incoming: GridState): GridState {
	let merged = local;
	for (const [key, clock] of Object.entries(incoming.clocks)) {
		if (!isNewerClock(clock, merged.clocks[key])) continue;
		const clocks = { ...merged.clocks, [key]: clock };
		if (key === 'notes') {
			merged = { ...merged, notes: incoming.notes, clocks };
			continue;
		}
		const [candidateId, code, field] = key.split('|') as [string, string, 'level' | 'criteria' | 'comment'];
		const entry = incoming.sheets[candidateId]?.[code];
		if (!entry) continue;
		const sheet = merged.sheets[candidateId] ?? {};
		const current: EntryValues = sheet[code] ?? { level: null, criteria: [], comment: '' };
		merged = {
			...merged,
			sheets: { ...merged.sheets, [candidateId]: { ...sheet, [code]: { ...current, [field]: entry[field] } } },
			clocks
		};
	}
	return merged;
}

/** The client time of a clock, so a new change can be stamped after the newest one seen. */
export function clockTime(clock: string | undefined | null): number {
	return clock ? Number(clock.slice(0, 15)) : 0;
}
