// Invitation and reset links carry a single-use token that sets the account's password: whoever
// reads it becomes the account's owner. The copy kept in the outbox must not be a way in for someone
// who reads the outbox (the coordination). A reset link is asked for by anyone, for any account, so
// it is never shown there: the coordination could otherwise take over a juror who never asked. An
// invitation is the coordination's own act on an account nobody uses yet; where no mail goes out,
// the outbox is how it is delivered by hand, so it stays readable there.
const INVITATION_LINK = /(\/invitation\/)[a-z0-9]+/gi;
const RESET_LINK = /(\/mot-de-passe\/)[a-z0-9]+/gi;
// The one-time code of a signature proves the member reads their own mailbox: nobody else may see it.
const SIGNING_CODE = /(Code de signature : )\d+/g;

export const MASKED_TOKEN = '••••••';

/**
 * The text as the outbox shows it: reset tokens and signing codes always masked, invitation tokens
 * masked too once mail is delivered (`mailIsDelivered`), since the invitee then reads their own copy.
 */
export function maskPersonalLinks(text: string, mailIsDelivered: boolean): string {
	const masked = text.replace(RESET_LINK, `$1${MASKED_TOKEN}`).replace(SIGNING_CODE, `$1${MASKED_TOKEN}`);
	return mailIsDelivered ? masked.replace(INVITATION_LINK, `$1${MASKED_TOKEN}`) : masked;
}
