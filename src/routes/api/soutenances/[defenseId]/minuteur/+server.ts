import { json, redirect } from '@sveltejs/kit';
import { isPhase, isTimerAction } from '$lib/domain/live/timer';
import { fr } from '$lib/i18n/fr';
import { guardEndpoint } from '$lib/server/access';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { UserFacingError } from '$lib/server/errors';
import { actOnTimer, defenseTimerView, type TimerCommand } from '$lib/server/live/timer-service';
import type { RequestHandler } from './$types';

const noStore = { headers: { 'cache-control': 'no-store' } };

/** The timer as it stands (jury members and coordination). */
export const GET: RequestHandler = guardEndpoint(
	{ roles: ['juror', 'coordinator'], permission: 'defense.view', param: 'defenseId' },
	async (_event, { user, db, checked }) => json(await defenseTimerView(db, user, checked.id), noStore),
	'json'
);

/**
 * The president's action. JSON from the enhanced page answers with the new snapshot; a plain
 * form post (no JavaScript) goes back to the page it came from, with the refusal's code if any.
 */
export const POST: RequestHandler = guardEndpoint(
	{ roles: ['juror', 'coordinator'], permission: 'defense.drive-timer', param: 'defenseId' },
	async (event, { user, db, checked, answerRefusal }) => {
		const isJson = (event.request.headers.get('content-type') ?? '').includes('application/json');
		let fields: Record<string, unknown>;
		try {
			fields = isJson ? await event.request.json() : Object.fromEntries(await event.request.formData());
		} catch {
			fields = {};
		}
		if (!fields || typeof fields !== 'object') fields = {};
		const back = safeRedirectTarget(typeof fields.returnTo === 'string' ? fields.returnTo : null, '/jury');
		if (!isJson) answerRefusal((refusal) => redirect(303, withCode(back, refusal.code)));
		if (!isTimerAction(fields.action)) throw new UserFacingError('live.unknown-action', 400, fr.live.refusals['unknown-action']);
		const command: TimerCommand = {
			action: fields.action,
			expectedPhase: isPhase(fields.expectedPhase) ? fields.expectedPhase : undefined
		};
		const snapshot = await actOnTimer(db, user, checked.id, command);
		if (isJson) return json({ snapshot, serverTime: Date.now() });
		redirect(303, withCode(back, null));
	},
	'json'
);

/** The page reads the refusal back from its address: the timer's codes are "live.<refusal>", the refusal is what it shows. */
function withCode(target: string, code: string | null): string {
	const url = new URL(target, 'http://localhost');
	url.searchParams.delete('minuteur');
	const refusal = code?.startsWith('live.') ? code.slice('live.'.length) : null;
	if (refusal && refusal in fr.live.refusals) url.searchParams.set('minuteur', refusal);
	return `${url.pathname}${url.search}#minuteur`;
}
