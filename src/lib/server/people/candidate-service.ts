import type { Transaction } from 'kysely';
import { fr } from '$lib/i18n/fr';
import { TEXT_LIMITS } from '$lib/domain/people/candidate-import';
import type { CandidateField, CivilStatusColumn } from '$lib/domain/import/headers';
import { DAY_PART_LABELS, DAY_PART_MINUTES, type DayPart } from '$lib/domain/time/day-parts';
import {
	cleanText,
	dayRange,
	displayName,
	isRealDate,
	parseArrangements,
	parseEmail,
	parseExtraTime,
	parseTags,
	parseTimeZone,
	parseUnavailability,
	teamKey,
	type Parsed,
	type TimeRange
} from '$lib/domain/import/values';
import type { Database } from '../db/connect';
import type { DB } from '../db/schema';
import { inTransaction, type Executor } from '../db/transaction';
import { appendAudit } from '../audit/audit-repository';
import { UserFacingError } from '../errors';
import { createUserWithInvitation } from '../auth/account-service';
import { findUserByEmail } from '../auth/user-repository';
import {
	addUnavailability,
	deleteRegistration,
	deleteUnavailability,
	findSession,
	findSessionCandidate,
	hasDefenseInSession,
	insertRegistration,
	listSessionTeams,
	saveCandidateProfile,
	updateCandidateIdentity,
	updateRegistration,
	type CandidateProfileValues,
	type RegistrationValues
} from './candidate-repository';

const messages = fr.people;

export async function requireSession(db: Executor, sessionId: string) {
	const session = await findSession(db, sessionId);
	if (!session) throw new UserFacingError('people.session-not-found', 404, messages.sessionNotFound);
	return session;
}

export async function requireSessionCandidate(db: Executor, sessionId: string, candidateId: string) {
	const candidate = await findSessionCandidate(db, sessionId, candidateId);
	if (!candidate) throw new UserFacingError('people.candidate-not-found', 404, messages.candidateNotFound);
	return candidate;
}

/**
 * The form's fields, as posted: the columns of a candidate file, but the extra time as a percentage. A new
 * candidate gives first and last name; an edit gives the full name.
 */
export type CandidateForm = Partial<
	Record<Exclude<CandidateField, 'extraTime' | 'extraTimeMinutes' | CivilStatusColumn> | 'extraTimePercent' | 'fullName', string>
>;

interface ValidCandidate {
	email: string;
	displayName: string;
	profile: CandidateProfileValues;
	registration: RegistrationValues;
	unavailability: TimeRange[];
}

function required<T>(parsed: Parsed<T>, field: string): T {
	if (!parsed.ok) throw new UserFacingError('people.invalid-input', 400, parsed.message, field);
	return parsed.value;
}

function limited(form: CandidateForm, field: keyof CandidateForm, max: number, requiredMessage?: string): string {
	const value = cleanText(form[field]);
	if (requiredMessage && !value) throw new UserFacingError('people.required', 400, requiredMessage, field);
	if (value.length > max) throw new UserFacingError('people.too-long', 400, messages.tooLong(max), field);
	return value;
}

export function validateCandidateForm(form: CandidateForm, sessionTimezone: string): ValidCandidate {
	let name: string;
	if (form.fullName !== undefined) {
		name = limited(form, 'fullName', TEXT_LIMITS.name * 2, messages.lastNameRequired);
	} else {
		const firstName = limited(form, 'firstName', TEXT_LIMITS.name, messages.firstNameRequired);
		const lastName = limited(form, 'lastName', TEXT_LIMITS.name, messages.lastNameRequired);
		name = displayName(firstName, lastName);
	}
	const email = required(parseEmail(form.email ?? ''), 'email');
	const timezone = required(parseTimeZone(form.timezone ?? '', sessionTimezone), 'timezone');
	// Abstracts keep their paragraphs; every other field is one line.
	const projectAbstract = (form.projectAbstract ?? '').trim();
	if (projectAbstract.length > TEXT_LIMITS.projectAbstract)
		throw new UserFacingError('people.too-long', 400, messages.tooLong(TEXT_LIMITS.projectAbstract), 'projectAbstract');
	return {
		email,
		displayName: name,
		profile: {
			cohort: limited(form, 'cohort', TEXT_LIMITS.short) || null,
			company: limited(form, 'company', TEXT_LIMITS.short) || null,
			timezone,
			extraTimePercent: required(parseExtraTime(form.extraTimePercent ?? ''), 'extraTimePercent'),
			otherArrangements: required(parseArrangements(form.otherArrangements ?? '', TEXT_LIMITS.otherArrangements), 'otherArrangements')
		},
		registration: {
			projectTitle: limited(form, 'projectTitle', TEXT_LIMITS.projectTitle, messages.projectTitleRequired),
			projectAbstract: projectAbstract || null,
			tags: parseTags(limited(form, 'tags', TEXT_LIMITS.projectAbstract)),
			team: limited(form, 'team', TEXT_LIMITS.team) || null
		},
		unavailability: required(parseUnavailability(form.unavailability ?? '', timezone), 'unavailability')
	};
}

