import { defaultReferentiel } from '../../src/lib/domain/referentiel/referentiel';
import { defaultSettings } from '../../src/lib/domain/sessions/session-rules';

/** A new session's form as the page first shows it (the référentiel's defaults), with `fields` typed in. */
export function sessionForm(fields: { name: string; place: string }): Record<string, string> {
	const defaults = Object.entries(defaultSettings(defaultReferentiel)).map(([field, value]) => [field, String(value ?? '')]);
	return { ...Object.fromEntries(defaults), ...fields };
}
