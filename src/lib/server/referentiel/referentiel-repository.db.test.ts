import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDatabase } from '../../../../tests/helpers/database';
import type { DatabaseHandle } from '../db';
import { defaultReferentiel } from '$lib/domain/referentiel/referentiel';
import { findReferentiel, syncReferentiels } from './referentiel-repository';

let handle: DatabaseHandle;
beforeAll(async () => (handle = await freshDatabase()));
afterAll(async () => handle?.close());

it('restores the block titles of a référentiel stored before their accents came back, at the next start-up sync', async () => {
	const stale = structuredClone(defaultReferentiel);
	stale.blocks[0].title = "Construction et alimentation d'une infrastructure de gestion de donnees";
	await sql`update referentiels set document = ${JSON.stringify(stale)}::jsonb where id = ${stale.id}`.execute(handle.db);
	expect((await findReferentiel(handle.db, stale.id))!.blocks[0].title).toContain('gestion de donnees');

	await syncReferentiels(handle.db);

	const stored = (await findReferentiel(handle.db, stale.id))!;
	expect(stored.blocks[0].title).toBe("Construction et alimentation d'une infrastructure de gestion de données");
	expect(stored.blocks.map((block) => block.competencies)).toEqual(defaultReferentiel.blocks.map((block) => block.competencies));
});
