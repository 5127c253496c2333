import { guard, guardActions } from '$lib/server/access';
import { currentCertifier, declarationSettings, updateCertifier, updateDeclarationSettings } from '$lib/server/certifier/certifier-service';
import type { Actions, PageServerLoad } from './$types';

const access = { roles: ['coordinator'] } as const;

export const load: PageServerLoad = guard(access, async (_event, { db }) => {
	const certifier = await currentCertifier(db);
	return {
		name: certifier.name,
		// Shown as the documents will show it; the page's CSP admits data: images.
		logo: certifier.logo ? `data:${certifier.logo.type};base64,${certifier.logo.bytes.toString('base64')}` : null,
		declaration: await declarationSettings(db)
	};
});

export const actions: Actions = guardActions(access, {
	save: async (_event, { user, db, form, keep }) => {
		const posted = await form();
		keep({ values: { name: posted.values.name ?? '' } });
		await updateCertifier(db, user.id, {
			name: posted.values.name ?? '',
			logo: posted.file('logo'),
			removeLogo: posted.values.removeLogo === 'on'
		});
		return { saved: true };
	},
	declaration: async (_event, { user, db, form, keep }) => {
		const { values } = await form();
		keep({ formId: 'declaration', values });
		await updateDeclarationSettings(db, user.id, values);
		return { formId: 'declaration', declarationSaved: true };
	}
});
