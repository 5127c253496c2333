import type { Executor } from '../db/transaction';

export interface CertifierRow {
	name: string;
	logo: Buffer | null;
	logoType: string | null;
}

export async function findCertifier(db: Executor): Promise<CertifierRow | undefined> {
	const row = await db.selectFrom('certifier_settings').select(['name', 'logo', 'logo_type']).executeTakeFirst();
	return row && { name: row.name, logo: row.logo, logoType: row.logo_type };
}

export async function saveCertifier(db: Executor, actorId: string, values: CertifierRow): Promise<void> {
	const row = { id: true, name: values.name, logo: values.logo, logo_type: values.logoType, updated_by: actorId, updated_at: new Date() };
	await db
		.insertInto('certifier_settings')
		.values(row)
		.onConflict((conflict) =>
			conflict
				.column('id')
				.doUpdateSet({ name: row.name, logo: row.logo, logo_type: row.logo_type, updated_by: actorId, updated_at: row.updated_at })
		)
		.execute();
}
