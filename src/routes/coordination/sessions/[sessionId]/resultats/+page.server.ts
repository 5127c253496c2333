import { error, fail } from '@sveltejs/kit';
import { addMonths, format } from 'date-fns';
import { formatInTimeZone } from '$lib/domain/time/format';
import { fr } from '$lib/i18n/fr';
import { requireRole } from '$lib/server/auth/guards';
import { UserFacingError } from '$lib/server/errors';
import { dispatchOutbox } from '$lib/server/notifications/mailer';
import { enterResult, publishResults, sessionResults } from '$lib/server/results/results-service';
import type { Actions, PageServerLoad } from './$types';

const CAUSES: Record<string, string> = { pv: 'signature du procès-verbal', import: 'import de résultats', manual: 'saisie manuelle', publication: 'publication' };

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'coordinator');
	try {
		const results = await sessionResults(event.locals.db, event.params.sessionId);
		const zone = results.session.timezone;
		const at = (instant: Date) => `${formatInTimeZone(instant, zone, 'dd/MM/yyyy HH:mm')} (${zone})`;
		return {
			blockCodes: results.referentiel.blocks.map((block) => block.code),
			importableBlocks: results.importableBlocks,
			juries: results.juries,
			publication: results.publication && { publishedAt: at(results.publication.publishedAt), appealUntil: results.publication.appealUntil.split('-').reverse().join('/') },
			defaultAppeal: format(addMonths(new Date(), 2), 'yyyy-MM-dd'),
			rows: results.rows.map((row) => ({
				id: row.id,
				name: row.name,
				email: row.email,
				jury: row.juryLabel,
				state: row.state,
				outcome: row.current ? fr.deliberation.outcomes[row.current.outcome] : null,
				reasons: row.current?.reasons ?? [],
				blocks: row.blocks.map((block) => ({ code: block.blockCode, validated: block.validated, known: block.known, origin: block.origin })),
				history: row.history.map((entry) => ({ id: entry.id, at: at(entry.decidedAt), outcome: fr.deliberation.outcomes[entry.outcome], validated: entry.validatedBlocks.join(', ') || 'aucun', cause: CAUSES[entry.cause] ?? entry.cause }))
			}))
		};
	} catch (caught) {
		if (caught instanceof UserFacingError) error(caught.status, caught.message);
		throw caught;
	}
};

function textFields(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of form) if (typeof value === 'string') values[name] = value;
	return values;
}

export const actions: Actions = {
	enter: async (event) => {
		const user = requireRole(event, 'coordinator');
		const values = textFields(await event.request.formData());
		try {
			await enterResult(event.locals.db, user.id, event.params.sessionId, {
				candidateId: values.candidateId ?? '',
				blockCode: values.blockCode ?? '',
				validated: values.validated ?? '',
				date: values.date ?? '',
				origin: values.origin ?? ''
			});
			return { formId: 'enter', saved: true };
		} catch (caught) {
			if (!(caught instanceof UserFacingError)) throw caught;
			return fail(caught.status, { formId: 'enter', message: caught.message, field: caught.field ?? null, values });
		}
	},
	publish: async (event) => {
		const user = requireRole(event, 'coordinator');
		const values = textFields(await event.request.formData());
		try {
			const count = await publishResults(event.locals.db, user.id, event.params.sessionId, values.appealUntil ?? '', event.url.origin);
			await dispatchOutbox(event.locals.db);
			return { formId: 'publish', published: count };
		} catch (caught) {
			if (!(caught instanceof UserFacingError)) throw caught;
			return fail(caught.status, { formId: 'publish', message: caught.message, field: caught.field ?? null, values });
		}
	}
};
