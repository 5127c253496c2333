import { requireUser } from '$lib/server/auth/guards';
import { referentiels, describeBlockRule } from '$lib/domain/referentiel/referentiel';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event);
	return {
		referentiels: referentiels.map((referentiel) => ({
			...referentiel,
			rules: Object.fromEntries(referentiel.blocks.map((block) => [block.code, describeBlockRule(block.rule, referentiel.scale.acquiredFrom, referentiel.scale.levels)]))
		}))
	};
};
