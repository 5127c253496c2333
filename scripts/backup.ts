// npm run backup [-- file] — a consistent dump of DATABASE_URL (pg_dump) or of the embedded database in DATA_DIR.
import { backup } from '../src/lib/server/db/backup';
import { fr } from '../src/lib/i18n/fr';
import { UserFacingError } from '../src/lib/server/errors';
import { runCommand } from './command';

await runCommand(async () => {
	const args = process.argv.slice(2);
	if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) throw new UserFacingError('backup.usage', 400, fr.backup.usageBackup);
	const report = await backup(process.env, args[0]);
	console.log(fr.backup.backupWritten(report.file, report.bytes, fr.backup.how[report.source]));
});
