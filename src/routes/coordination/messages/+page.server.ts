import { askedPage } from '$lib/domain/pagination/pagination';
import { deliveryState } from '$lib/domain/notifications/delivery';
import { maskPersonalLinks } from '$lib/domain/notifications/personal-links';
import { guard } from '$lib/server/access';
import { mailIsDelivered } from '$lib/server/notifications/mailer';
import { listOutbox } from '$lib/server/notifications/outbox-repository';
import type { PageServerLoad } from './$types';

/** Messages per page: the list stays a list; each message opens on demand. */
const PAGE_SIZE = 50;

export const load: PageServerLoad = guard({ roles: ['coordinator'] }, async (event, { db }) => {
	const recipient = event.url.searchParams.get('destinataire')?.trim() ?? '';
	const page = askedPage(event.url.searchParams.get('page'));
	const rows = await listOutbox(db, { recipient: recipient || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
	const total = Number(rows[0]?.total ?? 0);
	// With SMTP the mail reaches its owner: the coordination sees that it went, never a link that sets
	// someone's password. Without SMTP this list is how invitations are delivered by hand (demo, tests).
	const smtp = mailIsDelivered();
	return {
		recipient,
		smtp,
		page,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		total,
		first: (page - 1) * PAGE_SIZE + 1,
		messages: rows.map((row) => ({
			id: row.id,
			createdAt: row.created_at,
			recipient: row.recipient,
			subject: row.subject,
			text: maskPersonalLinks(row.text_body, smtp),
			messageId: row.message_id,
			delivery: deliveryState(row, row.now),
			attachments: (row.attachments as { filename: string }[]).map((attachment) => attachment.filename)
		}))
	};
});
