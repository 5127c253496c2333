import { createHash, randomInt } from 'node:crypto';
import type { Transaction } from 'kysely';
import { nearestFirst } from '$lib/domain/time/nearest';
import {
	describeBlockRule,
	describeCompetencyRule,
	findBlock,
	type Block,
	type BlockRule,
	type Referentiel
} from '$lib/domain/referentiel/referentiel';
import {
	compositionChanges,
	decisionReasons,
	overrunText,
	sessionMode,
	type RecordCandidate,
	type RecordContent,
	type RecordSignature
} from '$lib/domain/certification/record';
import {
	MAX_JUSTIFICATION_LENGTH,
	blockProposalFromDecisions,
	certificationDecision,
	consolidatedLevel,
	divergence,
	isAcquiredLevel,
	unjustifiedDecisions
} from '$lib/domain/certification/rules';
import { formatInTimeZone, formatWithZone } from '$lib/domain/time/format';
import { fr } from '$lib/i18n/fr';
import { appendAnchoredAudit, appendAudit } from '../audit/audit-repository';
import { passwordConfirmed } from '../auth/login-service';
import { recordLoginFailure } from '../auth/auth-repository';
import { chainAllScoreSaves } from '../audit/journal-service';
import { mailIsDelivered } from '../notifications/mailer';
import { enqueueMail } from '../notifications/outbox-repository';
import type { Database } from '../db/connect';
import type { DB } from '../db/schema';
import { inTransaction, type Executor } from '../db/transaction';
import { currentCertifier } from '../certifier/certifier-service';
import { juryName } from '$lib/i18n/fr/common';
import { recordPdf } from '../documents/pv-pdf';
import { UserFacingError } from '../errors';
import { listDays } from '../sessions/session-repository';
import { blockRecordsOf, recordDecisionChanges, referentielOf } from './certification-service';
import { findSessionForResults } from './results-repository';
import {
	accommodationsOf,
	decisionsOf,
	defensesOfJuries,
	findJuryDetails,
	insertPvVersion,
	insertSigningCode,
	juriesOfJuror,
	latestSigningCodeAt,
	spendSigningCode,
	juryMembersWithProfile,
	jurorsPresent,
	lockPvVersion,
	lockPvVersions,
	phaseDurations,
	phaseOverruns,
	publishedCompositions,
	pvPdf,
	pvVersionsOf,
	reopeningsOfDefenses,
	signaturesOf,
	submittedJurorIds,
	submittedLevels,
	upsertDecisions,
	upsertSignature,
	userNames,
	type DecisionRow,
	type JuryDefense,
	type PvVersionRow
} from './deliberation-repository';
import { isUuid } from '../../domain/ids';

const t = fr.certification;
export const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

interface JuryContext {
	jury: NonNullable<Awaited<ReturnType<typeof findJuryDetails>>>;
	members: Awaited<ReturnType<typeof juryMembersWithProfile>>;
	session: NonNullable<Awaited<ReturnType<typeof findSessionForResults>>>;
	referentiel: Referentiel;
	block: Block;
}

/** The jury if this juror sits in it (404 when it does not exist, 403 when it is not theirs); coordinators see every jury. */
async function juryContext(db: Executor, userId: string | null, juryId: string): Promise<JuryContext> {
	const jury = isUuid(juryId) ? await findJuryDetails(db, juryId) : undefined;
	if (!jury) throw new UserFacingError('certification.jury-not-found', 404, t.juryNotFound);
	const members = await juryMembersWithProfile(db, juryId);
	if (userId !== null && !members.some((member) => member.id === userId))
		throw new UserFacingError('certification.not-your-jury', 403, t.notYourJury);
	const session = (await findSessionForResults(db, jury.sessionId))!;
	const referentiel = await referentielOf(db, session.referentielId);
	const block = findBlock(referentiel, session.blockCode);
	if (!block) throw new Error(`Bloc ${session.blockCode} absent du référentiel`);
	return { jury, members, session, referentiel, block };
}

async function defenseContext(db: Executor, jurorId: string, defenseId: string) {
	const defense = isUuid(defenseId)
		? await db.selectFrom('live_defenses').select(['id', 'jury_id as juryId']).where('id', '=', defenseId).executeTakeFirst()
		: undefined;
	if (!defense) throw new UserFacingError('certification.defense-not-found', 404, t.defenseNotFound);
	const context = await juryContext(db, jurorId, defense.juryId).catch((caught) => {
		if (caught instanceof UserFacingError && caught.status === 403)
			throw new UserFacingError('certification.not-your-jury', 403, t.notYourJury);
		throw caught;
	});
	const [full] = await defensesOfJuries(db, [defense.juryId]).then((all) => all.filter((entry) => entry.id === defenseId));
	return { ...context, defense: full };
}

