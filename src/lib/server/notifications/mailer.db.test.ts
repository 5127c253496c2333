import { afterAll, beforeAll, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/helpers/database';
import { startLocalSmtp, type LocalSmtp } from '../../../../tests/helpers/smtp';
import type { DatabaseHandle } from '../db';
import { dispatchOutbox } from './mailer';
import { enqueueMail, pendingMail } from './outbox-repository';

let handle: DatabaseHandle;
let smtp: LocalSmtp;

beforeAll(async () => {
	handle = await freshDatabase();
	smtp = await startLocalSmtp({ rejectRecipients: ['inconnu@exemple.fr'] });
});
afterAll(async () => {
	await smtp.close();
	await handle.close();
});

it('keeps messages in the outbox when no SMTP server is configured', async () => {
	await enqueueMail(handle.db, { to: 'a@exemple.fr', subject: 'Sans SMTP', text: 'Bonjour' });
	expect(await dispatchOutbox(handle.db, undefined)).toEqual({ sent: 0, failed: 0 });
	expect(await pendingMail(handle.db)).toHaveLength(1);
});

it('sends every pending message through SMTP, more than one batch, and keeps a refused one with its error', async () => {
	for (let i = 0; i < 60; i++)
		await enqueueMail(handle.db, {
			to: `candidat${i}@exemple.fr`,
			subject: `Convocation ${i}`,
			text: 'Bonjour',
			attachments: [
				{ filename: 'convocation.ics', contentType: 'text/calendar', content: Buffer.from('BEGIN:VCALENDAR').toString('base64') }
			]
		});
	await enqueueMail(handle.db, { to: 'inconnu@exemple.fr', subject: 'Refusé', text: 'Bonjour' });

	expect(await dispatchOutbox(handle.db, smtp.url)).toEqual({ sent: 61, failed: 1 });
	expect(smtp.messages.map((message) => message.to[0])).toContain('candidat59@exemple.fr');
	expect(smtp.messages.find((message) => message.subject === 'Convocation 7')?.attachments.map((a) => a.filename)).toEqual([
		'convocation.ics'
	]);
	const left = await pendingMail(handle.db);
	expect(left.map((message) => message.recipient)).toEqual(['inconnu@exemple.fr']);
	expect(left[0].error).toContain('550');
});
