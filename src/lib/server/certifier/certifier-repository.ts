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

export interface DeclarationSettingsRow {
	clientId: string | null;
	contractId: string | null;
	certificationType: 'RNCP' | 'RS';
	certificationCode: string | null;
	defaultAccessMode: string | null;
}

/** `lock`: held until the transaction ends, so two exports run one after the other (each passage gets one idTechnique). */
export async function findDeclarationSettings(db: Executor, lock = false): Promise<DeclarationSettingsRow | undefined> {
	let query = db
		.selectFrom('certifier_settings')
		.select([
			'cdc_client_id as clientId',
			'cdc_contract_id as contractId',
			'certification_type as certificationType',
			'certification_code as certificationCode',
			'default_access_mode as defaultAccessMode'
		]);
	if (lock) query = query.forUpdate();
	const row = await query.executeTakeFirst();
	return row && { ...row, certificationType: row.certificationType === 'RS' ? 'RS' : 'RNCP' };
}

/** The CDC identifiers beside the name; a first save names the certifier as the documents already do. */
export async function saveDeclarationSettings(db: Executor, actorId: string, name: string, values: DeclarationSettingsRow): Promise<void> {
	const columns = {
		cdc_client_id: values.clientId,
		cdc_contract_id: values.contractId,
		certification_type: values.certificationType,
		certification_code: values.certificationCode,
		default_access_mode: values.defaultAccessMode,
		updated_by: actorId,
		updated_at: new Date()
	};
	await db
		.insertInto('certifier_settings')
		.values({ id: true, name, ...columns })
		.onConflict((conflict) => conflict.column('id').doUpdateSet(columns))
		.execute();
}
