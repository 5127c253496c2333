import {
	distinctHalfDays,
	halfDayOf,
	halfDaySlug,
	parseHalfDaySlug,
	sameHalfDay,
	signingRefusal,
	type SheetHalfDay
} from '$lib/domain/attendance/half-day';
import { isUuid } from '$lib/domain/ids';
import { SIGNATURE_MAX_BYTES } from '$lib/domain/attendance/signature-image';
import { fr } from '$lib/i18n/fr';
import { appendAudit } from '../audit/audit-repository';
import type { SessionUser } from '../auth/auth-repository';
import { currentCertifier } from '../certifier/certifier-service';
import type { Database } from '../db/connect';
import { inTransaction, type Executor } from '../db/transaction';
import { attendancePdf } from '../documents/attendance-pdf';
import { UserFacingError } from '../errors';
import { actOnTimer } from '../live/timer-service';
import {
	findSheetJury,
	halfDaySignatures,
	insertSignature,
	juryDefenses,
	juryMembers,
	sessionSheetJuries,
	type SheetDefense,
	type SheetJury,
	type SignatureRow
} from './attendance-repository';
import { signatureRefusal } from './signature-png';

const t = fr.attendance;
type Actor = Pick<SessionUser, 'id' | 'role'>;

/** One line of a sheet: who, and their signature if given. */
export interface SheetLine {
	personId: string;
	name: string;
	signature: {
		method: 'drawn' | 'paper';
		signedAt: Date;
		collectorName: string | null;
		/** The PNG drawn (read only for the PDF). */
		image: Buffer | null;
	} | null;
}

export interface SheetCandidate extends SheetLine {
	defenseId: string;
	plannedStart: Date;
	absent: boolean;
	/** The defense has not begun: the president may still mark it absent. */
	planned: boolean;
}

export interface AttendanceSheet {
	jury: SheetJury;
	halfDay: SheetHalfDay;
	rooms: string[];
	candidates: SheetCandidate[];
	jurors: (SheetLine & { president: boolean })[];
}

/** Where a jury's sheets stand: the half-days it hears candidates in, and the one shown. */
export interface JuryAttendance {
	jury: SheetJury;
	halfDays: SheetHalfDay[];
	sheet: AttendanceSheet | null;
}

const halfDaysOf = (defenses: SheetDefense[], timezone: string) =>
	distinctHalfDays(defenses.map((defense) => halfDayOf(defense.start, timezone)));

/**
 * The half-day a sheet opens on: the one named (it must be one the jury hears candidates in),
 * else the current one, else the next to come, else the last.
 */
function chosenHalfDay(halfDays: SheetHalfDay[], slug: string | null, now: Date, timezone: string): SheetHalfDay | null {
	if (slug !== null && slug !== '') {
		const named = parseHalfDaySlug(slug);
		const found = named && halfDays.find((halfDay) => sameHalfDay(halfDay, named));
		if (!found) throw new UserFacingError('attendance.half-day-not-found', 404, t.refusals.halfDayNotFound);
		return found;
	}
	const rank = (halfDay: SheetHalfDay) => `${halfDay.date}/${halfDay.part === 'morning' ? 0 : 1}`;
	const current = rank(halfDayOf(now, timezone));
	return halfDays.find((halfDay) => rank(halfDay) >= current) ?? halfDays.at(-1) ?? null;
}

function line(personId: string, name: string, signature: SignatureRow | undefined): SheetLine {
	return {
		personId,
		name,
		signature: signature
			? { method: signature.method, signedAt: signature.signedAt, collectorName: signature.collectorName, image: signature.image }
			: null
	};
}

