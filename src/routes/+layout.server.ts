import { guard } from '$lib/server/access';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = guard({ roles: 'public' }, (_event, { user }) => ({ user }));