/** The jury's record is being signed or is signed: decisions change only through a correction. */
function decisionsLocked(versions: PvVersionRow[]): boolean {
	const latest = versions.at(-1);
	return Boolean(latest?.lockedAt);
}

export interface CompetencyView {
	code: string;
	statement: string;
	levels: { jurorId: string; name: string; level: number }[];
	consolidated: number | null;
	divergent: boolean;
	divergentJurorIds: string[];
	proposed: boolean;
	decision: { decided: boolean; justification: string | null } | null;
}

export interface CandidateView {
	id: string;
	name: string;
	projectTitle: string | null;
	competencies: CompetencyView[];
	block: {
		code: string;
		title: string;
		proposedFromLevels: boolean;
		proposedFromDecisions: boolean;
		decision: { decided: boolean; justification: string | null } | null;
	};
}

/** The name a deliberation shows: « Candidat n° 7 » when the session deliberates on anonymised files. */
function shownName(anonymous: boolean, candidate: { name: string; number: number | null }): string {
	return anonymous && candidate.number !== null ? t.anonymousCandidate(candidate.number) : candidate.name;
}

function candidateViews(
	context: JuryContext,
	defense: JuryDefense,
	levels: Awaited<ReturnType<typeof submittedLevels>>,
	decisions: DecisionRow[]
): CandidateView[] {
	const names = new Map(context.members.map((member) => [member.id, member.name]));
	const acquiredFrom = context.referentiel.scale.acquiredFrom;
	return defense.candidates.map((candidate) => {
		const mine = decisions.filter((decision) => decision.candidateId === candidate.id);
		const competencies = context.block.competencies.map((competency) => {
			const given = levels
				.filter((entry) => entry.candidateId === candidate.id && entry.code === competency.code)
				.map((entry) => ({ jurorId: entry.jurorId, name: names.get(entry.jurorId) ?? '?', level: entry.level }))
				.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
			const consolidated = consolidatedLevel(given.map((entry) => entry.level));
			const spread = divergence(given);
			const decision = mine.find((entry) => entry.code === competency.code);
			return {
				code: competency.code,
				statement: competency.statement,
				levels: given,
				consolidated,
				divergent: spread.divergent,
				divergentJurorIds: spread.jurorIds,
				proposed: isAcquiredLevel(consolidated, acquiredFrom),
				decision: decision ? { decided: decision.decided, justification: decision.justification } : null
			};
		});
		const blockDecision = mine.find((entry) => entry.code === context.block.code);
		return {
			id: candidate.id,
			name: shownName(context.session.anonymousDeliberation, candidate),
			projectTitle: candidate.projectTitle,
			competencies,
			block: {
				code: context.block.code,
				title: context.block.title,
				proposedFromLevels: blockProposalFromDecisions(
					context.block,
					competencies.map((entry) => ({ code: entry.code, acquired: entry.proposed, level: entry.consolidated }))
				),
				proposedFromDecisions: blockProposalFromDecisions(
					context.block,
					competencies.map((entry) => ({
						code: entry.code,
						acquired: entry.decision?.decided ?? entry.proposed,
						level: entry.consolidated
					}))
				),
				decision: blockDecision ? { decided: blockDecision.decided, justification: blockDecision.justification } : null
			}
		};
	});
}

export type DeliberationView =
	| {
			state: 'absent' | 'waiting';
			juryId: string;
			juryLabel: string;
			sessionName: string;
			anonymous: boolean;
			waitingFor: string[];
			candidates: { id: string; name: string }[];
	  }
	| {
			state: 'open';
			juryId: string;
			juryLabel: string;
			sessionName: string;
			/** Candidates are shown by their number in the session, not their name. */
			anonymous: boolean;
			isPresident: boolean;
			locked: boolean;
			levels: { value: number; label: string }[];
			acquiredFrom: number;
			/** The block's rule, for the page to recompute the block proposal as the decisions change. */
			blockRule: BlockRule;
			/** The rules in French, as the référentiel states them. */
			rules: { competency: string; block: string };
			candidates: CandidateView[];
	  };

