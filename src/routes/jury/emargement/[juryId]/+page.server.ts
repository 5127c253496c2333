import { halfDaySlug, localDateText } from '$lib/domain/attendance/half-day';
import { formatInTimeZone, zoneLabel } from '$lib/domain/time/format';
import { fr } from '$lib/i18n/fr';
import { guard, guardActions } from '$lib/server/access';
import { juryAttendance, markAbsent, type SheetLine } from '$lib/server/attendance/attendance-service';
import type { Actions, PageServerLoad } from './$types';

const access = { roles: ['juror'], permission: 'jury.attendance', param: 'juryId' } as const;
const t = fr.attendance;

export const load: PageServerLoad = guard(access, async (event, { user, db, checked }) => {
	const { jury, halfDays, sheet } = await juryAttendance(db, checked.id, event.url.searchParams.get('demi-journee'));
	const zone = jury.timezone;
	const time = (instant: Date) => formatInTimeZone(instant, zone, 'HH:mm');
	const state = (line: SheetLine) =>
		line.signature && {
			text:
				line.signature.method === 'paper'
					? t.pages.sheet.signedOnPaper(time(line.signature.signedAt))
					: t.pages.sheet.signedAt(time(line.signature.signedAt)),
			collector: line.signature.collectorName
		};
	const signedId = event.url.searchParams.get('signe');
	const everyone = sheet ? [...sheet.candidates, ...sheet.jurors] : [];
	// One row per defense: a team signs person by person, and is absent together.
	const defenses = sheet
		? [...new Set(sheet.candidates.map((candidate) => candidate.defenseId))].map((defenseId) => {
				const candidates = sheet.candidates.filter((candidate) => candidate.defenseId === defenseId);
				return {
					defenseId,
					time: time(candidates[0].plannedStart),
					absent: candidates[0].absent,
					mayBeMarkedAbsent: candidates[0].planned && candidates.every((candidate) => !candidate.signature),
					candidates: candidates.map((candidate) => ({ id: candidate.personId, name: candidate.name, signed: state(candidate) }))
				};
			})
		: [];
	return {
		juryId: jury.id,
		juryLabel: jury.label,
		sessionName: jury.sessionName,
		isPresident: checked.place === 'president',
		userId: user.id,
		halfDays: halfDays.map((halfDay) => ({
			slug: halfDaySlug(halfDay),
			label: t.halfDayLabel(halfDay.part, localDateText(halfDay.date)),
			current: sheet !== null && halfDaySlug(halfDay) === halfDaySlug(sheet.halfDay)
		})),
		sheet: sheet && {
			slug: halfDaySlug(sheet.halfDay),
			label: t.halfDayLabel(sheet.halfDay.part, localDateText(sheet.halfDay.date)),
			rooms: sheet.rooms.join(', '),
			zone: zoneLabel(sheet.candidates[0]?.plannedStart ?? new Date(), zone),
			defenses,
			jurors: sheet.jurors.map((juror) => ({ id: juror.personId, name: juror.name, president: juror.president, signed: state(juror) }))
		},
		signedName: everyone.find((line) => line.personId === signedId && line.signature)?.name ?? null
	};
});

export const actions: Actions = guardActions(access, {
	absent: async (_event, { user, db, checked, form }) => {
		const { values } = await form();
		await markAbsent(db, user, checked.id, values.defenseId ?? '');
		return { markedAbsent: true };
	}
});
