import type { Convocation } from '$lib/domain/publication/convocation';
import { currentCertifier } from '../certifier/certifier-service';
import {
	candidateSlots,
	defenseKey,
	diffPlans,
	jurorSlots,
	scheduleDocument,
	type CandidateSlot,
	type PlanDiff,
	type PublishedPlan
} from '$lib/domain/publication/plan-diff';
import { summarizeChanges, type Recipient } from '$lib/domain/publication/change-summary';
import { fr } from '$lib/i18n/fr';
import { appendAudit } from '../audit/audit-repository';
import type { Database } from '../db/connect';
import { inTransaction, type Executor } from '../db/transaction';
import { UserFacingError } from '../errors';
import { enqueueMail, type OutgoingMail } from '../notifications/outbox-repository';
import { buildCalendar } from '../documents/ics';
import { insertJob } from '../jobs/job-repository';
import type { JobHandler } from '../jobs/job-runner';
import { buildMailsInWorkers, type MailItem } from './publication-mail-worker';
import { convocationFor, jurorEvents, type PublicationContext } from './publication-mail';
import {
	candidateRegistrations,
	findSessionForPublication,
	insertPlanVersion,
	latestPlanVersion,
	latestVersionsHearingJuror,
	loadCurrentPlan,
	lockSessionForPublication,
	peopleByIds,
	planVersion,
	registrationsOf,
	replacePublishedPlacement,
	type SessionForPublication
} from './publication-repository';
import { isUuid } from '../../domain/ids';

const t = fr.publication;
async function sessionOrThrow(db: Executor, sessionId: string): Promise<SessionForPublication> {
	const session = isUuid(sessionId) ? await findSessionForPublication(db, sessionId) : undefined;
	if (!session) throw new UserFacingError('publication.session-not-found', 404, t.sessionNotFound);
	return session;
}

/** The working plan as it would be published now. */
export async function currentPlan(db: Executor, sessionId: string) {
	const current = await loadCurrentPlan(db, sessionId);
	const plan: PublishedPlan = {
		schedule: scheduleDocument(
			current.defenses.map((defense) => ({
				candidates: defense.candidates,
				juryId: defense.juryId,
				roomId: defense.roomId,
				start: defense.start,
				end: defense.end
			})),
			current.registrations
		),
		juries: current.juries,
		rooms: current.rooms
	};
	return { plan, defenses: current.defenses, registrations: current.registrations };
}

async function publicationContext(
	db: Executor,
	session: SessionForPublication,
	version: number,
	plan: PublishedPlan
): Promise<PublicationContext> {
	const candidateIds = [...new Set([...plan.schedule.defenses, ...plan.schedule.unplaced].flatMap((entry) => entry.candidates))];
	const jurorIds = plan.juries.flatMap((jury) => jury.members);
	return {
		session,
		certifier: await currentCertifier(db),
		version,
		plan,
		people: await peopleByIds(db, [...new Set([...candidateIds, ...jurorIds])]),
		registrations: await registrationsOf(db, session.id, candidateIds)
	};
}

export interface PublicationPreview {
	session: SessionForPublication;
	latest: { version: number; publishedAt: Date } | null;
	defenses: number;
	placedCandidates: number;
	unplaced: { id: string; name: string }[];
	jurors: number;
	diff: PlanDiff;
	/** Nothing to send: the plan is the one already published. */
	unchanged: boolean;
	/** Who would be told, and what changed for each of them. */
	recipients: Recipient[];
}

