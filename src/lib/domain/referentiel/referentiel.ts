import rncp35288v1 from './data/rncp35288.v1.json';

export interface Competency {
	code: string;
	statement: string;
	/** Observable criteria that guide the juror's choice of level. */
	criteria: string[];
}

/** How a block is validated from its competencies: "all" acquired, or at least N of them and none at 0. */
export type BlockRule = { kind: 'all' } | { kind: 'atLeast'; count: number; noneBelow?: number };

export interface Block {
	code: string;
	title: string;
	competencies: Competency[];
	evaluation: { mode: string; theme: string };
	rule: BlockRule;
}

export interface Level {
	value: number;
	label: string;
}

export interface Referentiel {
	format: 'soutenance.referentiel/1';
	id: string;
	version: number;
	certifier: string;
	certification: {
		rncpCode: string;
		title: string;
		level: number;
		nsf: { code: string; label: string }[];
		formacodes: { code: string; label: string }[];
	};
	scale: { levels: Level[]; acquiredFrom: number };
	blocks: Block[];
	epreuve: {
		block: string;
		label: string;
		presentationMinutes: number;
		questionsMinutes: { min: number; max: number; default: number };
		deliberationMinutes: number;
		changeoverMinutes: number;
	};
}

/** Every référentiel the app knows, one versioned data file each. */
export const referentiels: Referentiel[] = [rncp35288v1 as Referentiel];

export const defaultReferentiel = referentiels[0];

export function findBlock(referentiel: Referentiel, code: string): Block | undefined {
	return referentiel.blocks.find((block) => block.code === code);
}

export function isAcquired(referentiel: Referentiel, level: number): boolean {
	return level >= referentiel.scale.acquiredFrom;
}

/** The rule that proposes a competency's decision from the jurors' levels, in French. */
export function describeCompetencyRule(acquiredFrom: number, levels: Level[]): string {
	const threshold = levels.find((level) => level.value === acquiredFrom)?.label.toLowerCase() ?? String(acquiredFrom);
	return `Compétence acquise si le niveau consolidé (médiane des jurés, la plus basse pour un nombre pair) est « ${threshold} » ou plus.`;
}

export function describeBlockRule(rule: BlockRule, acquiredFrom: number, levels: Level[]): string {
	const threshold = levels.find((level) => level.value === acquiredFrom)?.label.toLowerCase() ?? String(acquiredFrom);
	if (rule.kind === 'all') return `Bloc validé si toutes ses compétences sont acquises (niveau « ${threshold} » ou plus).`;
	return `Bloc validé si au moins ${rule.count} compétences sont acquises (niveau « ${threshold} » ou plus)${
		rule.noneBelow !== undefined ? ` et aucune n'est en dessous du niveau ${rule.noneBelow}` : ''
	}.`;
}

/** Structural checks run on every référentiel file, so a new title cannot load half-formed. */
export function referentielProblems(referentiel: Referentiel): string[] {
	const problems: string[] = [];
	const codes = new Set<string>();
	for (const block of referentiel.blocks) {
		if (block.competencies.length === 0) problems.push(`Le bloc ${block.code} n'a aucune compétence.`);
		for (const competency of block.competencies) {
			if (codes.has(competency.code)) problems.push(`La compétence ${competency.code} est en double.`);
			codes.add(competency.code);
			if (!competency.statement.trim()) problems.push(`La compétence ${competency.code} n'a pas d'énoncé.`);
		}
	}
	const values = referentiel.scale.levels.map((level) => level.value);
	if (!values.includes(referentiel.scale.acquiredFrom))
		problems.push(`Le seuil d'acquisition ${referentiel.scale.acquiredFrom} n'est pas un niveau de l'échelle.`);
	if (!findBlock(referentiel, referentiel.epreuve.block))
		problems.push(`L'épreuve porte sur un bloc inconnu: ${referentiel.epreuve.block}.`);
	return problems;
}
