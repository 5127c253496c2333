/** A score sheet as submission cares: a juror writes one per candidate of the defense. */
export interface SheetSubmission {
	jurorId: string;
	submittedAt: Date | null;
}

/** A juror has submitted their grid for a defense when they have sheets and every one is submitted. */
export function hasSubmitted(sheets: readonly Pick<SheetSubmission, 'submittedAt'>[]): boolean {
	return sheets.length > 0 && sheets.every((sheet) => sheet.submittedAt !== null);
}

/** The jurors who have submitted their grid, among the sheets of one defense. */
export function jurorsWhoSubmitted(sheets: readonly SheetSubmission[]): Set<string> {
	const byJuror = new Map<string, SheetSubmission[]>();
	for (const sheet of sheets) byJuror.set(sheet.jurorId, [...(byJuror.get(sheet.jurorId) ?? []), sheet]);
	return new Set([...byJuror].filter(([, own]) => hasSubmitted(own)).map(([jurorId]) => jurorId));
}
