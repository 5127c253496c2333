import { addDays, format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { defaultReferentiel } from '$lib/domain/referentiel/referentiel';
import { seededRandom } from '$lib/domain/planning/random';
import { timeOfDay } from '$lib/domain/planning/time';
import type { Database } from '../db/connect';
import { inTransaction } from '../db/transaction';
import { accountExists, createUsersWithPassword } from '../auth/account-service';
import { addDay, addRoom, createSession } from '../sessions/session-service';
import { addExistingJuror, declareConflict, updateJurorProfile } from '../people/juror-service';
import { addCandidate } from '../people/candidate-service';
import { createJury } from '../juries/jury-service';
import { loadPlanningContext } from '../planning/problem-service';
import { currentRun, startPlanningRun } from '../planning/schedule-service';
import { publishPlan } from '../publication/publication-service';
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
import { DEMO_PASSWORD, demoAbstracts, demoCandidates, demoJuries, demoJurors, demoRooms } from './demo-data';

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

/** Opening hours of today's demo day, around `now`, so a visitor always finds something happening. */
export function demoDayAround(now: Date): { date: string; opensAt: string; closesAt: string } {
	const local = new TZDate(now.getTime(), DEMO_TIMEZONE);
	const minutes = local.getHours() * 60 + local.getMinutes();
	const opens = Math.max(0, Math.floor((minutes - 150) / 30) * 30);
	const closes = Math.min(23 * 60 + 55, opens + 8 * 60);
	return { date: format(local, 'yyyy-MM-dd'), opensAt: timeOfDay(opens), closesAt: timeOfDay(Math.max(closes, opens + 60)) };
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
 * The demo's people and sessions, each session scheduled by the engine and published as a
 * coordinator would; then today's jury A (presided by jury1) is mid-defense, and the session of
 * three weeks ago is scored, deliberated, signed and its results published.
 */
export async function seedDemo(db: Database, now = new Date()): Promise<void> {
	const people = await createDemoAccounts(db);
	const { coordinatorId, candidateIds } = people;
	const today = demoDayAround(now);
	const past = format(addDays(new TZDate(now.getTime(), DEMO_TIMEZONE), -21), 'yyyy-MM-dd');
	const todayId = await createDemoSession(db, people, today, candidateIds);
	// Julien Bernard (Jedha) tutored Moussa N'Diaye: a declared conflict of interest.
	await declareConflict(db, coordinatorId, todayId, people.jurorIds[1], { candidateId: candidateIds[1], reason: 'Tuteur du projet' });
	const pastId = await createDemoSession(db, people, { date: past, opensAt: '09:00', closesAt: '17:30' }, candidateIds.slice(0, 10));
	for (const sessionId of [todayId, pastId]) await planAndPublish(db, coordinatorId, sessionId);
	await startDefenseInProgress(db, todayId, 'A', now);
	const pastDefenses = (await loadPlanningContext(db, pastId)).rows.defenses;
	await markDefensesDoneForDemo(
		db,
		pastDefenses.map((defense) => defense.id)
	);
	const lastEnd = Math.max(...pastDefenses.map((defense) => defense.endsAt.getTime()));
	await deliberateDemoSession(db, pastId, {
		rng: seededRandom(35288),
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
				extraTimePercent: String(candidate.extraTimePercent ?? 0)
			},
			DEMO_ORIGIN
		);
	}
	return sessionId;
}

async function planAndPublish(db: Database, coordinatorId: string, sessionId: string): Promise<void> {
	const { runId, finished } = await startPlanningRun(db, coordinatorId, sessionId, 'plan');
	await finished;
	const run = await currentRun(db, sessionId);
	if (run?.id !== runId || run.status !== 'done')
		throw new Error(`La planification de la démo a échoué : ${run?.error ?? 'résultat introuvable'}`);
	await publishPlan(db, coordinatorId, sessionId, 0);
}

/** The jury's defense under way at `now` (or the last one begun) has its presentation running for a few minutes. */
async function startDefenseInProgress(db: Database, sessionId: string, juryLabel: string, now: Date): Promise<void> {
	const { rows } = await loadPlanningContext(db, sessionId);
	const jury = rows.juries.find((entry) => entry.label === juryLabel);
	const defenses = rows.defenses.filter((defense) => defense.juryId === jury?.id);
	const current = defenses.filter((defense) => defense.startsAt <= now).at(-1) ?? defenses[0];
	if (!current) return;
	const fewMinutesAgo = new Date(now.getTime() - 4 * 60_000);
	const startedAt = current.startsAt > fewMinutesAgo ? current.startsAt : fewMinutesAgo;
	await inTransaction(db, (trx) => startTimerForDemo(trx, current.id, startedAt));
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
	const pick = (values: number[]) => values[Math.floor(rng() * values.length)];
	const { rows } = await loadPlanningContext(db, sessionId);
	const held = rows.defenses.filter((defense) => defense.status !== 'absent');
	let clock = signedAt.getTime() - HOUR;
	let blockCode = '';
	for (const defense of held) {
		const presidentId = rows.juries.find((jury) => jury.id === defense.juryId)!.presidentId!;
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
			await saveChanges(db, member.id, defense.id, { changes }, clock);
			await submitGrids(db, member.id, defense.id);
		}
		await recordDecisions(db, presidentId, defense.id, await proposedDecisions(db, presidentId, defense.id, levels[1], strong));
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
		const members = rows.members.filter((member) => member.juryId === jury.id);
		for (const [index, member] of members.entries())
			await inTransaction(db, (trx) => signInTransaction(trx, member.jurorId, jury.id, new Date(signedAt.getTime() + index * 60_000)));
	}

	if (options.publish) {
		const appealUntil = new Date(signedAt.getTime() + 61 * DAY).toISOString().slice(0, 10);
		await publishResults(db, coordinatorId, sessionId, appealUntil, DEMO_ORIGIN, signedAt);
	}
}

/** The president's form: the proposal, except a divergence the jury settled in the candidate's favour, with the reason written down. */
async function proposedDecisions(db: Database, presidentId: string, defenseId: string, secondLevel: number, strong: Set<string>) {
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
