import { guard, guardActions } from '$lib/server/access';
import { createUser, setUserActivation } from '$lib/server/auth/account-service';
import { searchUsers } from '$lib/server/auth/user-repository';
import type { Role } from '$lib/server/auth/auth-repository';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 50;
const ROLES = new Set(['coordinator', 'juror', 'candidate']);
const access = { roles: ['coordinator'] } as const;

export const load: PageServerLoad = guard(access, async (event, { db }) => {
	const search = event.url.searchParams.get('q')?.trim() ?? '';
	const roleParam = event.url.searchParams.get('role') ?? '';
	const role = ROLES.has(roleParam) ? (roleParam as Role) : undefined;
	const page = Math.max(1, Number(event.url.searchParams.get('page')) || 1);
	const result = await searchUsers(db, {
		search: search || undefined,
		role,
		limit: PAGE_SIZE,
		offset: (page - 1) * PAGE_SIZE
	});
	return { ...result, search, role: role ?? '', page, pageSize: PAGE_SIZE };
});

export const actions: Actions = guardActions(access, {
	create: async (event, { user: actor, db, form, keep }) => {
		const { values: posted } = await form();
		const values = { email: posted.email ?? '', displayName: posted.displayName ?? '', role: posted.role ?? '' };
		keep({ values });
		const { user } = await createUser(db, actor.id, values, event.url.origin);
		return { created: user.email };
	},
	activation: async (_event, { user: actor, db, form }) => {
		const { values } = await form();
		await setUserActivation(db, actor.id, values.userId ?? '', values.active === 'true');
		return { updated: true };
	}
});
