import { json, redirect } from '@sveltejs/kit';
import { isPhase, isTimerAction } from '$lib/domain/timer/timer';
import { fr } from '$lib/i18n/fr';
import { requireRole, safeRedirectTarget } from '$lib/server/auth/guards';
import { UserFacingError } from '$lib/server/errors';
import { actOnTimer, defenseTimerView, type TimerCommand } from '$lib/server/live/timer-service';
import type { RequestHandler } from './$types';

/** The timer as it stands (jury members and coordination). */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'juror', 'coordinator');
	try {
		return json(await defenseTimerView(event.locals.db, user, event.params.defenseId), { headers: { 'cache-control': 'no-store' } });
	} catch (error) {
		if (error instanceof UserFacingError) return json({ message: error.message }, { status: error.status });
		throw error;
	}
};

/**
 * The president's action. JSON from the enhanced page answers with the new snapshot; a plain
 * form post (no JavaScript) goes back to the page it came from, with the refusal's code if any.
 */
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'juror', 'coordinator');
	const isJson = (event.request.headers.get('content-type') ?? '').includes('application/json');
	let fields: Record<string, unknown>;
	try {
		fields = isJson ? await event.request.json() : Object.fromEntries(await event.request.formData());
	} catch {
		fields = {};
	}
	if (!fields || typeof fields !== 'object') fields = {};
	const back = safeRedirectTarget(typeof fields.returnTo === 'string' ? fields.returnTo : null, '/jury');
	const command: TimerCommand | null = isTimerAction(fields.action)
		? { action: fields.action, expectedPhase: isPhase(fields.expectedPhase) ? fields.expectedPhase : undefined }
		: null;
	try {
		if (!command) throw new UserFacingError(fr.live.refusals['unknown-action']);
		const snapshot = await actOnTimer(event.locals.db, user, event.params.defenseId, command);
		if (isJson) return json({ snapshot, serverTime: Date.now() });
	} catch (error) {
		if (!(error instanceof UserFacingError)) throw error;
		if (isJson) return json({ message: error.message }, { status: error.status });
		redirect(303, withCode(back, refusalCode(error.message)));
	}
	redirect(303, withCode(back, null));
};

function withCode(target: string, code: string | null): string {
	const url = new URL(target, 'http://localhost');
	url.searchParams.delete('minuteur');
	if (code) url.searchParams.set('minuteur', code);
	return `${url.pathname}${url.search}#minuteur`;
}

const refusalCode = (message: string) => Object.entries(fr.live.refusals).find(([, text]) => text === message)?.[0] ?? null;