/** What the jury sees of one defense's deliberation: only once every member has submitted. */
export async function deliberationView(db: Executor, jurorId: string, defenseId: string): Promise<DeliberationView> {
	const context = await defenseContext(db, jurorId, defenseId);
	const anonymous = context.session.anonymousDeliberation;
	const base = { juryId: context.jury.id, juryLabel: context.jury.label, sessionName: context.session.name, anonymous };
	const candidates = context.defense.candidates.map((candidate) => ({ id: candidate.id, name: shownName(anonymous, candidate) }));
	if (context.defense.status === 'absent') return { state: 'absent', ...base, waitingFor: [], candidates };
	const submitted = await submittedJurorIds(db, defenseId);
	const waitingFor = context.members.filter((member) => !submitted.has(member.id)).map((member) => member.name);
	if (waitingFor.length > 0) return { state: 'waiting', ...base, waitingFor, candidates };
	const [levels, decisions, versions] = await Promise.all([
		submittedLevels(db, [defenseId]),
		decisionsOf(db, [defenseId]),
		pvVersionsOf(db, [context.jury.id])
	]);
	return {
		state: 'open',
		...base,
		isPresident: context.jury.presidentId === jurorId,
		locked: decisionsLocked(versions),
		levels: [...context.referentiel.scale.levels].sort((a, b) => a.value - b.value),
		acquiredFrom: context.referentiel.scale.acquiredFrom,
		blockRule: context.block.rule,
		rules: {
			competency: describeCompetencyRule(context.referentiel.scale.acquiredFrom, context.referentiel.scale.levels),
			block: describeBlockRule(context.block.rule, context.referentiel.scale.acquiredFrom, context.referentiel.scale.levels)
		},
		candidates: candidateViews(context, context.defense, levels, decisions)
	};
}

/** The president's decisions as posted: "decision:<candidate>:<code>" = oui | non, "justification:<candidate>:<code>". */
export type DecisionForm = Record<string, string>;

export const decisionField = (candidateId: string, code: string) => `decision:${candidateId}:${code}`;
export const justificationField = (candidateId: string, code: string) => `justification:${candidateId}:${code}`;

/** Records the president's decisions for one defense: every competency and the block, justified where they differ from the proposal. */
export async function recordDecisions(db: Database, presidentId: string, defenseId: string, form: DecisionForm): Promise<void> {
	await inTransaction(db, (trx) => decideInTransaction(trx, presidentId, defenseId, form), { serializable: true });
}

export async function decideInTransaction(trx: Transaction<DB>, presidentId: string, defenseId: string, form: DecisionForm): Promise<void> {
	const context = await defenseContext(trx, presidentId, defenseId);
	if (context.jury.presidentId !== presidentId) throw new UserFacingError('certification.not-president', 403, t.notPresident);
	if (context.defense.status === 'absent') throw new UserFacingError('certification.absent-defense', 409, t.absentDefense);
	const submitted = await submittedJurorIds(trx, defenseId);
	const waitingFor = context.members.filter((member) => !submitted.has(member.id)).map((member) => member.name);
	if (waitingFor.length > 0) throw new UserFacingError('certification.not-ready', 409, t.notReady(waitingFor));
	if (decisionsLocked(await lockPvVersions(trx, context.jury.id)))
		throw new UserFacingError('certification.record-locked', 409, t.recordLocked);
	const views = candidateViews(context, context.defense, await submittedLevels(trx, [defenseId]), []);
	const rows: Omit<DecisionRow, 'decidedAt'>[] = [];
	const unjustified: string[] = [];
	const several = views.length > 1;
	for (const candidate of views) {
		const read = (code: string) => {
			const value = form[decisionField(candidate.id, code)];
			if (value !== 'oui' && value !== 'non')
				throw new UserFacingError(
					'certification.decision-missing',
					400,
					t.decisionMissing(several ? `${code} (${candidate.name})` : code),
					decisionField(candidate.id, code)
				);
			const justification = (form[justificationField(candidate.id, code)] ?? '').trim();
			if (justification.length > MAX_JUSTIFICATION_LENGTH)
				throw new UserFacingError(
					'certification.justification-too-long',
					400,
					t.justificationTooLong(MAX_JUSTIFICATION_LENGTH),
					justificationField(candidate.id, code)
				);
			return { decided: value === 'oui', justification };
		};
		const competencies = candidate.competencies.map((competency) => ({ ...competency, ...read(competency.code) }));
		const blockProposed = blockProposalFromDecisions(
			context.block,
			competencies.map((entry) => ({ code: entry.code, acquired: entry.decided, level: entry.consolidated }))
		);
		const block = { code: context.block.code, proposed: blockProposed, ...read(context.block.code) };
		const all = [
			...competencies.map((entry) => ({
				code: entry.code,
				proposed: entry.proposed,
				decided: entry.decided,
				justification: entry.justification
			})),
			block
		];
		unjustified.push(...unjustifiedDecisions(all).map((code) => (several ? `${code} (${candidate.name})` : code)));
		for (const entry of competencies) {
			rows.push({
				defenseId,
				candidateId: candidate.id,
				kind: 'competency',
				code: entry.code,
				consolidatedLevel: entry.consolidated,
				proposed: entry.proposed,
				decided: entry.decided,
				justification: entry.justification || null
			});
		}
		rows.push({
			defenseId,
			candidateId: candidate.id,
			kind: 'block',
			code: block.code,
			consolidatedLevel: null,
			proposed: block.proposed,
			decided: block.decided,
			justification: block.justification || null
		});
	}
	if (unjustified.length > 0)
		throw new UserFacingError('certification.justification-required', 400, t.justificationRequired(unjustified), 'justification');
	const before = await decisionsOf(trx, [defenseId]);
	await upsertDecisions(trx, presidentId, rows);
	await appendAudit(trx, {
		actorId: presidentId,
		action: 'deliberation.decide',
		entity: 'defense',
		entityId: defenseId,
		before: before.length
			? before.map(({ candidateId, code, decided, justification }) => ({ candidateId, code, decided, justification }))
			: undefined,
		after: rows.map(({ candidateId, code, proposed, decided, justification }) => ({ candidateId, code, proposed, decided, justification }))
	});
}