/** What publishing now would do: the counts, the unplaced candidates and who would be told. */
export async function publicationPreview(db: Database, sessionId: string): Promise<PublicationPreview> {
	const session = await sessionOrThrow(db, sessionId);
	const latest = await latestPlanVersion(db, sessionId);
	const { plan } = await currentPlan(db, sessionId);
	const diff = diffPlans(latest?.plan ?? null, plan);
	const unplacedIds = plan.schedule.unplaced.flatMap((entry) => entry.candidates);
	const changedDefenses = diff.candidates.flatMap((change) => [change.before, change.after]);
	const jurorDefenses = diff.jurors.flatMap((change) => [...change.added, ...change.removed]);
	const named = [...changedDefenses, ...jurorDefenses].flatMap((slot) => slot?.candidates ?? []);
	const people = await peopleByIds(db, [
		...new Set([...unplacedIds, ...named, ...diff.candidates.map((c) => c.candidateId), ...diff.jurors.map((j) => j.jurorId)])
	]);
	const juryLabels = new Map([...(latest?.plan.juries ?? []), ...plan.juries].map((jury) => [jury.id, jury.label]));
	const recipients = summarizeChanges(diff, {
		zone: session.timezone,
		name: (id) => people.get(id)?.name ?? id,
		jury: (id) => juryLabels.get(id) ?? '?',
		firstPublication: !latest
	});
	return {
		session,
		latest: latest ? { version: latest.version, publishedAt: latest.publishedAt } : null,
		defenses: plan.schedule.defenses.length,
		placedCandidates: candidateSlots(plan).size,
		unplaced: unplacedIds.map((id) => ({ id, name: people.get(id)?.name ?? id })).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
		jurors: jurorSlots(plan).size,
		diff,
		unchanged: Boolean(latest) && diff.candidates.length === 0 && diff.jurors.length === 0,
		recipients
	};
}

export interface PublicationResult {
	version: number;
	changedDefenses: number;
	notifiedCandidates: number;
	notifiedJurors: number;
	/** The job writing the messages: its page shows them being queued, then sent. */
	jobId: string;
}

/**
 * Publishes the working plan as the next version and queues a job that tells only the people it
 * affects (everyone placed, the first time). The transaction stays short: it checks that neither
 * the plan nor the published version moved since they were read, stores the version, its
 * placement, the audit entry and the job. The job builds the messages (PDFs in worker threads)
 * from the stored versions, so what they say is exactly what is stored.
 */
export async function publishPlan(db: Database, actorId: string, sessionId: string, expectedVersion: number): Promise<PublicationResult> {
	await sessionOrThrow(db, sessionId);
	const previous = await latestPlanVersion(db, sessionId);
	if ((previous?.version ?? 0) !== expectedVersion) throw new UserFacingError('publication.stale-version', 409, t.staleVersion);
	const { plan } = await currentPlan(db, sessionId);
	if (plan.schedule.defenses.length === 0) throw new UserFacingError('publication.no-defenses', 409, t.noDefenses);
	const diff = diffPlans(previous?.plan ?? null, plan);
	if (previous && diff.candidates.length === 0 && diff.jurors.length === 0)
		throw new UserFacingError('publication.nothing-changed', 409, t.nothingChanged(previous.version));

	const version = expectedVersion + 1;
	const jobId = await inTransaction(db, async (trx) => {
		if (!(await lockSessionForPublication(trx, sessionId)))
			throw new UserFacingError('publication.session-not-found', 404, t.sessionNotFound);
		if (((await latestPlanVersion(trx, sessionId))?.version ?? 0) !== expectedVersion)
			throw new UserFacingError('publication.stale-version', 409, t.staleVersion);
		const current = await currentPlan(trx, sessionId);
		if (JSON.stringify(current.plan) !== JSON.stringify(plan)) throw new UserFacingError('publication.stale-version', 409, t.staleVersion);
		await insertPlanVersion(trx, { sessionId, version, publishedBy: actorId, plan });
		await replacePublishedPlacement(trx, sessionId, current.defenses, plan.juries);
		await appendAudit(trx, {
			actorId,
			action: 'plan.publish',
			entity: 'exam_session',
			entityId: sessionId,
			before: previous ? { version: previous.version } : null,
			after: {
				version,
				changedDefenses: diff.changedDefenses,
				notifiedCandidates: diff.candidates.map((c) => c.candidateId),
				notifiedJurors: diff.jurors.map((j) => j.jurorId)
			}
		});
		return insertJob(trx, {
			kind: PLAN_PUBLICATION_JOB,
			sessionId,
			actorId,
			payload: { version } satisfies PublicationJobPayload,
			total: diff.candidates.length + diff.jurors.length
		});
	});
	return {
		version,
		changedDefenses: diff.changedDefenses,
		notifiedCandidates: diff.candidates.length,
		notifiedJurors: diff.jurors.length,
		jobId
	};
}

