/** A refusal the user can act on: its message is French and shown as is; nothing was written. */
export class UserFacingError extends Error {
	constructor(
		message: string,
		readonly field?: string,
		readonly status: 400 | 401 | 403 | 404 | 409 | 429 = 400
	) {
		super(message);
		this.name = 'UserFacingError';
	}
}