/** A team typed with other capitals or spaces joins the existing team under its existing spelling. */
async function existingTeamSpelling(
	db: Executor,
	sessionId: string,
	team: string | null,
	exceptCandidateId?: string
): Promise<string | null> {
	if (!team) return null;
	const members = await listSessionTeams(db, sessionId);
	return members.find((member) => member.id !== exceptCandidateId && member.team && teamKey(member.team) === teamKey(team))?.team ?? team;
}

/**
 * Registers a candidate in a session, creating the account and its invitation when the e-mail is
 * new, or reusing the candidate account of an earlier session (a retake).
 */
export async function registerCandidate(
	trx: Transaction<DB>,
	actorId: string,
	sessionId: string,
	candidate: Omit<ValidCandidate, 'unavailability'> & { unavailability: { startsAt: Date; endsAt: Date; label: string | null }[] },
	origin: string,
	/** The import job registering them, named by their invitation. */
	jobId: string | null = null
): Promise<{ userId: string; created: boolean }> {
	const existing = await findUserByEmail(trx, candidate.email);
	if (existing && existing.role !== 'candidate')
		throw new UserFacingError('people.email-is-staff', 409, messages.emailIsStaff(candidate.email), 'email');
	if (existing && (await findSessionCandidate(trx, sessionId, existing.id)))
		throw new UserFacingError('people.already-registered', 409, messages.alreadyRegistered(candidate.email), 'email');
	const userId = existing
		? existing.id
		: (
				await createUserWithInvitation(
					trx,
					actorId,
					{ email: candidate.email, displayName: candidate.displayName, role: 'candidate' },
					origin,
					jobId
				)
			).user.id;
	await saveCandidateProfile(trx, userId, candidate.profile);
	await insertRegistration(trx, sessionId, userId, candidate.registration);
	const added = await addUnavailability(trx, userId, candidate.unavailability);
	await appendAudit(trx, {
		actorId,
		action: 'candidate.register',
		entity: 'registration',
		entityId: `${sessionId}/${userId}`,
		after: {
			email: candidate.email,
			accountReused: Boolean(existing),
			...candidate.profile,
			...candidate.registration,
			unavailability: added.length
		}
	});
	return { userId, created: !existing };
}

export async function addCandidate(db: Database, actorId: string, sessionId: string, form: CandidateForm, origin: string) {
	const session = await requireSession(db, sessionId);
	const valid = validateCandidateForm(form, session.timezone);
	return inTransaction(
		db,
		async (trx) => {
			valid.registration.team = await existingTeamSpelling(trx, sessionId, valid.registration.team);
			return registerCandidate(trx, actorId, sessionId, valid, origin);
		},
		{ uniqueRace: true }
	);
}

export async function updateCandidate(db: Database, actorId: string, sessionId: string, candidateId: string, form: CandidateForm) {
	const session = await requireSession(db, sessionId);
	const valid = validateCandidateForm(form, session.timezone);
	await inTransaction(db, async (trx) => {
		const before = await requireSessionCandidate(trx, sessionId, candidateId);
		if (valid.email !== before.email) {
			const holder = await findUserByEmail(trx, valid.email);
			if (holder && holder.id !== candidateId)
				throw new UserFacingError('people.email-taken-by-other', 409, messages.emailTakenByOther(valid.email), 'email');
		}
		valid.registration.team = await existingTeamSpelling(trx, sessionId, valid.registration.team, candidateId);
		await updateCandidateIdentity(trx, candidateId, { email: valid.email, displayName: valid.displayName });
		await saveCandidateProfile(trx, candidateId, valid.profile);
		await updateRegistration(trx, sessionId, candidateId, valid.registration);
		await appendAudit(trx, {
			actorId,
			action: 'candidate.update',
			entity: 'registration',
			entityId: `${sessionId}/${candidateId}`,
			before,
			after: { id: candidateId, email: valid.email, displayName: valid.displayName, ...valid.profile, ...valid.registration }
		});
	});
}