async function sheetOf(
	db: Executor,
	jury: SheetJury,
	defenses: SheetDefense[],
	halfDay: SheetHalfDay,
	withImages: boolean
): Promise<AttendanceSheet> {
	const held = defenses.filter((defense) => sameHalfDay(halfDayOf(defense.start, jury.timezone), halfDay));
	const [signatures, members] = await Promise.all([halfDaySignatures(db, jury.id, halfDay, { withImages }), juryMembers(db, jury.id)]);
	const signed = new Map(signatures.map((signature) => [signature.personId, signature]));
	const ordered = [...members].sort((a, b) => Number(b.id === jury.presidentId) - Number(a.id === jury.presidentId));
	return {
		jury,
		halfDay,
		rooms: [...new Set(held.map((defense) => defense.room).filter((room): room is string => room !== null))],
		candidates: held.flatMap((defense) =>
			defense.candidates.map((candidate) => ({
				...line(candidate.id, candidate.name, signed.get(candidate.id)),
				defenseId: defense.id,
				plannedStart: defense.start,
				absent: defense.status === 'absent',
				planned: defense.status === 'planned'
			}))
		),
		jurors: ordered.map((member) => ({ ...line(member.id, member.name, signed.get(member.id)), president: member.id === jury.presidentId }))
	};
}

async function sheetJury(db: Executor, juryId: string, sessionId?: string): Promise<SheetJury> {
	const jury = isUuid(juryId) ? await findSheetJury(db, juryId) : undefined;
	if (!jury || (sessionId !== undefined && jury.sessionId !== sessionId))
		throw new UserFacingError('attendance.jury-not-found', 404, t.refusals.juryNotFound);
	return jury;
}

/** A jury's sheet for a half-day (by default the current or next one), as the tablet shows it. */
export async function juryAttendance(db: Database, juryId: string, slug: string | null, now = new Date()): Promise<JuryAttendance> {
	const jury = await sheetJury(db, juryId);
	const defenses = await juryDefenses(db, [jury.id]);
	const halfDays = halfDaysOf(defenses, jury.timezone);
	const halfDay = chosenHalfDay(halfDays, slug, now, jury.timezone);
	return { jury, halfDays, sheet: halfDay ? await sheetOf(db, jury, defenses, halfDay, false) : null };
}

export interface SignatureInput {
	halfDay: string;
	personId: string;
	/** 'drawn': the PNG drawn on the tablet; 'paper': confirmed as signed on the paper sheet (no drawing possible). */
	method: string;
	image: File | null;
}

const refusalMessages = {
	missing: t.refusals.signatureMissing,
	blank: t.refusals.signatureMissing,
	'too-large': t.refusals.signatureTooLarge,
	'not-png': t.refusals.signatureNotPng,
	dimensions: t.refusals.signatureDimensions
} as const;

/**
 * Records a signature on the jury's sheet of a half-day, in one transaction with its journal
 * row: a candidate of a defense of that half-day, collected by a juror of the jury (on paper, by
 * its president only), or a juror of the jury signing for themselves. On the day only; once.
 */
