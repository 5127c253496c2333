import { SESSION_MANAGER, guard } from '$lib/server/access';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = guard(SESSION_MANAGER, (_event, { checked: session }) => ({ session }));
