import { fr } from '$lib/i18n/fr';
import { defaultReferentiel } from '$lib/domain/referentiel/referentiel';
import { LOGO_MAX_BYTES, logoType } from '$lib/domain/certifier';
import type { Database } from '../db/connect';
import type { Executor } from '../db/transaction';
import { inTransaction } from '../db/transaction';
import { appendAudit } from '../audit/audit-repository';
import { UserFacingError } from '../errors';
import { ACCESS_MODES, type AccessMode } from '$lib/domain/accrochage/civil-status';
import { findCertifier, findDeclarationSettings, saveCertifier, saveDeclarationSettings } from './certifier-repository';
import { isDrawableImage } from '../documents/letterhead';

const t = fr.certifier;

/** The certifier on the documents: the coordination's setting, else the référentiel's certifier without a logo. */
export interface Certifier {
	name: string;
	logo: { bytes: Buffer; type: string } | null;
}

export async function currentCertifier(db: Executor, fallbackName = defaultReferentiel.certifier): Promise<Certifier> {
	const row = await findCertifier(db);
	if (!row) return { name: fallbackName, logo: null };
	return { name: row.name, logo: row.logo && row.logoType ? { bytes: row.logo, type: row.logoType } : null };
}

export interface CertifierForm {
	name: string;
	/** A new logo, when one was chosen. */
	logo: File | null;
	removeLogo: boolean;
}

/** The coordination names the certifier and gives its logo (PNG or JPEG, checked from its bytes); journalled. */
export async function updateCertifier(db: Database, actorId: string, form: CertifierForm): Promise<void> {
	const name = form.name.trim();
	if (!name) throw new UserFacingError('certifier.name-required', 400, t.nameRequired, 'name');
	if (name.length > 120) throw new UserFacingError('certifier.name-too-long', 400, t.nameTooLong, 'name');
	let upload: { bytes: Buffer; type: string } | null = null;
	if (form.logo && form.logo.size > 0) {
		if (form.logo.size > LOGO_MAX_BYTES) throw new UserFacingError('certifier.logo-too-large', 400, t.logoTooLarge, 'logo');
		const bytes = Buffer.from(await form.logo.arrayBuffer());
		const type = logoType(bytes);
		if (!type) throw new UserFacingError('certifier.logo-type', 400, t.logoType, 'logo');
		if (!isDrawableImage(bytes)) throw new UserFacingError('certifier.logo-unreadable', 400, t.logoUnreadable, 'logo');
		upload = { bytes, type };
	}
	await inTransaction(db, async (trx) => {
		const before = await findCertifier(trx);
		const logo = upload ?? (form.removeLogo || !before?.logo ? null : { bytes: before.logo, type: before.logoType! });
		await saveCertifier(trx, actorId, { name, logo: logo?.bytes ?? null, logoType: logo?.type ?? null });
		await appendAudit(trx, {
			actorId,
			action: 'certifier.update',
			entity: 'certifier',
			before: before ? { name: before.name, logo: before.logoType ?? null } : null,
			after: { name, logo: logo ? `${logo.type}, ${logo.bytes.length} octets` : null }
		});
	});
}

/** The certifier's identifiers at the Caisse des Dépôts, as the XML flux carries them. */
export interface DeclarationSettings {
	clientId: string | null;
	contractId: string | null;
	certificationType: 'RNCP' | 'RS';
	certificationCode: string;
	defaultAccessMode: AccessMode | null;
}

/**
 * Unset, the certification is the référentiel's RNCP code and the identifiers are missing. `lock`
 * holds the row until the transaction ends.
 */
export async function declarationSettings(db: Executor, lock = false): Promise<DeclarationSettings> {
	const row = await findDeclarationSettings(db, lock);
	const mode = ACCESS_MODES.find((entry) => entry === row?.defaultAccessMode) ?? null;
	return {
		clientId: row?.clientId ?? null,
		contractId: row?.contractId ?? null,
		certificationType: row?.certificationType ?? 'RNCP',
		certificationCode: row?.certificationCode ?? `RNCP${defaultReferentiel.certification.rncpCode}`,
		defaultAccessMode: mode
	};
}

export type DeclarationSettingsForm = Partial<
	Record<'clientId' | 'contractId' | 'certificationType' | 'certificationCode' | 'defaultAccessMode', string>
>;

/** The coordination gives the certifier's matricule, contract, certification and default access mode; journalled. */
export async function updateDeclarationSettings(db: Database, actorId: string, form: DeclarationSettingsForm): Promise<void> {
	const clientId = (form.clientId ?? '').trim().toUpperCase();
	if (!/^[A-Z0-9]{8}$/.test(clientId))
		throw new UserFacingError('certifier.client-id', 400, fr.accrochage.certifier.clientIdInvalid, 'clientId');
	const contractId = (form.contractId ?? '').trim().toUpperCase();
	if (!contractId || contractId.length > 50 || /\s/.test(contractId))
		throw new UserFacingError('certifier.contract-id', 400, fr.accrochage.certifier.contractIdInvalid, 'contractId');
	const type = form.certificationType ?? '';
	if (type !== 'RNCP' && type !== 'RS')
		throw new UserFacingError('certifier.certification-type', 400, fr.accrochage.certifier.typeInvalid, 'certificationType');
	const code = (form.certificationCode ?? '').trim().toUpperCase().replace(/\s/g, '');
	if (!new RegExp(`^${type}[0-9]{1,6}$`).test(code))
		throw new UserFacingError('certifier.certification-code', 400, fr.accrochage.certifier.codeInvalid(type), 'certificationCode');
	const modeText = form.defaultAccessMode ?? '';
	const mode = ACCESS_MODES.find((entry) => entry === modeText) ?? null;
	if (modeText && !mode)
		throw new UserFacingError('certifier.access-mode', 400, fr.accrochage.invalid.accessMode(modeText), 'defaultAccessMode');
	const after = { clientId, contractId, certificationType: type, certificationCode: code, defaultAccessMode: mode } as const;
	await inTransaction(db, async (trx) => {
		const before = await findDeclarationSettings(trx);
		await saveDeclarationSettings(trx, actorId, (await currentCertifier(trx)).name, after);
		await appendAudit(trx, { actorId, action: 'certifier.declaration-update', entity: 'certifier', before: before ?? null, after });
	});
}