export async function signAttendance(
	db: Database,
	actor: Actor,
	juryId: string,
	input: SignatureInput,
	now = new Date()
): Promise<{ name: string; signedAt: Date }> {
	const method = input.method === 'paper' ? 'paper' : input.method === 'drawn' ? 'drawn' : null;
	if (!method) throw new UserFacingError('attendance.method-invalid', 400, t.refusals.methodInvalid);
	let image: Buffer | null = null;
	if (method === 'drawn') {
		if (!input.image || input.image.size === 0)
			throw new UserFacingError('attendance.signature-missing', 400, t.refusals.signatureMissing, 'signature');
		if (input.image.size > SIGNATURE_MAX_BYTES)
			throw new UserFacingError('attendance.signature-too-large', 400, t.refusals.signatureTooLarge, 'signature');
		image = Buffer.from(await input.image.arrayBuffer());
		const refusal = signatureRefusal(image);
		if (refusal) throw new UserFacingError(`attendance.signature-${refusal}`, 400, refusalMessages[refusal], 'signature');
	}
	return inTransaction(db, async (trx) => {
		const jury = await sheetJury(trx, juryId);
		const defenses = await juryDefenses(trx, [jury.id]);
		const halfDay = parseHalfDaySlug(input.halfDay);
		if (!halfDay || !halfDaysOf(defenses, jury.timezone).some((entry) => sameHalfDay(entry, halfDay)))
			throw new UserFacingError('attendance.half-day-not-found', 404, t.refusals.halfDayNotFound);
		const sheet = await sheetOf(trx, jury, defenses, halfDay, false);
		const candidate = sheet.candidates.find((entry) => entry.personId === input.personId);
		const juror = sheet.jurors.find((entry) => entry.personId === input.personId);
		if (!candidate && !juror) throw new UserFacingError('attendance.person-not-found', 404, t.refusals.personNotFound);
		if (juror && juror.personId !== actor.id) throw new UserFacingError('attendance.juror-self', 403, t.refusals.jurorSelf);
		if (candidate?.absent) throw new UserFacingError('attendance.absent', 409, t.refusals.absent);
		if (candidate && method === 'paper' && jury.presidentId !== actor.id)
			throw new UserFacingError('attendance.paper-president-only', 403, t.refusals.paperPresidentOnly);
		const person = (candidate ?? juror)!;
		if (person.signature) throw new UserFacingError('attendance.already-signed', 409, t.refusals.alreadySigned(person.name));
		const timing = signingRefusal(halfDay, now, jury.timezone);
		if (timing) throw new UserFacingError(`attendance.${timing}`, 409, t.refusals[timing]);
		const id = await insertSignature(trx, {
			juryId: jury.id,
			date: halfDay.date,
			part: halfDay.part,
			personId: person.personId,
			kind: candidate ? 'candidate' : 'juror',
			defenseId: candidate?.defenseId ?? null,
			method,
			image,
			signedAt: now,
			collectedBy: actor.id
		});
		if (!id) throw new UserFacingError('attendance.already-signed', 409, t.refusals.alreadySigned(person.name));
		await appendAudit(trx, {
			actorId: actor.id,
			action: 'attendance.sign',
			entity: 'attendance',
			entityId: id,
			at: now,
			after: {
				juryId: jury.id,
				halfDay: halfDaySlug(halfDay),
				personId: person.personId,
				kind: candidate ? 'candidate' : 'juror',
				method,
				image: image ? `image/png, ${image.length} octets` : null
			}
		});
		return { name: person.name, signedAt: now };
	});
}

/** The president marks a candidate of the sheet absent: the defense's own absence, through the timer. */
export async function markAbsent(db: Database, actor: Actor, juryId: string, defenseId: string): Promise<void> {
	const defense = (await juryDefenses(db, [juryId])).find((entry) => entry.id === defenseId);
	if (!defense) throw new UserFacingError('attendance.person-not-found', 404, t.refusals.personNotFound);
	await actOnTimer(db, actor, defense.id, { action: 'absent', expectedPhase: 'accueil' });
}

/** A jury's attendance sheet of a half-day as a PDF (by default the current or next one); `sessionId` for the coordination. */
export async function attendanceSheetFile(
	db: Database,
	juryId: string,
	slug: string | null,
	sessionId?: string,
	now = new Date()
): Promise<{ pdf: Buffer; filename: string }> {
	const jury = await sheetJury(db, juryId, sessionId);
	const defenses = await juryDefenses(db, [jury.id]);
	const halfDay = chosenHalfDay(halfDaysOf(defenses, jury.timezone), slug, now, jury.timezone);
	if (!halfDay) throw new UserFacingError('attendance.half-day-not-found', 404, t.refusals.halfDayNotFound);
	const sheet = await sheetOf(db, jury, defenses, halfDay, true);
	const pdf = await attendancePdf(sheet, await currentCertifier(db), now);
	return { pdf, filename: `emargement-jury-${jury.label}-${halfDaySlug(halfDay)}.pdf` };
}

/** Every jury of a session with the half-days of its sheets (none for a jury that heard nobody), for the coordination's documents. */
export async function sessionAttendance(
	db: Database,
	sessionId: string
): Promise<{ juryId: string; label: string; halfDays: SheetHalfDay[] }[]> {
	const juries = await sessionSheetJuries(db, sessionId);
	const defenses = await juryDefenses(
		db,
		juries.map((jury) => jury.id)
	);
	return juries.map((jury) => ({
		juryId: jury.id,
		label: jury.label,
		halfDays: halfDaysOf(
			defenses.filter((defense) => defense.juryId === jury.id),
			jury.timezone
		)
	}));
}
