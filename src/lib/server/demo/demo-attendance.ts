import { halfDayOf, halfDaySlug, sameHalfDay } from '$lib/domain/attendance/half-day';
import type { Database } from '../db/connect';
import { juryAttendance, signAttendance } from '../attendance/attendance-service';
import { sessionJuryIds } from '../attendance/attendance-repository';
import { demoSignaturePng } from './demo-signatures';

const MINUTE = 60_000;

/**
 * The attendance sheets of a session as its juries would have filled them on the tablet, up to
 * `until`: each juror signs on arriving, ten minutes before the half-day's first defense; each
 * candidate whose defense began signs five minutes before it, the president collecting. A
 * signature never falls before its half-day (a morning arrival is not an afternoon one).
 */
export async function signDemoAttendance(db: Database, sessionId: string, until: Date): Promise<void> {
	for (const juryId of await sessionJuryIds(db, sessionId)) {
		const { jury, halfDays } = await juryAttendance(db, juryId, null, until);
		if (!jury.presidentId) continue;
		const president = { id: jury.presidentId, role: 'juror' as const };
		for (const halfDay of halfDays) {
			const { sheet } = await juryAttendance(db, juryId, halfDaySlug(halfDay), until);
			const first = sheet?.candidates[0]?.plannedStart;
			if (!sheet || !first || first > until) continue;
			const before = (start: Date, minutes: number) => {
				const early = new Date(start.getTime() - minutes * MINUTE);
				return sameHalfDay(halfDayOf(early, jury.timezone), halfDay) ? early : start;
			};
			const sign = (actor: { id: string; role: 'juror' }, personId: string, name: string, at: Date) =>
				signAttendance(
					db,
					actor,
					juryId,
					{
						halfDay: halfDaySlug(halfDay),
						personId,
						method: 'drawn',
						image: new File([new Uint8Array(demoSignaturePng(name))], 'signature.png')
					},
					at
				);
			for (const [index, juror] of sheet.jurors.entries())
				if (!juror.signature) await sign({ id: juror.personId, role: 'juror' }, juror.personId, juror.name, before(first, 10 - index));
			for (const candidate of sheet.candidates)
				if (!candidate.signature && !candidate.absent && !candidate.planned)
					await sign(president, candidate.personId, candidate.name, before(candidate.plannedStart, 5));
		}
	}
}
