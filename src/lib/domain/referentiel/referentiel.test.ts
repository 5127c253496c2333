import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultReferentiel, describeBlockRule, findBlock, isAcquired, referentielProblems, referentiels } from './referentiel';

// A copy of the official text (docs/referentiel-seed.md): the data file must carry its statements word for word.
const seed = readFileSync(new URL('../../../../tests/fixtures/referentiel/rncp35288-referentiel.md', import.meta.url), 'utf8');
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const withoutAccents = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '');
// The block titles as shown, with the accents the seed copy lost (../shared/seed/README.md).
const titlesShown: Record<string, string> = {
	BC01: "Construction et alimentation d'une infrastructure de gestion de données",
	BC02: 'Analyse exploratoire, descriptive et inférentielle de données',
	BC03: 'Analyse prédictive de données structurées par IA (Machine Learning)',
	BC04: 'Analyse prédictive de données non-structurées par IA (Deep Learning)',
	BC05: "Industrialisation d'un algorithme et automatisation des processus de décision",
	BC06: 'Direction de projets de gestion de données'
};

describe('référentiel RNCP 35288', () => {
	it('has six blocks and 26 competencies C1.1 … C6.6', () => {
		expect(defaultReferentiel.blocks.map((block) => block.code)).toEqual(['BC01', 'BC02', 'BC03', 'BC04', 'BC05', 'BC06']);
		const codes = defaultReferentiel.blocks.flatMap((block) => block.competencies.map((c) => c.code));
		expect(codes).toHaveLength(26);
		expect(codes[0]).toBe('C1.1');
		expect(codes.at(-1)).toBe('C6.6');
	});

	it('quotes every competency statement of the seed word for word', () => {
		const normalizedSeed = collapse(seed);
		for (const block of defaultReferentiel.blocks) {
			expect(normalizedSeed).toContain(`${block.code} : ${withoutAccents(block.title)}`);
			for (const competency of block.competencies) {
				expect(normalizedSeed).toContain(`**${competency.code}** : ${competency.statement}`);
			}
			expect(normalizedSeed).toContain(`${block.code} | ${block.evaluation.mode} | ${block.evaluation.theme}`);
		}
	});

	it('shows the six block titles with their accents restored, nothing else changed', () => {
		expect(Object.fromEntries(defaultReferentiel.blocks.map((block) => [block.code, block.title]))).toEqual(titlesShown);
	});

	it('gives 2 to 4 observable criteria to each BC06 competency', () => {
		for (const competency of findBlock(defaultReferentiel, 'BC06')!.competencies) {
			expect(competency.criteria.length).toBeGreaterThanOrEqual(2);
			expect(competency.criteria.length).toBeLessThanOrEqual(4);
		}
	});

	it('acquires a competency from level 2 on a four-level scale', () => {
		expect(defaultReferentiel.scale.levels.map((level) => level.value)).toEqual([0, 1, 2, 3]);
		expect([0, 1, 2, 3].map((level) => isAcquired(defaultReferentiel, level))).toEqual([false, false, true, true]);
	});

	it('describes the BC06 épreuve and the block rule', () => {
		expect(defaultReferentiel.certification).toMatchObject({ rncpCode: '35288', level: 6 });
		expect(defaultReferentiel.epreuve).toMatchObject({
			block: 'BC06',
			presentationMinutes: 10,
			questionsMinutes: { min: 5, max: 10, default: 10 }
		});
		expect(describeBlockRule({ kind: 'all' }, 2, defaultReferentiel.scale.levels)).toContain('toutes ses compétences');
	});

	it('loads every référentiel file without structural problems, and reports broken ones', () => {
		for (const referentiel of referentiels) expect(referentielProblems(referentiel)).toEqual([]);
		const broken = structuredClone(defaultReferentiel);
		broken.blocks[0].competencies.push({ ...broken.blocks[0].competencies[0] });
		broken.scale.acquiredFrom = 7;
		expect(referentielProblems(broken)).toEqual([
			'La compétence C1.1 est en double.',
			"Le seuil d'acquisition 7 n'est pas un niveau de l'échelle."
		]);
	});
});