/** The days of the jury's defenses, else of the session, in the session's zone. */
async function recordDates(db: Executor, context: JuryContext, defenses: JuryDefense[]): Promise<string[]> {
	const zone = context.session.timezone;
	const days = defenses.length
		? defenses.map((defense) => formatInTimeZone(defense.start, zone, 'EEEE d MMMM yyyy'))
		: (await listDays(db, context.session.id)).map((day) => day.date.split('-').reverse().join('/'));
	return [...new Set(days)];
}

/** Assembles what the version of the jury's record says now: the content the members sign. */
export async function recordContent(
	db: Executor,
	context: JuryContext,
	version: number,
	previous: RecordContent['previous']
): Promise<{ content: RecordContent; undecided: string[] }> {
	const { jury, session, referentiel, block } = context;
	const defenses = await defensesOfJuries(db, [jury.id]);
	const defenseIds = defenses.map((defense) => defense.id);
	const allCandidateIds = defenses.flatMap((defense) => defense.candidates.map((candidate) => candidate.id));
	const [decisions, overruns, reopenings, durations, present, granted, plans] = await Promise.all([
		decisionsOf(db, defenseIds),
		phaseOverruns(db, defenseIds),
		reopeningsOfDefenses(db, defenseIds),
		phaseDurations(db, defenseIds),
		jurorsPresent(db, defenseIds),
		accommodationsOf(db, session.id, allCandidateIds),
		publishedCompositions(db, session.id)
	]);
	const juryChanges = compositionChanges(plans, jury.id);
	const names = await userNames(
		db,
		juryChanges.flatMap((change) => [...change.left, ...change.joined])
	);
	const nameOf = (id: string) => names.get(id) ?? '?';
	const earlier = await blockRecordsOf(db, allCandidateIds, jury.id);
	const blockCodes = referentiel.blocks.map((entry) => entry.code);
	const dates = await recordDates(db, context, defenses);
	const undecided: string[] = [];
	const candidates: RecordCandidate[] = [];
	for (const defense of defenses) {
		const absent = defense.status === 'absent';
		const incidents = [
			...(absent ? [t.incidents.absent] : []),
			...overruns
				.filter((row) => row.defenseId === defense.id)
				.map((row) => t.incidents.overrun(t.phases[row.phase] ?? row.phase, overrunText(row.actualSeconds - row.plannedSeconds))),
			...reopenings.filter((row) => row.defenseId === defense.id).map((row) => t.incidents.reopened(row.juror, row.by, row.reason))
		];
		for (const candidate of defense.candidates) {
			const mine = decisions.filter((decision) => decision.defenseId === defense.id && decision.candidateId === candidate.id);
			const blockDecision = mine.find((decision) => decision.code === block.code);
			if (
				!absent &&
				(!blockDecision || block.competencies.some((competency) => !mine.some((decision) => decision.code === competency.code)))
			) {
				undecided.push(candidate.name);
				continue;
			}
			const competencies = absent
				? []
				: block.competencies.map((competency) => {
						const decision = mine.find((entry) => entry.code === competency.code)!;
						return {
							code: competency.code,
							consolidated: decision.consolidatedLevel,
							proposed: decision.proposed,
							acquired: decision.decided,
							justification: decision.justification
						};
					});
			const blockEntry =
				absent || !blockDecision
					? null
					: {
							code: block.code,
							proposed: blockDecision.proposed,
							validated: blockDecision.decided,
							justification: blockDecision.justification
						};
			const heardOn = defense.start.toISOString().slice(0, 10);
			const records = [
				...(earlier.get(candidate.id) ?? []),
				{
					blockCode: block.code,
					validated: Boolean(blockEntry?.validated),
					on: heardOn,
					origin: absent ? t.reasons.absent : `${juryName(jury.label)}, ${session.name}`
				}
			];
			const decision = certificationDecision(blockCodes, records, absent);
			const grant = granted.find((entry) => entry.candidateId === candidate.id);
			candidates.push({
				id: candidate.id,
				name: candidate.name,
				number: grant?.number,
				accommodations: {
					extraTimePercent: grant?.extraTimePercent ?? 0,
					other: grant?.otherArrangements ?? null,
					delivered: durations
						.filter((row) => row.defenseId === defense.id)
						.map(({ phase, plannedSeconds, actualSeconds }) => ({ phase, plannedSeconds, actualSeconds }))
				},
				jurors: present.filter((row) => row.defenseId === defense.id).map((row) => row.name),
				projectTitle: candidate.projectTitle,
				absent,
				competencies,
				block: blockEntry,
				blocks: decision.blocks,
				outcome: decision.outcome,
				reasons: decisionReasons({ absent, competencies, block: blockEntry, blocks: decision.blocks }, block.code),
				incidents
			});
		}
	}
	const rooms = jury.roomName ? [{ name: jury.roomName, remote: Boolean(jury.roomRemote) }] : [];
	const places = [
		...rooms.map((room) => (room.remote ? `${room.name} (visioconférence)` : room.name)),
		...(session.place && rooms.some((room) => !room.remote) ? [session.place] : [])
	];
	const content: RecordContent = {
		format: 'soutenance.pv/2',
		version,
		previous,
		certifier: (await currentCertifier(db, referentiel.certifier)).name,
		certification: {
			title: referentiel.certification.title,
			rncpCode: referentiel.certification.rncpCode,
			level: referentiel.certification.level
		},
		session: { id: session.id, name: session.name, timezone: session.timezone, dates, places, mode: sessionMode(rooms) },
		jury: {
			id: jury.id,
			label: jury.label,
			members: context.members.map((member) => ({
				id: member.id,
				name: member.name,
				president: member.id === jury.presidentId,
				external: member.external
			}))
		},
		juryIncidents: juryChanges.map((change) =>
			t.incidents.juryChange(formatWithZone(change.at, session.timezone), change.left.map(nameOf), change.joined.map(nameOf))
		),
		rule: describeBlockRule(block.rule, referentiel.scale.acquiredFrom, referentiel.scale.levels),
		blockCode: block.code,
		blockTitles: Object.fromEntries(referentiel.blocks.map((entry) => [entry.code, entry.title])),
		candidates
	};
	return { content, undecided };
}

