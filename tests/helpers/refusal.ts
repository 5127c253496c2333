import { expect } from 'vitest';
import { UserFacingError } from '../../src/lib/server/errors';

/** The UserFacingError a piece of work is refused with; the test fails if the work succeeds or fails otherwise. */
export async function refusal(work: Promise<unknown>): Promise<UserFacingError> {
	const error = await work.then(
		() => null,
		(caught: unknown) => caught
	);
	expect(error).toBeInstanceOf(UserFacingError);
	return error as UserFacingError;
}