export const PLAN_PUBLICATION_JOB = 'plan.publish';
interface PublicationJobPayload {
	version: number;
}

/** Who a published version tells, in a fixed order (the job's items), with what to word each message (the job, and bench:jobs). */
export async function publicationMessages(db: Executor, sessionId: string, version: number) {
	const session = await sessionOrThrow(db, sessionId);
	const published = await planVersion(db, sessionId, version);
	if (!published) throw new UserFacingError('publication.version-not-found', 404, t.staleVersion);
	const previous = version > 1 ? await planVersion(db, sessionId, version - 1) : undefined;
	const diff = diffPlans(previous?.plan ?? null, published.plan);
	const context = await publicationContext(db, session, version, published.plan);
	const previousContext = previous ? await publicationContext(db, session, version, previous.plan) : null;
	const mailContext = previousContext ? mergeContexts(context, previousContext) : context;
	const slotsNow = jurorSlots(published.plan);
	// An item whose person no longer exists keeps its place (the job's count), with no message.
	const items: (MailItem | null)[] = [
		...diff.candidates.map((change) => {
			const person = mailContext.people.get(change.candidateId);
			return person ? { kind: 'candidate' as const, change, email: person.email } : null;
		}),
		...diff.jurors.map((change) => {
			const juror = mailContext.people.get(change.jurorId);
			return juror ? { kind: 'juror' as const, juror, slots: slotsNow.get(change.jurorId) ?? [], change } : null;
		})
	];
	return { context: mailContext, firstPublication: !previous, items, diff };
}

// The messages of the job being run, computed once per job and process, not once per batch.
let lastMessages: { jobId: string; messages: Promise<Awaited<ReturnType<typeof publicationMessages>>> } | null = null;

/** The plan publication's job: its messages built in workers, batch by batch, and queued in the outbox. */
export const planPublicationJob: JobHandler<OutgoingMail[]> = {
	batchSize: 50,
	async prepare(db, job, range) {
		if (lastMessages?.jobId !== job.id)
			lastMessages = {
				jobId: job.id,
				messages: publicationMessages(db, job.session_id, (job.payload as unknown as PublicationJobPayload).version)
			};
		const { context, firstPublication, items } = await lastMessages.messages;
		const batch = items.slice(range.from, range.to).filter((item) => item !== null);
		return buildMailsInWorkers({ context, firstPublication, items: batch });
	},
	async write(trx, job, _range, mails) {
		for (const mail of mails) await enqueueMail(trx, mail, job.id);
		return {};
	},
	async finish(_trx, job) {
		const { diff } = await lastMessages!.messages;
		lastMessages = null;
		return {
			version: (job.payload as unknown as PublicationJobPayload).version,
			notifiedCandidates: diff.candidates.length,
			notifiedJurors: diff.jurors.length
		};
	}
};

/** Juries and people of both versions, so a removed defense is still described with its names. */
function mergeContexts(current: PublicationContext, previous: PublicationContext): PublicationContext {
	return {
		...current,
		plan: {
			...current.plan,
			juries: [...current.plan.juries, ...previous.plan.juries.filter((jury) => !current.plan.juries.some((kept) => kept.id === jury.id))]
		},
		people: new Map([...previous.people, ...current.people]),
		registrations: new Map([...previous.registrations, ...current.registrations])
	};
}

export type CandidateSessionView =
	| { sessionId: string; sessionName: string; state: 'unpublished' }
	| { sessionId: string; sessionName: string; state: 'unplaced' }
	| { sessionId: string; sessionName: string; state: 'convoked'; convocation: Convocation };

/** The candidate's convocation in one session's published plan, or null: they see only their own. */
export async function candidateConvocation(db: Database, candidateId: string, sessionId: string): Promise<Convocation | null> {
	if (!isUuid(sessionId)) return null;
	const session = await findSessionForPublication(db, sessionId);
	const latest = await latestPlanVersion(db, sessionId);
	if (!session || !latest) return null;
	const slot = candidateSlots(latest.plan).get(candidateId);
	if (!slot) return null;
	const context = await publicationContext(db, session, latest.version, latest.plan);
	return convocationFor(context, candidateId, slot);
}

