// One server instance's outbox worker in a process of its own, with its own connection pool, for
// the test that runs several against one PostgreSQL database:
//   tsx tests/helpers/outbox-instance.ts <database url> <smtp url> <lease ms>
// Prints "ready" once listening; SIGTERM stops it cleanly, SIGKILL is a crash.
import { connectPostgres } from '../../src/lib/server/db/connect';
import { closeSmtpConnections, startOutboxWorker } from '../../src/lib/server/notifications/mailer';

const [databaseUrl, smtpUrl, leaseMs] = process.argv.slice(2);
const handle = connectPostgres(databaseUrl, 4);
const worker = await startOutboxWorker(handle, { smtpUrl, leaseMs: Number(leaseMs), pollMs: 200, batchSize: 5 });
process.once('SIGTERM', async () => {
	await worker.stop();
	closeSmtpConnections();
	await handle.close();
	process.exit(0);
});
console.log('ready');
