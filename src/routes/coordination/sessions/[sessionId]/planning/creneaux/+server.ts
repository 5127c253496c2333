import { json } from '@sveltejs/kit';
import { SESSION_MANAGER, guardEndpoint } from '$lib/server/access';
import { allowedStartsOfDefense } from '$lib/server/planning/schedule-service';
import type { RequestHandler } from './$types';

/** `?soutenance=<id>&jour=YYYY-MM-DD`: the starts each jury could give that defense that day, fetched when its block is dragged. */
export const GET: RequestHandler = guardEndpoint(
	SESSION_MANAGER,
	async ({ url }, { db, checked }) => {
		const starts = await allowedStartsOfDefense(
			db,
			checked.id,
			url.searchParams.get('soutenance') ?? '',
			url.searchParams.get('jour') ?? ''
		);
		return json(starts, { headers: { 'cache-control': 'no-store' } });
	},
	'json'
);
