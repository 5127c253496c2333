import type { PostedForm } from '../access';
import type { Database } from '../db/connect';
import { exportDeclaration, importReceipt } from './declaration-service';
import { fr } from '$lib/i18n/fr';
import { UserFacingError } from '../errors';

/** The two forms of the declaration pages (one session, or every session): prepare a file, import a receipt. */
export async function exportAction(db: Database, userId: string, sessionId: string | null) {
	return { formId: 'export', exported: await exportDeclaration(db, userId, sessionId) };
}

export async function receiptAction(db: Database, userId: string, posted: PostedForm) {
	const file = posted.file('file');
	if (!file || (file.size === 0 && file.name === ''))
		throw new UserFacingError('accrochage.receipt-missing', 400, fr.accrochage.errors.receiptMissing, 'file');
	return { formId: 'receipt', receipt: await importReceipt(db, userId, new Uint8Array(await file.arrayBuffer()), file.name) };
}
