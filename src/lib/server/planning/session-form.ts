import { fail } from '@sveltejs/kit';
import { UserFacingError } from '../errors';
import { CompositionRefused } from './jury-service';
import type { FormOutcome } from '$lib/components/sessions/form-state';


/** Text fields of a posted form, the first value of each name. */
export function formValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of form) if (typeof value === 'string' && !(name in values)) values[name] = value;
	return values;
}

/** Every value of a repeated field (checkboxes, break rows). */
export function formList(form: FormData, name: string): string[] {
	return form.getAll(name).filter((value): value is string => typeof value === 'string');
}

/** Runs a use case for one form: success says what was saved, a refusal keeps the values and names the field. */
export async function runForm(formId: string, values: Record<string, string | string[]>, saved: string, work: () => Promise<unknown>) {
	try {
		await work();
		return { formId, saved } satisfies FormOutcome;
	} catch (error) {
		if (!(error instanceof UserFacingError)) throw error;
		const outcome: FormOutcome = { formId, message: error.message, field: error.field, values };
		if (error instanceof CompositionRefused) outcome.reasons = error.reasons;
		return fail(error.status, outcome);
	}
}
