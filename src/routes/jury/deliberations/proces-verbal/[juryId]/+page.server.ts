import { formatWithZone } from '$lib/domain/time/format';
import { guard, guardActions } from '$lib/server/access';
import { openCorrection, recordView, sendSigningCode, signRecord, signingNeedsCode } from '$lib/server/certification/deliberation-service';
import { fr } from '$lib/i18n/fr';
import type { Actions, PageServerLoad } from './$types';

const access = { roles: ['juror'], permission: 'jury.deliberate', param: 'juryId' } as const;

export const load: PageServerLoad = guard(access, async (_event, { user, db, checked }) => {
	const view = await recordView(db, user.id, checked.id);
	const at = (instant: Date) => formatWithZone(instant, view.timezone);
	return {
		view: {
			...view,
			codeRequired: signingNeedsCode(),
			defenses: view.defenses.map((defense) => ({ ...defense, start: at(defense.start) })),
			open: view.open && {
				...view.open,
				signatures: view.open.signatures.map((signature) => ({ ...signature, signedAt: at(signature.signedAt) }))
			},
			versions: view.versions.map((version) => ({ ...version, lockedAt: version.lockedAt ? at(version.lockedAt) : null }))
		}
	};
});

export const actions: Actions = guardActions(access, {
	sign: async (event, { user, db, checked, form, keep }) => {
		keep({ formId: 'sign' });
		const { values } = await form();
		const proof = { password: values.password ?? '', code: values.code ?? '' };
		const outcome = await signRecord(db, user.id, checked.id, proof, event.getClientAddress());
		return { formId: 'sign', signed: true, locked: outcome.locked };
	},
	sendCode: async (_event, { user, db, checked, keep }) => {
		keep({ formId: 'code' });
		const { email } = await sendSigningCode(db, user.id, checked.id);
		return { formId: 'code', codeSentTo: fr.certification.codeSent(email) };
	},
	correct: async (_event, { user, db, checked, form, keep }) => {
		keep({ formId: 'correct' });
		const version = await openCorrection(db, user.id, checked.id, (await form()).values.reason ?? '');
		return { formId: 'correct', version };
	}
});
