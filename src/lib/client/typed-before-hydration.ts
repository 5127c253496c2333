/**
 * Keeps what a user entered in a server-rendered form before the page's script arrived.
 *
 * Svelte writes every `value={…}`, `checked={…}` and `selected={…}` once when it hydrates, which
 * wipes what a juror on a slow tablet network already typed; a `required` field then silently
 * blocks the submit. The server rendered each control's initial state as its default, so any
 * control whose live state differs from its default was changed by the user (or the browser's
 * autofill): those are noted before hydration and put back after it, with the events a person
 * typing would have fired, so the components' handlers see the value too.
 */

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

interface Entered {
	control: Control;
	/** The text, the checked state, or which options are selected. */
	state: string | boolean | boolean[];
}

let entered: Entered[] = [];

function stateOf(control: Control): Entered['state'] {
	if (control instanceof HTMLSelectElement) return Array.from(control.options, (option) => option.selected);
	if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) return control.checked;
	return control.value;
}

function changedByUser(control: Control): boolean {
	if (control instanceof HTMLSelectElement) return Array.from(control.options).some((option) => option.selected !== option.defaultSelected);
	if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio'))
		return control.checked !== control.defaultChecked;
	if (control instanceof HTMLInputElement && (control.type === 'file' || control.type === 'hidden')) return false;
	return control.value !== control.defaultValue;
}

function sameState(a: Entered['state'], b: Entered['state']): boolean {
	return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((selected, index) => selected === b[index]) : a === b;
}

/** Called as hydration starts (the root layout's script): notes every control the user has changed. */
export function noteEnteredValues(root: ParentNode = document): void {
	entered = Array.from(root.querySelectorAll<Control>('input, textarea, select'))
		.filter(changedByUser)
		.map((control) => ({ control, state: stateOf(control) }));
}

/** Called once hydration is done: puts back what hydration overwrote. */
export function restoreEnteredValues(): void {
	for (const { control, state } of entered) {
		if (!control.isConnected || sameState(stateOf(control), state)) continue;
		if (control instanceof HTMLSelectElement && Array.isArray(state)) {
			Array.from(control.options).forEach((option, index) => (option.selected = state[index] ?? false));
		} else if (control instanceof HTMLInputElement && typeof state === 'boolean') {
			control.checked = state;
		} else if (typeof state === 'string') {
			control.value = state;
		}
		control.dispatchEvent(new Event('input', { bubbles: true }));
		control.dispatchEvent(new Event('change', { bubbles: true }));
	}
	entered = [];
}
