/** The outcome an action of a session page sends back (its refusals: Refusal in src/lib/server/access/guard.ts). */
export interface FormOutcome {
	formId: string;
	saved?: string;
	message?: string;
	field?: string;
	reasons?: string[];
	values?: Record<string, string | string[]>;
}

/** Reads one form's outcome among the several forms of a page. */
export function formState(outcome: FormOutcome | null | undefined, formId: string) {
	const mine = outcome?.formId === formId ? outcome : undefined;
	const errorId = `${formId}-error`;
	return {
		saved: mine?.saved,
		message: mine?.message,
		reasons: mine?.reasons ?? [],
		errorId,
		/** The refused value of a field, else the stored one. */
		value: (name: string, stored: string | number | null | undefined) => {
			const entered = mine?.message ? mine.values?.[name] : undefined;
			return typeof entered === 'string' ? entered : String(stored ?? '');
		},
		/** aria-invalid and aria-describedby for the field the refusal is about. */
		invalid: (name: string) => (mine?.message && mine.field === name ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {})
	};
}
