// Control characters no one types (tab and line breaks excepted): PostgreSQL refuses NUL in text,
// and the others end up in headers, calendars and PDF files where they break what reads them.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Whether a text holds a character that is never typed and that no stored text may hold. */
export function hasControlCharacter(text: string): boolean {
	return CONTROL_CHARACTER.test(text);
}
