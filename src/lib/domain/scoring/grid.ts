import { findBlock, type Level, type Referentiel } from '../referentiel/referentiel';

/** One competency as the juror scores it: code, statement and the observable criteria. */
export interface GridCompetency {
	code: string;
	statement: string;
	criteria: string[];
}

/** What a grid asks for, taken from the référentiel: the block's competencies and the scale. */
export interface GridModel {
	blockCode: string;
	blockTitle: string;
	competencies: GridCompetency[];
	levels: Level[];
	acquiredFrom: number;
}

/** A juror's values for one competency of one candidate. */
export interface EntryValues {
	level: number | null;
	criteria: number[];
	comment: string;
}

/** A juror's values for one candidate, by competency code. */
export type SheetValues = Record<string, EntryValues>;

export function gridModel(referentiel: Referentiel, blockCode: string): GridModel {
	const block = findBlock(referentiel, blockCode);
	if (!block) throw new Error(`Bloc ${blockCode} absent du référentiel ${referentiel.id}`);
	return {
		blockCode: block.code,
		blockTitle: block.title,
		competencies: block.competencies.map(({ code, statement, criteria }) => ({ code, statement, criteria: [...criteria] })),
		levels: [...referentiel.scale.levels].sort((a, b) => a.value - b.value),
		acquiredFrom: referentiel.scale.acquiredFrom
	};
}

export function emptyEntry(): EntryValues {
	return { level: null, criteria: [], comment: '' };
}

/** Every competency of the model, with the stored values where there are some. */
export function completeSheet(model: GridModel, stored: SheetValues): SheetValues {
	return Object.fromEntries(model.competencies.map((competency) => [competency.code, stored[competency.code] ?? emptyEntry()]));
}

/** The codes of the competencies still without a level, in the référentiel's order. */
export function missingCompetencies(model: GridModel, sheet: SheetValues): string[] {
	return model.competencies.filter((competency) => sheet[competency.code]?.level == null).map((competency) => competency.code);
}

export function levelLabel(model: GridModel, level: number | null): string {
	if (level === null) return '—';
	return model.levels.find((candidate) => candidate.value === level)?.label ?? String(level);
}
