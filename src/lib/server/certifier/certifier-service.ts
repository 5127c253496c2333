import { fr } from '$lib/i18n/fr';
import { defaultReferentiel } from '$lib/domain/referentiel/referentiel';
import { LOGO_MAX_BYTES, logoType } from '$lib/domain/certifier';
import type { Database } from '../db/connect';
import type { Executor } from '../db/transaction';
import { inTransaction } from '../db/transaction';
import { appendAudit } from '../audit/audit-repository';
import { UserFacingError } from '../errors';
import { findCertifier, saveCertifier } from './certifier-repository';
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