/** Removes the registration only: the account, its profile and other sessions stay. */
export async function removeCandidate(db: Database, actorId: string, sessionId: string, candidateId: string) {
	await inTransaction(db, async (trx) => {
		const before = await requireSessionCandidate(trx, sessionId, candidateId);
		if (await hasDefenseInSession(trx, sessionId, candidateId))
			throw new UserFacingError('people.remove-refused-placed', 409, messages.removeRefusedPlaced);
		await deleteRegistration(trx, sessionId, candidateId);
		await appendAudit(trx, {
			actorId,
			action: 'candidate.unregister',
			entity: 'registration',
			entityId: `${sessionId}/${candidateId}`,
			before
		});
	});
}

export interface UnavailabilityForm {
	date?: string;
	part?: string;
	start?: string;
	end?: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A date from the date picker and a part of the day, or start and end times, in the candidate's zone. */
export function unavailabilityFromForm(form: UnavailabilityForm, timeZone: string): TimeRange {
	const dateMatch = ISO_DATE.exec(form.date ?? '');
	const date = dateMatch && { year: Number(dateMatch[1]), month: Number(dateMatch[2]), day: Number(dateMatch[3]) };
	if (!date || !isRealDate(date.year, date.month, date.day))
		throw new UserFacingError('people.unavailability-date-invalid', 400, messages.unavailabilityDateInvalid(form.date ?? ''), 'date');
	const frenchDate = `${dateMatch[3]}/${dateMatch[2]}/${dateMatch[1]}`;
	if (form.part && form.part in DAY_PART_MINUTES) {
		const part = form.part as DayPart;
		return dayRange(date, part, timeZone, part === 'day' ? frenchDate : `${frenchDate} ${DAY_PART_LABELS[part]}`);
	}
	const start = CLOCK.exec(form.start ?? '');
	const end = CLOCK.exec(form.end ?? '');
	if (!start)
		throw new UserFacingError('people.unavailability-unreadable', 400, messages.unavailabilityUnreadable(form.start ?? ''), 'start');
	if (!end) throw new UserFacingError('people.unavailability-unreadable', 400, messages.unavailabilityUnreadable(form.end ?? ''), 'end');
	const startMinutes = Number(start[1]) * 60 + Number(start[2]);
	const endMinutes = Number(end[1]) * 60 + Number(end[2]);
	const label = `${frenchDate} ${form.start}-${form.end}`;
	if (endMinutes <= startMinutes)
		throw new UserFacingError('people.unavailability-end-before-start', 400, messages.unavailabilityEndBeforeStart(label), 'end');
	return dayRange(date, [startMinutes, endMinutes], timeZone, label);
}

export async function addCandidateUnavailability(
	db: Database,
	actorId: string,
	sessionId: string,
	candidateId: string,
	form: UnavailabilityForm
) {
	await inTransaction(db, async (trx) => {
		const candidate = await requireSessionCandidate(trx, sessionId, candidateId);
		const range = unavailabilityFromForm(form, candidate.timezone ?? (await requireSession(trx, sessionId)).timezone);
		const added = await addUnavailability(trx, candidateId, [range]);
		if (added.length > 0)
			await appendAudit(trx, {
				actorId,
				action: 'unavailability.add',
				entity: 'unavailability',
				entityId: added[0].id,
				after: { userId: candidateId, ...added[0] }
			});
	});
}

export async function removeCandidateUnavailability(
	db: Database,
	actorId: string,
	sessionId: string,
	candidateId: string,
	unavailabilityId: string
) {
	await inTransaction(db, async (trx) => {
		await requireSessionCandidate(trx, sessionId, candidateId);
		const removed = await deleteUnavailability(trx, candidateId, unavailabilityId);
		if (!removed) throw new UserFacingError('people.unavailability-not-found', 404, messages.unavailabilityNotFound);
		await appendAudit(trx, {
			actorId,
			action: 'unavailability.remove',
			entity: 'unavailability',
			entityId: removed.id,
			before: { userId: candidateId, ...removed }
		});
	});
}
