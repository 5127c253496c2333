import { fr } from '$lib/i18n/fr';
import { formatInTimeZone } from '$lib/domain/time/format';
import { shownDay } from '$lib/domain/planning/shown-day';
import { SESSION_MANAGER, guard, guardActions, type GuardContext } from '$lib/server/access';
import { UserFacingError } from '$lib/server/errors';
import { presentPlan, type DefenseItem } from '$lib/server/planning/schedule-presenter';
import {
	importSchedule,
	loadPlanView,
	moveDefense,
	setDefensePinned,
	startPlanningRun,
	waitForRun
} from '$lib/server/planning/schedule-service';
import type { Actions, PageServerLoad } from './$types';

/** The engine answers in seconds: the action waits that long so the page shows the result. */
const WAIT_FOR_RUN_MS = 15_000;
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** What the grid, the list and the move card show of a defense: the page is sent nothing more. */
const SHOWN = [
	'id',
	'label',
	'team',
	'juryId',
	'juryLabel',
	'roomName',
	'date',
	'startLocal',
	'endLocal',
	'startMinute',
	'length',
	'pinned',
	'status'
] as const;
const shown = (defense: DefenseItem) =>
	Object.fromEntries(SHOWN.map((key) => [key, defense[key]])) as Pick<DefenseItem, (typeof SHOWN)[number]>;

export const load: PageServerLoad = guard(SESSION_MANAGER, async (event, { db, checked }) => {
	const view = await loadPlanView(db, checked.id);
	const { run, metrics, problemErrors } = view;
	const plan = presentPlan(view);
	const now = new Date();
	const today = formatInTimeZone(now, plan.timezone, 'yyyy-MM-dd');
	const [hour, minute] = formatInTimeZone(now, plan.timezone, 'HH:mm').split(':').map(Number);
	const moving = plan.defenses.find((defense) => defense.id === event.url.searchParams.get('deplacer')) ?? null;
	const day = shownDay(
		plan.days.map((entry) => entry.date),
		[event.url.searchParams.get('jour'), moving?.date, today]
	);
	return {
		// The page gets the shown day's defenses only; the counts are the whole plan's.
		plan: { ...plan, defenses: plan.defenses.filter((defense) => defense.date === day).map(shown) },
		shownDay: day,
		counts: {
			placed: plan.defenses.reduce((sum, defense) => sum + defense.candidateIds.length, 0),
			defenses: plan.defenses.length
		},
		/** Today in the session's zone, for the "now" line and late defenses on today's grid. */
		now: {
			date: today,
			minute: hour * 60 + minute,
			clock: formatInTimeZone(now, plan.timezone, 'HH:mm')
		},
		metrics,
		problemErrors,
		run: run && {
			id: run.id,
			mode: run.mode,
			status: run.status,
			phase: run.phase,
			progress: run.progress,
			placed: run.placed,
			total: run.total,
			error: run.error,
			finishedAt: run.finishedAt?.toISOString() ?? null
		},
		/** The defense of ?deplacer=, whatever the day shown: its "Déplacer vers…" card. */
		moving: moving && shown(moving)
	};
});

async function runEngine({ user, db, checked }: GuardContext<typeof SESSION_MANAGER>, mode: 'plan' | 'reoptimise') {
	const { runId, finished } = await startPlanningRun(db, user.id, checked.id, mode);
	await waitForRun(finished, WAIT_FOR_RUN_MS);
	return { ran: runId };
}

export const actions: Actions = guardActions(SESSION_MANAGER, {
	plan: (_event, ctx) => runEngine(ctx, 'plan'),
	reoptimise: (_event, ctx) => runEngine(ctx, 'reoptimise'),
	move: async (_event, { user, db, checked, form, keep }) => {
		const { values: posted } = await form();
		const values = { defenseId: posted.defenseId ?? '', juryId: posted.juryId ?? '', date: posted.date ?? '', time: posted.time ?? '' };
		keep({ values });
		await moveDefense(db, user.id, checked.id, values.defenseId, { juryId: values.juryId, date: values.date, time: values.time });
		return { moved: values.defenseId };
	},
	pin: async (_event, { user, db, checked, form }) => {
		const { values } = await form();
		await setDefensePinned(db, user.id, checked.id, values.defenseId ?? '', values.pinned === 'true');
		return { pinned: true };
	},
	importSchedule: async (_event, { user, db, checked, form }) => {
		const file = (await form()).file('schedule');
		if (!file || file.size === 0) throw new UserFacingError('planning.import-missing-file', 400, fr.planning.importMissingFile, 'schedule');
		if (file.size > MAX_IMPORT_BYTES) throw new UserFacingError('planning.import-too-large', 400, fr.planning.importTooLarge, 'schedule');
		const { defenses } = await importSchedule(db, user.id, checked.id, await file.text());
		return { imported: defenses };
	}
});
