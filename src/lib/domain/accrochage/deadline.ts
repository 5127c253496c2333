import { addMonths, differenceInCalendarDays, parseISO, format } from 'date-fns';

/** A title is declared to the CDC within 3 months of its award (Code du travail R6113-17-3). */
export const DECLARATION_MONTHS = 3;
/** The coordinators are reminded this many days before the deadline. */
export const REMINDER_DAYS_BEFORE = 30;

export type DeclarationState = 'to_declare' | 'declared' | 'accepted' | 'rejected';

/** A title awarded in a session and where its declaration stands, as the declaration pages list it. */
export interface AwardDeclaration {
	sessionId: string;
	sessionName: string;
	candidateId: string;
	candidateName: string;
	/** yyyy-mm-dd: the day the jury signed the decision in force, in the session's zone. */
	awardedOn: string;
	deadline: string;
	daysLeft: number;
	state: DeclarationState;
	receiptMessage: string | null;
}

/** The passage's stored status, or none yet: to declare. */
export function declarationState(status: 'declared' | 'accepted' | 'rejected' | null): DeclarationState {
	return status ?? 'to_declare';
}

/** The last day to declare an award of `awardedOn` (yyyy-mm-dd): 3 months later (12 November → 12 February). */
export function declarationDeadline(awardedOn: string): string {
	return format(addMonths(parseISO(awardedOn), DECLARATION_MONTHS), 'yyyy-MM-dd');
}

/** Whole days from `today` to `deadline` (both yyyy-mm-dd); negative once it has passed. */
export function daysLeft(deadline: string, today: string): number {
	return differenceInCalendarDays(parseISO(deadline), parseISO(today));
}

/** Whether the reminder is due today: the award still has to be (re)declared and its deadline is 30 days away or less. */
export function reminderDue(state: DeclarationState, deadline: string, today: string): boolean {
	return (state === 'to_declare' || state === 'rejected') && daysLeft(deadline, today) <= REMINDER_DAYS_BEFORE;
}
