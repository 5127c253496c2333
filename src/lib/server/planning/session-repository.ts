import type { Executor } from '../db/transaction';

export async function listSessionsWithCounts(db: Executor) {
	return db
		.selectFrom('exam_sessions')
		.select((eb) => [
			'exam_sessions.id',
			'exam_sessions.name',
			'exam_sessions.timezone',
			'exam_sessions.block_code as blockCode',
			eb.selectFrom('session_days').select((d) => d.fn.min('day').as('first')).whereRef('session_days.session_id', '=', 'exam_sessions.id').as('firstDay'),
			eb.selectFrom('session_days').select((d) => d.fn.max('day').as('last')).whereRef('session_days.session_id', '=', 'exam_sessions.id').as('lastDay'),
			eb.selectFrom('registrations').select((r) => r.fn.countAll<string>().as('n')).whereRef('registrations.session_id', '=', 'exam_sessions.id').as('candidates'),
			eb.selectFrom('juries').select((j) => j.fn.countAll<string>().as('n')).whereRef('juries.session_id', '=', 'exam_sessions.id').as('juries')
		])
		.orderBy('firstDay', 'desc')
		.execute();
}