export const contentHash = (content: RecordContent) => sha256Hex(JSON.stringify(content));

export interface RecordView {
	juryId: string;
	juryLabel: string;
	sessionId: string;
	sessionName: string;
	timezone: string;
	isPresident: boolean;
	defenses: { id: string; start: Date; status: string; candidates: string[]; state: 'absent' | 'decided' | 'pending' }[];
	open: {
		version: number;
		contentSha256: string | null;
		undecided: string[];
		signatures: { jurorId: string; name: string; signedAt: Date; current: boolean }[];
		previous: RecordContent['previous'];
	} | null;
	members: { id: string; name: string; president: boolean; signed: boolean }[];
	versions: {
		version: number;
		sha256: string | null;
		lockedAt: Date | null;
		previousSha256: string | null;
		correctionReason: string | null;
	}[];
	signedBySelf: boolean;
	locked: boolean;
}

/** Links each member's signatures to the open version, valid only for the content as it stands. */
async function openVersionState(db: Executor, context: JuryContext, versions: PvVersionRow[]) {
	const latest = versions.at(-1);
	const openVersion = latest && !latest.lockedAt ? latest : undefined;
	if (latest?.lockedAt) return null;
	const version = openVersion?.version ?? 1;
	const previous = openVersion && openVersion.version > 1 ? previousOf(versions, openVersion) : null;
	const { content, undecided } = await recordContent(db, context, version, previous);
	const hash = undecided.length === 0 ? contentHash(content) : null;
	const signatures = openVersion ? await signaturesOf(db, [openVersion.id]) : [];
	return {
		openVersion,
		version,
		content,
		undecided,
		hash,
		previous,
		signatures: signatures.map((row) => ({ ...row, current: row.contentSha256 === hash }))
	};
}

