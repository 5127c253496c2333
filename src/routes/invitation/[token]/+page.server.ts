import { loadPasswordLink, submitPasswordLink } from '$lib/server/auth/password-link';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPasswordLink(event, 'invitation');

export const actions: Actions = { default: (event) => submitPasswordLink(event, 'invitation') };
