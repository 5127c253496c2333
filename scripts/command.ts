// A command-line program's failure: its French message on stderr and exit code 1, never a stack trace for a refusal.
import { UserFacingError } from '../src/lib/server/errors';
import { fr } from '../src/lib/i18n/fr';

export async function runCommand(work: () => Promise<void>): Promise<void> {
	try {
		await work();
	} catch (caught) {
		console.error(
			caught instanceof UserFacingError ? caught.message : fr.backup.failed(caught instanceof Error ? caught.message : String(caught))
		);
		process.exitCode = 1;
	}
}