export async function candidateSessions(db: Database, candidateId: string): Promise<CandidateSessionView[]> {
	const views: CandidateSessionView[] = [];
	for (const registration of await candidateRegistrations(db, candidateId)) {
		const base = { sessionId: registration.sessionId, sessionName: registration.sessionName };
		if (registration.publishedVersion === null) {
			views.push({ ...base, state: 'unpublished' });
			continue;
		}
		const convocation = await candidateConvocation(db, candidateId, registration.sessionId);
		views.push(convocation ? { ...base, state: 'convoked', convocation } : { ...base, state: 'unplaced' });
	}
	return views;
}

export interface JurorDefenseRow {
	key: string;
	/** The working defense row, for its status and (later) its page; null if it no longer exists. */
	defenseId: string | null;
	status: string;
	start: Date;
	end: Date;
	juryId: string;
	juryLabel: string;
	room: CandidateSlot['room'];
	candidates: string[];
	team: string | null;
	projectTitle: string;
}

export interface JurorSessionView {
	sessionId: string;
	sessionName: string;
	timezone: string;
	address: string | null;
	version: number;
	defenses: JurorDefenseRow[];
}

async function jurorContexts(db: Database, jurorId: string) {
	const contexts: { context: PublicationContext; slots: CandidateSlot[] }[] = [];
	for (const published of await latestVersionsHearingJuror(db, jurorId)) {
		const session = await findSessionForPublication(db, published.sessionId);
		if (!session) continue;
		const context = await publicationContext(db, session, published.version, published.plan);
		contexts.push({ context, slots: jurorSlots(published.plan).get(jurorId) ?? [] });
	}
	return contexts;
}

/** The juror's sessions (published plans only, juries they sit in): today's first, then upcoming, then past. */
export async function jurorSessions(db: Database, jurorId: string, now = new Date()): Promise<JurorSessionView[]> {
	const views: JurorSessionView[] = [];
	for (const { context, slots } of await jurorContexts(db, jurorId)) {
		const working = new Map(
			(await loadCurrentPlan(db, context.session.id)).defenses.map((defense) => [defenseKey(defense.candidates), defense])
		);
		views.push({
			sessionId: context.session.id,
			sessionName: context.session.name,
			timezone: context.session.timezone,
			address: context.session.place,
			version: context.version,
			defenses: slots.map((slot) => {
				const row = working.get(defenseKey(slot.candidates));
				const registration = context.registrations.get(slot.candidates[0]);
				return {
					key: defenseKey(slot.candidates),
					defenseId: row?.id ?? null,
					status: row?.status ?? 'planned',
					start: slot.start,
					end: slot.end,
					juryId: slot.juryId,
					juryLabel: context.plan.juries.find((jury) => jury.id === slot.juryId)?.label ?? '?',
					room: slot.room,
					candidates: slot.candidates.map((id) => context.people.get(id)?.name ?? id).sort((a, b) => a.localeCompare(b, 'fr')),
					team: registration?.team ?? null,
					projectTitle: registration?.projectTitle ?? ''
				};
			})
		});
	}
	return views.sort((a, b) => sessionRank(a, now) - sessionRank(b, now) || firstStart(a) - firstStart(b));
}

const firstStart = (view: JurorSessionView) => view.defenses[0]?.start.getTime() ?? 0;
const lastEnd = (view: JurorSessionView) => view.defenses.at(-1)?.end.getTime() ?? 0;
function sessionRank(view: JurorSessionView, now: Date): number {
	const dayOf = (instant: Date) => instant.toLocaleDateString('fr-CA', { timeZone: view.timezone });
	if (view.defenses.some((defense) => dayOf(defense.start) === dayOf(now))) return 0;
	if (firstStart(view) > now.getTime()) return 1;
	return lastEnd(view) < now.getTime() ? 2 : 1;
}

/** One calendar holding every published defense the juror hears, across their sessions, in time order. */
export async function jurorPlanningCalendar(db: Database, jurorId: string): Promise<string> {
	// The sessions come in the order of their ids (random UUIDs), not of their dates.
	const events = (await jurorContexts(db, jurorId)).flatMap(({ context, slots }) => jurorEvents(context, slots));
	return buildCalendar(events.sort((a, b) => a.start.getTime() - b.start.getTime()));
}
