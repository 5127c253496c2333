import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface CapturedAttachment {
	filename: string;
	contentType: string;
	content: Buffer;
}

export interface CapturedMail {
	/** Envelope recipients, as the SMTP client gave them. */
	to: string[];
	subject: string;
	/** The Message-ID header as sent. */
	messageId: string;
	text: string;
	attachments: CapturedAttachment[];
	raw: string;
}

export interface LocalSmtp {
	url: string;
	messages: CapturedMail[];
	close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 and a random port, keeping every message it receives, parsed.
 * Recipients listed in `rejectRecipients` are refused for good (550), as a real server refuses an
 * unknown mailbox; those in `deferRecipientsOnce` are told to come back later (451) the first time.
 * `onMessage` sees each message before the server accepts it.
 */
export async function startLocalSmtp(
	options: { rejectRecipients?: string[]; deferRecipientsOnce?: string[]; onMessage?: (mail: CapturedMail) => void } = {}
): Promise<LocalSmtp> {
	const messages: CapturedMail[] = [];
	const deferred = new Set<string>();
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onRcptTo(address, _session, callback) {
			if (options.rejectRecipients?.includes(address.address)) return callback(new Error('boîte inconnue'));
			if (options.deferRecipientsOnce?.includes(address.address) && !deferred.has(address.address)) {
				deferred.add(address.address);
				return callback(Object.assign(new Error('réessayez plus tard'), { responseCode: 451 }));
			}
			callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('latin1');
				const mail = { ...parseMessage(raw), to: session.envelope.rcptTo.map((recipient) => recipient.address), raw };
				messages.push(mail);
				// Before the server's answer: the sender is still waiting on this message.
				options.onMessage?.(mail);
				callback();
			});
		}
	});
	// A client that dies mid-session (a server instance killed while sending) resets its connection:
	// a real SMTP server logs it and serves the others. Unheard, the event would end the test process.
	server.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error;
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

// A minimal MIME reader for what nodemailer writes: headers with RFC 2047 words, nested
// multiparts, base64 and quoted-printable parts. Strings hold the raw bytes as latin1.

interface Part {
	headers: Map<string, string>;
	body: string;
}

function splitPart(raw: string): Part {
	const separator = raw.search(/\r?\n\r?\n/);
	const head = separator < 0 ? raw : raw.slice(0, separator);
	const body = separator < 0 ? '' : raw.slice(separator).replace(/^\r?\n\r?\n/, '');
	const headers = new Map<string, string>();
	for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
	}
	return { headers, body };
}

const utf8 = (binary: string) => Buffer.from(binary, 'latin1').toString('utf8');

function decodeQuotedPrintable(binary: string): string {
	return binary.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function decodeHeader(value: string): string {
	return utf8(value)
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, text: string) =>
			encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : utf8(decodeQuotedPrintable(text.replace(/_/g, ' ')))
		);
}

function parameter(header: string | undefined, name: string): string | undefined {
	const match = header?.match(new RegExp(`${name}\\*?=(?:"([^"]*)"|([^;\\s]+))`, 'i'));
	const value = match?.[1] ?? match?.[2];
	if (!value) return undefined;
	return value.startsWith("utf-8''") ? decodeURIComponent(value.slice(7)) : decodeHeader(value);
}

function leaves(part: Part): Part[] {
	const boundary = parameter(part.headers.get('content-type'), 'boundary');
	if (!boundary) return [part];
	const sections = part.body.split(`--${boundary}`).slice(1);
	return sections.filter((section) => !section.startsWith('--')).flatMap((section) => leaves(splitPart(section.replace(/^\r?\n/, ''))));
}

function content(part: Part): Buffer {
	const encoding = part.headers.get('content-transfer-encoding')?.toLowerCase();
	if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
	if (encoding === 'quoted-printable') return Buffer.from(decodeQuotedPrintable(part.body), 'latin1');
	return Buffer.from(part.body, 'latin1');
}

function parseMessage(raw: string): Omit<CapturedMail, 'to' | 'raw'> {
	const message = splitPart(raw);
	let text = '';
	const attachments: CapturedAttachment[] = [];
	for (const leaf of leaves(message)) {
		const contentType = leaf.headers.get('content-type') ?? 'text/plain';
		const filename = parameter(leaf.headers.get('content-disposition'), 'filename') ?? parameter(contentType, 'name');
		if (filename) attachments.push({ filename, contentType: contentType.split(';')[0].trim().toLowerCase(), content: content(leaf) });
		else if (contentType.startsWith('text/plain') && !text) text = content(leaf).toString('utf8').replace(/\r\n/g, '\n');
	}
	return {
		subject: decodeHeader(message.headers.get('subject') ?? ''),
		messageId: message.headers.get('message-id') ?? '',
		text,
		attachments
	};
}
