import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { createUser, setUserActivation } from '$lib/server/people/account-service';
import { searchUsers } from '$lib/server/people/user-repository';
import { dispatchOutbox } from '$lib/server/notifications/mailer';
import { UserFacingError } from '$lib/server/errors';
import type { Role } from '$lib/server/auth/auth-repository';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 50;
const ROLES = new Set(['coordinator', 'juror', 'candidate']);

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'coordinator');
	const search = event.url.searchParams.get('q')?.trim() ?? '';
	const roleParam = event.url.searchParams.get('role') ?? '';
	const role = ROLES.has(roleParam) ? (roleParam as Role) : undefined;
	const page = Math.max(1, Number(event.url.searchParams.get('page')) || 1);
	const result = await searchUsers(event.locals.db, { search: search || undefined, role, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
	return { ...result, search, role: role ?? '', page, pageSize: PAGE_SIZE };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireRole(event, 'coordinator');
		const form = await event.request.formData();
		const values = { email: String(form.get('email') ?? ''), displayName: String(form.get('displayName') ?? ''), role: String(form.get('role') ?? '') };
		try {
			const { user } = await createUser(event.locals.db, actor.id, values, event.url.origin);
			await dispatchOutbox(event.locals.db);
			return { created: user.email };
		} catch (error) {
			if (error instanceof UserFacingError) return fail(error.status, { values, field: error.field, message: error.message });
			throw error;
		}
	},
	activation: async (event) => {
		const actor = requireRole(event, 'coordinator');
		const form = await event.request.formData();
		try {
			await setUserActivation(event.locals.db, actor.id, String(form.get('userId') ?? ''), form.get('active') === 'true');
			return { updated: true };
		} catch (error) {
			if (error instanceof UserFacingError) return fail(error.status, { message: error.message });
			throw error;
		}
	}
};