function previousOf(versions: PvVersionRow[], open: PvVersionRow): RecordContent['previous'] {
	const before = versions.find((entry) => entry.version === open.version - 1)!;
	return { version: before.version, sha256: before.sha256!, reason: open.correctionReason ?? '' };
}

export async function recordView(db: Database, jurorId: string, juryId: string): Promise<RecordView> {
	const context = await juryContext(db, jurorId, juryId);
	const versions = await pvVersionsOf(db, [juryId]);
	const defenses = await defensesOfJuries(db, [juryId]);
	const decisions = await decisionsOf(
		db,
		defenses.map((defense) => defense.id)
	);
	const state = await openVersionState(db, context, versions);
	const signedIds = new Set((state?.signatures ?? []).filter((signature) => signature.current).map((signature) => signature.jurorId));
	return {
		juryId,
		juryLabel: context.jury.label,
		sessionId: context.session.id,
		sessionName: context.session.name,
		timezone: context.session.timezone,
		isPresident: context.jury.presidentId === jurorId,
		defenses: defenses.map((defense) => ({
			id: defense.id,
			start: defense.start,
			status: defense.status,
			candidates: defense.candidates.map((candidate) => candidate.name),
			state:
				defense.status === 'absent'
					? 'absent'
					: defense.candidates.every((candidate) =>
								decisions.some((row) => row.defenseId === defense.id && row.candidateId === candidate.id && row.kind === 'block')
						  )
						? 'decided'
						: 'pending'
		})),
		open: state && {
			version: state.version,
			contentSha256: state.hash,
			undecided: state.undecided,
			signatures: state.signatures,
			previous: state.previous
		},
		members: context.members.map((member) => ({
			id: member.id,
			name: member.name,
			president: member.id === context.jury.presidentId,
			signed: signedIds.has(member.id)
		})),
		versions: versions.map(({ version, sha256, lockedAt, previousSha256, correctionReason }) => ({
			version,
			sha256,
			lockedAt,
			previousSha256,
			correctionReason
		})),
		signedBySelf: signedIds.has(jurorId),
		locked: state === null
	};
}

/**
 * One member signs the open version as it stands (no password check: the caller did it). When
 * every member has signed the same content, the PDF is rendered once, its bytes and SHA-256 stored
 * and the version locked; the certification decisions of its candidates follow.
 */
export async function signInTransaction(
	trx: Transaction<DB>,
	jurorId: string,
	juryId: string,
	now: Date
): Promise<{ locked: boolean; sha256: string | null }> {
	const context = await juryContext(trx, jurorId, juryId);
	const versions = await lockPvVersions(trx, juryId);
	const state = await openVersionState(trx, context, versions);
	if (!state) throw new UserFacingError('certification.already-signed', 409, t.alreadySigned);
	if (state.content.candidates.length === 0 && state.undecided.length === 0)
		throw new UserFacingError('certification.nothing-to-sign', 409, t.nothingToSign);
	if (state.undecided.length > 0 || !state.hash) throw new UserFacingError('certification.undecided', 409, t.undecided(state.undecided));
	if (state.signatures.some((signature) => signature.jurorId === jurorId && signature.current))
		throw new UserFacingError('certification.already-signed', 409, t.alreadySigned);
	const pvId =
		state.openVersion?.id ??
		(await insertPvVersion(trx, { juryId, version: 1, previousSha256: null, correctionReason: null, createdBy: jurorId }));
	await upsertSignature(trx, pvId, jurorId, state.hash, now);
	const anchor = await appendAnchoredAudit(trx, {
		actorId: jurorId,
		action: 'pv.sign',
		entity: 'jury',
		entityId: juryId,
		after: { version: state.version, contentSha256: state.hash }
	});
	const signatures = (await signaturesOf(trx, [pvId])).filter((signature) => signature.contentSha256 === state.hash);
	if (!context.members.every((member) => signatures.some((signature) => signature.jurorId === member.id)))
		return { locked: false, sha256: null };
	const shown: RecordSignature[] = signatures.map((signature) => ({
		name: signature.name,
		signedAt: formatWithZone(signature.signedAt, context.session.timezone)
	}));
	const pdf = await recordPdf(state.content, shown, state.hash, anchor, now, await currentCertifier(trx, state.content.certifier));
	const sha256 = sha256Hex(pdf);
	await lockPvVersion(trx, pvId, {
		content: { ...state.content, signatures: shown },
		contentSha256: state.hash,
		pdf,
		sha256,
		anchor,
		lockedAt: now
	});
	await appendAudit(trx, {
		actorId: jurorId,
		action: 'pv.lock',
		entity: 'jury',
		entityId: juryId,
		after: { version: state.version, sha256, contentSha256: state.hash }
	});
	await recordDecisionChanges(
		trx,
		context.session.id,
		context.referentiel,
		'pv',
		jurorId,
		state.content.candidates.map((candidate) => candidate.id)
	);
	return { locked: true, sha256 };
}

