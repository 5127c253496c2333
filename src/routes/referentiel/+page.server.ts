import { referentiels, describeBlockRule } from '$lib/domain/referentiel/referentiel';
import { guard } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = guard({ roles: 'authenticated' }, () => ({
	referentiels: referentiels.map((referentiel) => ({
		...referentiel,
		rules: Object.fromEntries(
			referentiel.blocks.map((block) => [
				block.code,
				describeBlockRule(block.rule, referentiel.scale.acquiredFrom, referentiel.scale.levels)
			])
		)
	}))
}));
