const UUID_SHAPE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UUID = new RegExp(`^${UUID_SHAPE}$`, 'i');

/** Whether a value can be a row id: a URL segment or a form field that is not one never reaches the database. */
export function isUuid(value: unknown): value is string {
	return typeof value === 'string' && UUID.test(value);
}

/** Every uuid inside a text (global: for `String.replace`, which resets it on each call). */
export const UUIDS_IN_TEXT = new RegExp(UUID_SHAPE, 'gi');
