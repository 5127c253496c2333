export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 410 | 429 | 503;

/**
 * A refusal the user can act on: its message is French and shown as is; nothing was written.
 * `code` is stable ("<area>.<what>", kebab-case) for programs and pages that must tell refusals
 * apart without reading the French; `data` is what a form shows beside the message (reasons, details).
 */
export class UserFacingError extends Error {
	constructor(
		readonly code: string,
		readonly status: RefusalStatus,
		message: string,
		readonly field?: string,
		readonly data: Record<string, unknown> = {}
	) {
		super(message);
		this.name = 'UserFacingError';
	}
}
