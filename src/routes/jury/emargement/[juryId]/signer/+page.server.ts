import { redirect } from '@sveltejs/kit';
import { SIGNATURE_PAD } from '$lib/domain/attendance/signature-image';
import { localDateText } from '$lib/domain/attendance/half-day';
import { fr } from '$lib/i18n/fr';
import { juryName } from '$lib/i18n/fr/common';
import { guard, guardActions } from '$lib/server/access';
import { juryAttendance, signAttendance } from '$lib/server/attendance/attendance-service';
import { UserFacingError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

const access = { roles: ['juror'], permission: 'jury.attendance', param: 'juryId' } as const;
const t = fr.attendance;

export const load: PageServerLoad = guard(access, async (event, { user, db, checked }) => {
	const slug = event.url.searchParams.get('demi-journee');
	const personId = event.url.searchParams.get('personne');
	const sheetPath = `/jury/emargement/${checked.id}`;
	if (!slug || !personId) redirect(303, sheetPath);
	const { jury, sheet } = await juryAttendance(db, checked.id, slug);
	const candidate = sheet?.candidates.find((entry) => entry.personId === personId);
	const juror = sheet?.jurors.find((entry) => entry.personId === personId);
	const person = candidate ?? juror;
	if (!sheet || !person) throw new UserFacingError('attendance.person-not-found', 404, t.refusals.personNotFound);
	if (juror && juror.personId !== user.id) throw new UserFacingError('attendance.juror-self', 403, t.refusals.jurorSelf);
	// Signed already, or absent: nothing to sign here, the sheet says so.
	if (person.signature || candidate?.absent) redirect(303, `${sheetPath}?demi-journee=${slug}`);
	const halfDay = t.halfDayLabel(sheet.halfDay.part, localDateText(sheet.halfDay.date));
	return {
		sheetPath: `${sheetPath}?demi-journee=${slug}`,
		slug,
		personId: person.personId,
		name: person.name,
		kind: candidate ? ('candidate' as const) : ('juror' as const),
		intro: candidate ? t.pages.sign.candidateIntro(halfDay, juryName(jury.label)) : t.pages.sign.jurorIntro(halfDay, juryName(jury.label)),
		isSelf: person.personId === user.id,
		isPresident: checked.place === 'president',
		pad: SIGNATURE_PAD
	};
});

export const actions: Actions = guardActions(access, {
	sign: async (_event, { user, db, checked, form }) => {
		const posted = await form();
		const { values } = posted;
		const input = {
			halfDay: values.halfDay ?? '',
			personId: values.personId ?? '',
			method: values.method ?? '',
			image: posted.file('signature')
		};
		await signAttendance(db, user, checked.id, input);
		redirect(
			303,
			`/jury/emargement/${checked.id}?demi-journee=${encodeURIComponent(input.halfDay)}&signe=${encodeURIComponent(input.personId)}`
		);
	}
});
