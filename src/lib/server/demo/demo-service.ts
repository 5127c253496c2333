import { addDays, format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { defaultReferentiel } from '$lib/domain/referentiel/referentiel';
import { seededRandom } from '$lib/domain/planning/random';
import { timeOfDay } from '$lib/domain/planning/time';
import type { Database } from '../db/connect';
import { inTransaction } from '../db/transaction';
import { accountExists, createUsersWithPassword } from '../auth/account-service';
import { addDay, addRoom, createSession, editDay } from '../sessions/session-service';
import { updateDefensePlacement } from '../planning/schedule-repository';
import { listDays } from '../sessions/session-repository';
import { createSheets } from '../scoring/scoring-repository';
import { findDefenseContext } from '../live/timer-repository';
import { phaseDurations } from '$lib/domain/live/timer';
import { addExistingJuror, declareConflict, updateJurorProfile } from '../people/juror-service';
import { addCandidate } from '../people/candidate-service';
import { createJury } from '../juries/jury-service';
import { loadPlanningContext } from '../planning/problem-service';
import { currentRun, startPlanningRun } from '../planning/schedule-service';
import { publishPlan } from '../publication/publication-service';
import { runJob } from '../jobs';
import { markDefensesDoneForDemo, startTimerForDemo } from '../live/timer-service';
import { defensePage, saveChanges, submitGrids } from '../scoring/scoring-service';
import {
	decisionField,
	deliberationView,
	justificationField,
	recordDecisions,
	signInTransaction
} from '../certification/deliberation-service';
import { enterResult, publishResults } from '../certification/results-service';
import { updateDeclarationSettings } from '../certifier/certifier-service';
import { updateCandidateCivilStatus } from '../accrochage/civil-status-service';
import {
	DEMO_PASSWORD,
	demoAbstracts,
	demoCandidates,
	demoCivilStatus,
	demoDeclarationSettings,
	demoJuries,
	demoJurors,
	demoRooms
} from './demo-data';
import { signDemoAttendance } from './demo-attendance';

/*
 * The demo is built the way a coordinator and the jurors would build it: every step is a use case
 * of its area (one transaction each), so the demo holds nothing the app could not have written.
 */

export const DEMO_TIMEZONE = 'Europe/Paris';

export const demoAccounts = {
	coordinator: 'coordination@soutenance.test',
	juror: (n: number) => `jury${n}@soutenance.test`,
	candidate: (n: number) => `candidat${n}@soutenance.test`
};

const DEMO_ORIGIN = process.env.ORIGIN ?? 'http://localhost:3000';
// The demo's juries sign as if from the jury room's tablet: no real address.
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/** Planning hours of today's demo day: the engine packs the defenses from the opening; they are then moved around `now`. */
export function demoDayAround(now: Date): { date: string; opensAt: string; closesAt: string } {
	return { date: zonedDate(now, 0), opensAt: '08:00', closesAt: '13:30' };
}

/** The date `days` after `now`'s, in the demo's zone. */
function zonedDate(now: Date, days: number): string {
	return format(addDays(new TZDate(now.getTime(), DEMO_TIMEZONE), days), 'yyyy-MM-dd');
}

/** Minutes since midnight of `instant` in the demo's zone. */
function minutesOfDay(instant: number): number {
	const local = new TZDate(instant, DEMO_TIMEZONE);
	return local.getHours() * 60 + local.getMinutes();
}

/** Each jury's day starts this share of its length before `now`: some defenses done, one under way, more to come. */
const SHARE_DONE = 0.4;
/** The day stays on its date: its first defense from 00:30, its last one over by 23:50. */
const EARLIEST = 30;
const LATEST = 23 * 60 + 50;

/**
 * How far to move each jury's planned day (in whole 5 minutes) so that `now` falls inside it and
 * the day stays on its date: late in the evening it ends near midnight, early in the morning it
 * starts after midnight.
 */
export function shiftsAround(now: number, juries: { juryId: string; startsAt: number; endsAt: number }[][]): Map<string, number> {
	const shifts = new Map<string, number>();
	const step = 5 * 60_000;
	const dayStart = now - minutesOfDay(now) * 60_000;
	for (const defenses of juries) {
		if (defenses.length === 0) continue;
		const first = Math.min(...defenses.map((defense) => defense.startsAt));
		const last = Math.max(...defenses.map((defense) => defense.endsAt));
		let shift = Math.round((now - SHARE_DONE * (last - first) - first) / step) * step;
		shift = Math.min(shift, dayStart + LATEST * 60_000 - last);
		shift = Math.max(shift, dayStart + EARLIEST * 60_000 - first);
		shifts.set(defenses[0].juryId, Math.floor(shift / step) * step);
	}
	return shifts;
}

/** The embedded database gets the demo on its first start; its accounts are printed at every start. */
export async function seedDemoOnFirstStart(db: Database): Promise<void> {
	if (!(await accountExists(db))) await seedDemo(db);
	if (await accountExists(db, demoAccounts.coordinator)) printDemoAccounts();
}

export function printDemoAccounts(): void {
	console.log(
		[
			'',
			'Démo Soutenance prête. Comptes (mot de passe « soutenance-demo ») :',
			`  coordination : ${demoAccounts.coordinator}`,
			`  jurés        : ${demoAccounts.juror(1)} … ${demoAccounts.juror(demoJurors.length)}`,
			`  candidats    : ${demoAccounts.candidate(1)} … ${demoAccounts.candidate(demoCandidates.length)}`,
			''
		].join('\n')
	);
}

interface DemoPeople {
	coordinatorId: string;
	jurorIds: string[];
	candidateIds: string[];
}

/**
 * The demo's people and sessions as a coordinator and the jurors would have left them: today's
 * session under way (each jury has heard and scored its first candidates, hears one now, a few
 * minutes late at most, and has more to come), a session in two weeks ready to plan (jurors,
 * juries and candidates, nothing scheduled), and the session of three weeks ago scored,
 * deliberated, signed and its results published.
 */
export async function seedDemo(db: Database, now = new Date()): Promise<void> {
	const people = await createDemoAccounts(db);
	const { coordinatorId, candidateIds } = people;
	const todayId = await createDemoSession(db, people, demoDayAround(now), candidateIds);
	// The certifier's identifiers at the Caisse des Dépôts, and each candidate's civil status for the declaration (one left incomplete).
	await updateDeclarationSettings(db, coordinatorId, demoDeclarationSettings);
	for (const [index, candidateId] of candidateIds.entries())
		await updateCandidateCivilStatus(db, coordinatorId, todayId, candidateId, demoCivilStatus(index), now);
	// Julien Bernard (Jedha) tutored Moussa N'Diaye: a declared conflict of interest.
	await declareConflict(db, coordinatorId, todayId, people.jurorIds[1], { candidateId: candidateIds[1], reason: 'Tuteur du projet' });
	// A morning: too short for one jury to hear all ten, so each of the three has its defenses, its record and its sheet.
	const pastDay = { date: zonedDate(now, -21), opensAt: '09:00', closesAt: '11:00' };
	const pastId = await createDemoSession(db, people, pastDay, candidateIds.slice(0, 10));
	// The next session, in two weeks: its candidates registered, nothing planned yet.
	await createDemoSession(db, people, { date: zonedDate(now, 14), opensAt: '09:00', closesAt: '17:30' }, candidateIds.slice(1, 16));
	await planAndPublish(db, coordinatorId, todayId, () => moveTodayAround(db, coordinatorId, todayId, now));
	await planAndPublish(db, coordinatorId, pastId);
	const rng = seededRandom(35288);
	await playTodaySoFar(db, todayId, now, rng);
	const pastDefenses = (await loadPlanningContext(db, pastId)).rows.defenses;
	// The timer recorded every phase, a little under or over its planned length (its own draw, so the scores stay as they were).
	const timing = seededRandom(6);
	await markDefensesDoneForDemo(
		db,
		pastDefenses.map((defense) => defense.id),
		(planned) => planned + Math.round(timing() * 60) - 45
	);
	// Every candidate and juror of the past session signed its attendance sheets (today's are left to the tablets).
	await signDemoAttendance(db, pastId, now);
	const lastEnd = Math.max(...pastDefenses.map((defense) => defense.endsAt.getTime()));
	await deliberateDemoSession(db, pastId, {
		rng,
		coordinatorId,
		signedAt: new Date(lastEnd + 30 * 60_000),
		publish: true,
		strongCandidateIds: [candidateIds[0]]
	});
}

async function createDemoAccounts(db: Database): Promise<DemoPeople> {
	const ids = await createUsersWithPassword(
		db,
		null,
		[
			{ email: demoAccounts.coordinator, displayName: 'Nadia Coordination', role: 'coordinator' },
			...demoJurors.map((juror, index) => ({ email: demoAccounts.juror(index + 1), displayName: juror.name, role: 'juror' })),
			...demoCandidates.map((candidate, index) => ({
				email: demoAccounts.candidate(index + 1),
				displayName: candidate.name,
				role: 'candidate'
			}))
		],
		DEMO_PASSWORD
	);
	return { coordinatorId: ids[0], jurorIds: ids.slice(1, 1 + demoJurors.length), candidateIds: ids.slice(1 + demoJurors.length) };
}

/** One day, the demo's rooms, every demo juror (profile written once, on the first session), its juries and candidates. */
async function createDemoSession(
	db: Database,
	{ coordinatorId, jurorIds, candidateIds }: DemoPeople,
	day: { date: string; opensAt: string; closesAt: string },
	registered: string[]
): Promise<string> {
	const sessionId = await createSession(db, coordinatorId, {
		name: `Session du ${day.date.split('-').reverse().join('/')}`,
		referentielId: defaultReferentiel.id,
		presentationMinutes: '10',
		questionsMinutes: '10',
		deliberationMinutes: '5',
		changeoverMinutes: '5',
		extraMinutesPerTeamMember: '10',
		timezone: DEMO_TIMEZONE,
		place: 'Jedha Paris, 4 rue de la Bourse, 75002 Paris'
	});
	await addDay(db, coordinatorId, sessionId, day);
	const roomIds = new Map<string, string>();
	for (const room of demoRooms)
		roomIds.set(
			room.name,
			await addRoom(db, coordinatorId, sessionId, { name: room.name, remote: room.remote, videoUrl: room.videoUrl ?? '' })
		);
	for (const [index, juror] of demoJurors.entries()) {
		await addExistingJuror(db, coordinatorId, sessionId, jurorIds[index]);
		await updateJurorProfile(db, coordinatorId, sessionId, jurorIds[index], {
			company: juror.company,
			expertise: juror.expertise.join(', '),
			external: juror.external ? 'on' : undefined,
			presidentEligible: juror.presidentEligible ? 'on' : undefined
		});
	}
	for (const jury of demoJuries) {
		const memberIds = jury.members.map((member) => jurorIds[member]);
		await createJury(db, coordinatorId, sessionId, {
			label: jury.label,
			roomId: roomIds.get(jury.room),
			presidentId: memberIds[0],
			memberIds
		});
	}
	for (const candidateId of registered) {
		const index = candidateIds.indexOf(candidateId);
		const candidate = demoCandidates[index];
		await addCandidate(
			db,
			coordinatorId,
			sessionId,
			{
				fullName: candidate.name,
				email: demoAccounts.candidate(index + 1),
				cohort: candidate.cohort,
				company: candidate.company ?? '',
				projectTitle: candidate.project,
				projectAbstract: demoAbstracts[candidate.project] ?? '',
				tags: candidate.tags.join(', '),
				team: candidate.team ?? '',
				timezone: candidate.timezone ?? DEMO_TIMEZONE,
				extraTimePercent: String(candidate.extraTimePercent ?? 0),
				otherArrangements: candidate.otherArrangements ?? ''
			},
			DEMO_ORIGIN
		);
	}
	return sessionId;
}

async function planAndPublish(
	db: Database,
	coordinatorId: string,
	sessionId: string,
	beforePublishing?: () => Promise<void>
): Promise<void> {
	const { runId, finished } = await startPlanningRun(db, coordinatorId, sessionId, 'plan');
	await finished;
	const run = await currentRun(db, sessionId);
	if (run?.id !== runId || run.status !== 'done')
		throw new Error(`La planification de la démo a échoué : ${run?.error ?? 'résultat introuvable'}`);
	await beforePublishing?.();
	// The seed runs before the server's job runner: the convocations are queued here and now.
	await runJob(db, (await publishPlan(db, coordinatorId, sessionId, 0)).jobId);
}

/** Today's plan, computed from 08:00, moved jury by jury around `now`; the day's hours follow. */
async function moveTodayAround(db: Database, coordinatorId: string, sessionId: string, now: Date): Promise<void> {
	const { rows } = await loadPlanningContext(db, sessionId);
	const byJury = rows.juries.map((jury) =>
		rows.defenses
			.filter((defense) => defense.juryId === jury.id)
			.map((defense) => ({ id: defense.id, juryId: jury.id, startsAt: defense.startsAt.getTime(), endsAt: defense.endsAt.getTime() }))
	);
	const shifts = shiftsAround(now.getTime(), byJury);
	const moved = byJury.flat().map((defense) => ({
		...defense,
		startsAt: defense.startsAt + shifts.get(defense.juryId)!,
		endsAt: defense.endsAt + shifts.get(defense.juryId)!
	}));
	const opens = Math.floor(Math.min(...moved.map((defense) => minutesOfDay(defense.startsAt))) / 30) * 30;
	const closes = Math.min(23 * 60 + 55, Math.ceil(Math.max(...moved.map((defense) => minutesOfDay(defense.endsAt))) / 30) * 30);
	const day = { date: demoDayAround(now).date, opensAt: timeOfDay(opens), closesAt: timeOfDay(closes) };
	const [{ id: dayId }] = await listDays(db, sessionId);
	await editDay(db, coordinatorId, sessionId, dayId, day);
	await inTransaction(db, async (trx) => {
		for (const defense of moved) {
			const placement = { juryId: defense.juryId, startsAt: new Date(defense.startsAt), endsAt: new Date(defense.endsAt) };
			await updateDefensePlacement(trx, defense.id, placement);
		}
	});
}

/** How late each jury runs today, in minutes: a few minutes at most. */
const JURY_DELAYS = [3, 1, 6];

/**
 * Today so far, jury by jury: the defenses over by now were heard, closed and scored by every
 * member; the one in its slot now (or the next one) is under way, started a few minutes late;
 * the rest is to come.
 */
async function playTodaySoFar(db: Database, sessionId: string, now: Date, rng: () => number): Promise<void> {
	const { rows } = await loadPlanningContext(db, sessionId);
	const done: string[] = [];
	for (const [index, jury] of rows.juries.entries()) {
		const defenses = rows.defenses.filter((defense) => defense.juryId === jury.id).sort((a, b) => +a.startsAt - +b.startsAt);
		const delay = JURY_DELAYS[index % JURY_DELAYS.length] * 60_000;
		const current = defenses.find((defense) => defense.endsAt.getTime() + delay > now.getTime()) ?? defenses.at(-1);
		if (!current) continue;
		done.push(...defenses.slice(0, defenses.indexOf(current)).map((defense) => defense.id));
		const startedAt = new Date(Math.min(current.startsAt.getTime() + delay, now.getTime() - 2 * 60_000));
		const context = (await findDefenseContext(db, current.id))!;
		const { presentation } = phaseDurations(context.session, context.candidates);
		const questionsFrom = new Date(startedAt.getTime() + presentation * 1000);
		const phase = questionsFrom < now ? { phase: 'questions' as const, phaseStartedAt: questionsFrom } : undefined;
		await inTransaction(db, (trx) => startTimerForDemo(trx, current.id, startedAt, phase));
	}
	await markDefensesDoneForDemo(db, done);
	const heard = rows.defenses.filter((defense) => done.includes(defense.id));
	await scoreDemoDefenses(db, heard, rows.juries, { rng, strong: new Set(), clock: now.getTime() - 6 * HOUR });
}

export interface DemoDeliberationOptions {
	/** A random source in [0, 1): the same one gives the same scores. */
	rng: () => number;
	/** The coordinator who records the BC01–BC05 results and, with `publish`, publishes. */
	coordinatorId: string;
	/** When the jurors sign (default: now). */
	signedAt?: Date;
	/** Whether the results are published once signed (appeal deadline two months after `signedAt`). */
	publish?: boolean;
	/** Candidates who get every level at "acquise" or above and BC01–BC05 validated (they obtain the title). */
	strongCandidateIds?: string[];
}

/**
 * Deliberates a past session whose defenses are over: every juror submits a grid for every
 * candidate heard (absent defenses excepted), each president decides per the proposal, BC01–BC05
 * results are entered, every member signs each jury's record, then the results may be published.
 */
export async function deliberateDemoSession(db: Database, sessionId: string, options: DemoDeliberationOptions): Promise<void> {
	const { rng, coordinatorId } = options;
	const signedAt = options.signedAt ?? new Date();
	const strong = new Set(options.strongCandidateIds ?? []);
	const { rows } = await loadPlanningContext(db, sessionId);
	const held = rows.defenses.filter((defense) => defense.status !== 'absent');
	const blockCode = await scoreDemoDefenses(db, held, rows.juries, { rng, strong, clock: signedAt.getTime() - HOUR });
	for (const defense of held) {
		const presidentId = rows.juries.find((jury) => jury.id === defense.juryId)!.presidentId!;
		await recordDecisions(db, presidentId, defense.id, await proposedDecisions(db, presidentId, defense.id, strong));
	}

	const heard = [...new Set(rows.defenseCandidates.map((entry) => entry.candidateId))];
	const obtainedOn = new Date(signedAt.getTime() - 30 * DAY).toISOString().slice(0, 10);
	for (const candidateId of heard) {
		for (const block of defaultReferentiel.blocks.filter((entry) => entry.code !== blockCode)) {
			const validated = strong.has(candidateId) || rng() < 0.85;
			const input = {
				candidateId,
				blockCode: block.code,
				validated: validated ? 'oui' : 'non',
				date: obtainedOn,
				origin: block.evaluation.mode
			};
			await enterResult(db, coordinatorId, sessionId, input);
		}
	}

	for (const jury of rows.juries) {
		if (!held.some((defense) => defense.juryId === jury.id)) continue;
		for (const [index, jurorId] of jury.memberIds.entries())
			await inTransaction(db, (trx) => signInTransaction(trx, jurorId, jury.id, new Date(signedAt.getTime() + index * 60_000)));
	}

	if (options.publish) {
		const appealUntil = new Date(signedAt.getTime() + 61 * DAY).toISOString().slice(0, 10);
		await runJob(db, (await publishResults(db, coordinatorId, sessionId, appealUntil, DEMO_ORIGIN, signedAt)).jobId);
	}
}

/**
 * Every member of each defense's jury scores its candidates (a level per competency, around the
 * candidate's ability, the strong ones at the top) and submits. Returns the block scored.
 */
async function scoreDemoDefenses(
	db: Database,
	defenses: { id: string; juryId: string }[],
	juries: { id: string; presidentId: string | null }[],
	options: { rng: () => number; strong: Set<string>; clock: number }
): Promise<string> {
	const { rng, strong } = options;
	const pick = (values: number[]) => values[Math.floor(rng() * values.length)];
	let clock = options.clock;
	let blockCode = '';
	for (const defense of defenses) {
		const presidentId = juries.find((jury) => jury.id === defense.juryId)!.presidentId!;
		const page = await defensePage(db, presidentId, defense.id);
		blockCode = page.model.blockCode;
		const levels = page.model.levels.map((level) => level.value).sort((a, b) => a - b);
		const top = levels.at(-1)!;
		const ability = new Map(page.candidates.map((candidate) => [candidate.id, strong.has(candidate.id) ? top : pick([1, 2, 2, 3])]));
		for (const member of page.members) {
			const changes = page.candidates.flatMap((candidate) =>
				page.model.competencies.map((competency) => {
					const noisy = strong.has(candidate.id) ? pick([top - 1, top]) : ability.get(candidate.id)! + pick([-1, 0, 0, 1]);
					clock += 1000;
					return {
						changeId: crypto.randomUUID(),
						clientTime: clock,
						candidateId: candidate.id,
						competencyCode: competency.code,
						field: 'level',
						value: Math.min(top, Math.max(levels[0], noisy))
					};
				})
			);
			// The sheets first, as the tablet's first save would open them: the batch then goes through in one pass.
			await createSheets(
				db,
				defense.id,
				member.id,
				page.candidates.map((candidate) => candidate.id)
			);
			await saveChanges(db, member.id, defense.id, { changes }, clock);
			await submitGrids(db, member.id, defense.id);
		}
	}
	return blockCode;
}

/** The president's form: the proposal, except a divergence the jury settled in the candidate's favour, with the reason written down. */
async function proposedDecisions(db: Database, presidentId: string, defenseId: string, strong: Set<string>) {
	const secondLevel = defaultReferentiel.scale.levels.map((level) => level.value).sort((a, b) => a - b)[1];
	const view = await deliberationView(db, presidentId, defenseId);
	if (view.state !== 'open') throw new Error(`Délibération de ${defenseId} non ouverte`);
	const form: Record<string, string> = {};
	for (const candidate of view.candidates) {
		for (const competency of candidate.competencies)
			form[decisionField(candidate.id, competency.code)] = competency.proposed ? 'oui' : 'non';
		const settled = candidate.competencies.find(
			(competency) => competency.divergent && !competency.proposed && competency.consolidated === secondLevel
		);
		if (settled && !strong.has(candidate.id)) {
			form[decisionField(candidate.id, settled.code)] = 'oui';
			form[justificationField(candidate.id, settled.code)] =
				'Compétence démontrée lors des questions, après échange du jury sur la divergence.';
		}
		const acquired = candidate.competencies.every((competency) => form[decisionField(candidate.id, competency.code)] === 'oui');
		form[decisionField(candidate.id, candidate.block.code)] = acquired ? 'oui' : 'non';
	}
	return form;
}
