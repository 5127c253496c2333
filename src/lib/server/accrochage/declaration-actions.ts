import type { PostedForm } from '../access';
import type { Database } from '../db/connect';
import { MAX_RECEIPT_BYTES, exportDeclaration, importReceipt } from './declaration-service';
import { fr } from '$lib/i18n/fr';
import { UserFacingError } from '../errors';

/** The two forms of the declaration pages (one session, or every session): prepare a file, import a receipt. */
export async function exportAction(db: Database, userId: string, sessionId: string | null) {
	return { formId: 'export', exported: await exportDeclaration(db, userId, sessionId) };
}

/** The receipt form: from one session's page (`sessionId`) it may only answer that session's passages. */
export async function receiptAction(db: Database, userId: string, posted: PostedForm, sessionId: string | null) {
	const file = posted.file('file');
	if (!file || (file.size === 0 && file.name === ''))
		throw new UserFacingError('accrochage.receipt-missing', 400, fr.accrochage.errors.receiptMissing, 'file');
	// Refused before the file is read into memory.
	if (file.size > MAX_RECEIPT_BYTES)
		throw new UserFacingError('accrochage.receipt-too-large', 400, fr.accrochage.errors.receiptTooLarge, 'file');
	const bytes = new Uint8Array(await file.arrayBuffer());
	return { formId: 'receipt', receipt: await importReceipt(db, userId, bytes, file.name, sessionId) };
}
