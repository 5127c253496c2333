import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { referentiels, type Referentiel } from '$lib/domain/referentiel/referentiel';

/** Stores every référentiel data file, so sessions keep the exact version they were planned with. */
export async function syncReferentiels(db: Kysely<DB>): Promise<void> {
	for (const referentiel of referentiels) {
		await db
			.insertInto('referentiels')
			.values({
				id: referentiel.id,
				rncp_code: referentiel.certification.rncpCode,
				version: referentiel.version,
				title: referentiel.certification.title,
				document: JSON.stringify(referentiel)
			})
			.onConflict((conflict) => conflict.column('id').doUpdateSet({ document: sql`excluded.document`, title: sql`excluded.title` }))
			.execute();
	}
}

export async function findReferentiel(db: Kysely<DB>, id: string): Promise<Referentiel | undefined> {
	const row = await db.selectFrom('referentiels').select('document').where('id', '=', id).executeTakeFirst();
	return row?.document as unknown as Referentiel | undefined;
}