const SIGNING_CODE_MS = 10 * 60 * 1000;
const SIGNING_CODE_INTERVAL_MS = 60 * 1000;
const AFTER_RESET_MS = 24 * 60 * 60 * 1000;

/** Where mail reaches each member's own mailbox, signing also takes a one-time code sent there. */
export const signingNeedsCode = () => mailIsDelivered();

const signingCodeId = (jurorId: string, code: string) => createHash('sha256').update(`${jurorId}:${code}`).digest('hex');

/** Sends the member a one-time code for signing this jury's record, at most one a minute. */
export async function sendSigningCode(db: Database, jurorId: string, juryId: string, now = new Date()): Promise<{ email: string }> {
	if (!signingNeedsCode()) throw new UserFacingError('certification.code-unavailable', 409, t.codeUnavailable);
	const context = await juryContext(db, jurorId, juryId);
	const me = context.members.find((member) => member.id === jurorId)!;
	await inTransaction(db, async (trx) => {
		const latest = await latestSigningCodeAt(trx, jurorId, juryId);
		if (latest && now.getTime() - latest.getTime() < SIGNING_CODE_INTERVAL_MS)
			throw new UserFacingError('certification.code-too-soon', 429, t.codeTooSoon);
		const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
		await insertSigningCode(trx, {
			id: signingCodeId(jurorId, code),
			userId: jurorId,
			juryId,
			createdAt: now,
			expiresAt: new Date(now.getTime() + SIGNING_CODE_MS)
		});
		await enqueueMail(trx, {
			to: me.email,
			subject: t.codeMail.subject(context.jury.label),
			text: t.codeMail.text(me.name, context.jury.label, code)
		});
		await appendAudit(trx, { actorId: jurorId, action: 'pv.signing_code', entity: 'jury', entityId: juryId });
	});
	return { email: me.email };
}

/**
 * A member signs with their password, checked again here (the session cookie alone does not sign),
 * and with what proves they are there: where mail is delivered, a code just sent to their mailbox;
 * otherwise a password set through a reset link (which whoever reads the outbox could have used)
 * does not sign in its first 24 hours.
 */
export async function signRecord(
	db: Database,
	jurorId: string,
	juryId: string,
	proof: { password: string; code: string },
	ip: string,
	now = new Date()
): Promise<{ locked: boolean; sha256: string | null }> {
	if (!proof.password) throw new UserFacingError('certification.password-required', 400, t.passwordRequired, 'password');
	const needsCode = signingNeedsCode();
	const code = { id: signingCodeId(jurorId, proof.code.trim()), userId: jurorId, juryId };
	if (needsCode && !proof.code.trim()) throw new UserFacingError('certification.code-required', 400, t.codeRequired, 'code');
	const context = await juryContext(db, jurorId, juryId);
	const me = context.members.find((member) => member.id === jurorId)!;
	// Before anything else is said of the record, so the answer tells nothing but "not signed".
	if (!(await passwordConfirmed(db, { email: me.email, ip, passwordHash: me.passwordHash, password: proof.password }, now)))
		throw new UserFacingError('certification.wrong-password', 400, t.wrongPassword, 'password');
	const resetAt = me.passwordResetAt;
	if (!needsCode && resetAt && now.getTime() - resetAt.getTime() < AFTER_RESET_MS)
		throw new UserFacingError(
			'certification.reset-recently',
			403,
			t.resetRecently(formatWithZone(new Date(resetAt.getTime() + AFTER_RESET_MS), context.session.timezone))
		);
	// The record's anchor is the journal's head: every score save before the signature is in it.
	await chainAllScoreSaves(db);
	try {
		return await inTransaction(db, async (trx) => {
			if (needsCode && !(await spendSigningCode(trx, code, now)))
				throw new UserFacingError('certification.wrong-code', 400, t.wrongCode, 'code');
			return signInTransaction(trx, jurorId, juryId, now);
		});
	} catch (error) {
		// A wrong code counts like a wrong password (after the rollback), so six digits cannot be tried through.
		if (error instanceof UserFacingError && error.code === 'certification.wrong-code') await recordLoginFailure(db, me.email, ip);
		throw error;
	}
}

