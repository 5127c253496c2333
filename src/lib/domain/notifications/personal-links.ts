// Invitation and reset links carry a single-use token that sets the account's password: whoever
// reads it becomes the account's owner. Where mail goes out by SMTP, the copy kept in the outbox
// must not be a way in for someone who reads the outbox (the coordination).
const PERSONAL_LINK = /(\/(?:invitation|mot-de-passe)\/)[a-z0-9]+/gi;
// The one-time code of a signature proves the member reads their own mailbox: nobody else may see it.
const SIGNING_CODE = /(Code de signature : )\d+/g;

export const MASKED_TOKEN = '••••••';

/** The text with the token of every invitation or reset link, and any signing code, replaced by a mask. */
export function maskPersonalLinks(text: string): string {
	return text.replace(PERSONAL_LINK, `$1${MASKED_TOKEN}`).replace(SIGNING_CODE, `$1${MASKED_TOKEN}`);
}
