import { redirect } from '@sveltejs/kit';
import { addMonths, format } from 'date-fns';
import { formatInTimeZone } from '$lib/domain/time/format';
import { fr } from '$lib/i18n/fr';
import { SESSION_MANAGER, guard, guardActions } from '$lib/server/access';
import { enterResult, publishResults, sessionResults } from '$lib/server/certification/results-service';
import { sessionAttendance } from '$lib/server/attendance/attendance-service';
import { halfDaySlug, localDateText } from '$lib/domain/attendance/half-day';
import { askedPage } from '$lib/domain/pagination/pagination';
import { listSessionCandidates } from '$lib/server/sessions/session-repository';
import type { Actions, PageServerLoad } from './$types';

const CAUSES: Record<string, string> = {
	pv: 'signature du procès-verbal',
	import: 'import de résultats',
	manual: 'saisie manuelle',
	publication: 'publication'
};

export const load: PageServerLoad = guard(SESSION_MANAGER, async (event, { db, checked }) => {
	const [results, attendance, candidates] = await Promise.all([
		sessionResults(db, checked.id, askedPage(event.url.searchParams.get('page'))),
		sessionAttendance(db, checked.id),
		listSessionCandidates(db, checked.id)
	]);
	const zone = results.session.timezone;
	const at = (instant: Date) => `${formatInTimeZone(instant, zone, 'dd/MM/yyyy HH:mm')} (${zone})`;
	return {
		blockCodes: results.referentiel.blocks.map((block) => block.code),
		importableBlocks: results.importableBlocks,
		juries: results.juries,
		// Each jury's attendance sheets, one per half-day it heard candidates in: kept with its procès-verbal.
		attendance: attendance.map((jury) => ({
			juryId: jury.juryId,
			label: jury.label,
			sheets: jury.halfDays.map((halfDay) => ({
				slug: halfDaySlug(halfDay),
				label: fr.attendance.halfDayLabel(halfDay.part, localDateText(halfDay.date))
			}))
		})),
		publication: results.publication && {
			publishedAt: at(results.publication.publishedAt),
			appealUntil: results.publication.appealUntil.split('-').reverse().join('/')
		},
		defaultAppeal: format(addMonths(new Date(), 2), 'yyyy-MM-dd'),
		pagination: results.pagination,
		// The entry form chooses among every candidate of the session, whatever the page shown.
		choices: candidates.map((candidate) => ({ id: candidate.id, name: candidate.name })),
		rows: results.rows.map((row) => ({
			id: row.id,
			name: row.name,
			email: row.email,
			jury: row.juryLabel,
			state: row.state,
			outcome: row.current ? fr.certification.outcomes[row.current.outcome] : null,
			reasons: row.current?.reasons ?? [],
			blocks: row.blocks.map((block) => ({
				code: block.blockCode,
				validated: block.validated,
				known: block.known,
				origin: block.origin
			})),
			history: row.history.map((entry) => ({
				id: entry.id,
				at: at(entry.decidedAt),
				outcome: fr.certification.outcomes[entry.outcome],
				validated: entry.validatedBlocks.join(', ') || 'aucun',
				cause: CAUSES[entry.cause] ?? entry.cause
			}))
		}))
	};
});

export const actions: Actions = guardActions(SESSION_MANAGER, {
	enter: async (_event, { user, db, checked, form, keep }) => {
		const { values } = await form();
		keep({ formId: 'enter', values });
		await enterResult(db, user.id, checked.id, {
			candidateId: values.candidateId ?? '',
			blockCode: values.blockCode ?? '',
			validated: values.validated ?? '',
			date: values.date ?? '',
			origin: values.origin ?? ''
		});
		return { formId: 'enter', saved: true };
	},
	publish: async (event, { user, db, checked, form, keep }) => {
		const { values } = await form();
		keep({ formId: 'publish', values });
		const { jobId } = await publishResults(db, user.id, checked.id, values.appealUntil ?? '', event.url.origin);
		redirect(303, `/coordination/sessions/${checked.id}/travaux/${jobId}`);
	}
});
