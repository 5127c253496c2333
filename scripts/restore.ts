// npm run restore -- file [--force] — restores a backup into DATABASE_URL or DATA_DIR, migrates it and verifies the journal.
import { restore } from '../src/lib/server/db/backup';
import { fr } from '../src/lib/i18n/fr';
import { UserFacingError } from '../src/lib/server/errors';
import { runCommand } from './command';

await runCommand(async () => {
	const args = process.argv.slice(2);
	const force = args.includes('--force');
	const files = args.filter((arg) => arg !== '--force');
	if (files.length !== 1 || files[0].startsWith('-')) throw new UserFacingError('backup.usage', 400, fr.backup.usageRestore);
	const report = await restore(process.env, files[0], { force });
	console.log(fr.backup.restored(report.target, report.migrations));
	if (report.previous) console.log(fr.backup.previousKept(report.previous));
	if (report.chain.ok) console.log(fr.backup.chainIntact(report.chain.rows));
	else {
		console.error(fr.backup.chainBroken(report.chain.rows, report.chain.brokenAtId, report.chain.reason));
		process.exitCode = 1;
	}
});