/** The president opens a correction of the signed record: a new version citing the previous one's hash. */
export async function openCorrection(db: Database, presidentId: string, juryId: string, reason: string): Promise<number> {
	const trimmed = reason.trim();
	if (!trimmed) throw new UserFacingError('certification.reason-required', 400, t.reasonRequired, 'reason');
	if (trimmed.length > 500) throw new UserFacingError('certification.reason-too-long', 400, t.reasonTooLong, 'reason');
	return inTransaction(db, async (trx) => {
		const context = await juryContext(trx, presidentId, juryId);
		if (context.jury.presidentId !== presidentId) throw new UserFacingError('certification.not-president', 403, t.notPresident);
		const versions = await lockPvVersions(trx, juryId);
		const latest = versions.at(-1);
		if (!latest) throw new UserFacingError('certification.not-locked', 409, t.notLocked);
		if (!latest.lockedAt) throw new UserFacingError('certification.correction-open', 409, t.correctionOpen);
		const version = latest.version + 1;
		await insertPvVersion(trx, { juryId, version, previousSha256: latest.sha256, correctionReason: trimmed, createdBy: presidentId });
		await appendAudit(trx, {
			actorId: presidentId,
			action: 'pv.correction',
			entity: 'jury',
			entityId: juryId,
			after: { version, previousSha256: latest.sha256, reason: trimmed }
		});
		return version;
	});
}

/** The stored bytes of a signed version, served as stored so the hash matches; for the jury's members or a coordinator (userId null). */
export async function recordFile(
	db: Database,
	userId: string | null,
	juryId: string,
	version: number,
	sessionId?: string
): Promise<{ pdf: Buffer; sha256: string; label: string }> {
	const context = await juryContext(db, userId, juryId);
	if (sessionId !== undefined && context.session.id !== sessionId)
		throw new UserFacingError('certification.jury-not-found', 404, t.juryNotFound);
	const file = Number.isInteger(version) && version > 0 ? await pvPdf(db, juryId, version) : undefined;
	if (!file) throw new UserFacingError('certification.version-not-found', 404, t.versionNotFound);
	return { ...file, label: context.jury.label };
}

/**
 * The juror's juries with, for each, how far deliberation and signature have gone: only juries
 * that hear someone, today's first, then the nearest to come, then the most recent past.
 */
export async function jurorDeliberations(db: Database, jurorId: string, now = new Date()) {
	const juries = await juriesOfJuror(db, jurorId);
	const juryIds = juries.map((jury) => jury.id);
	const [defenses, versions] = await Promise.all([defensesOfJuries(db, juryIds), pvVersionsOf(db, juryIds)]);
	const decisions = await decisionsOf(
		db,
		defenses.map((defense) => defense.id)
	);
	const views = juries.map((jury) => {
		const latest = versions.filter((version) => version.juryId === jury.id).at(-1);
		return {
			...jury,
			isPresident: jury.presidentId === jurorId,
			signed: latest?.lockedAt ? { version: latest.version, sha256: latest.sha256! } : null,
			defenses: defenses
				.filter((defense) => defense.juryId === jury.id)
				.map((defense) => ({
					id: defense.id,
					start: defense.start,
					status: defense.status,
					candidates: defense.candidates.map((candidate) => shownName(jury.anonymousDeliberation, candidate)),
					decided: defense.candidates.every((candidate) =>
						decisions.some((row) => row.defenseId === defense.id && row.candidateId === candidate.id && row.kind === 'block')
					)
				}))
		};
	});
	const heard = views.filter((jury) => jury.defenses.length > 0);
	return nearestFirst(
		heard,
		(jury) => ({
			start: new Date(Math.min(...jury.defenses.map((defense) => defense.start.getTime()))),
			end: new Date(Math.max(...jury.defenses.map((defense) => defense.start.getTime()))),
			timeZone: jury.timezone
		}),
		now
	);
}
